/**
 * The consolidated tabs written into an open workbook through the Office.js adapter, on the in-memory Excel host
 * (which refuses what Excel refuses): the same number of syncs for 3 files and for 60, text from the sheets stays
 * text, a user's sheet of the same name is kept, the summary sheets of a single check are left alone, a read-only
 * workbook is refused before anything is written. And the task pane's service reading picked files as a browser
 * hands them over (bytes and names).
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkWorkbook, consolidate, fileReport, summaryModel, type FileReport, type Submission } from '../src/core';
import { ExcelConnector, type ExcelApi } from '../src/excel/connector';
import { TasseiService } from '../src/taskpane/service';
import { createExcelHost, hostModelFromExcelJs, type ExcelHost } from '../src/excelHost';
import { newSheet } from '../src/excelHost/model';
import { checkSample, openSample, sampleMapping, SAMPLES, SAMPLE_NAMES, type SampleName } from './helpers/samples';

async function hostOf(name: SampleName): Promise<ExcelHost> {
  return createExcelHost(hostModelFromExcelJs(await openSample(name)));
}

const connectorOf = (host: ExcelHost) => new ExcelConnector(host.Excel as unknown as ExcelApi, host.Office.context.requirements);

const reports = new Map<SampleName, FileReport>();
async function submissions(count: number): Promise<Submission[]> {
  const out: Submission[] = [];
  for (let i = 0; i < count; i++) {
    const name = SAMPLE_NAMES[i % 3]!;
    if (!reports.has(name)) reports.set(name, (await checkSample(name)).report);
    out.push({ report: { ...reports.get(name)!, file: `${String(i + 1).padStart(3, '0')}-${name}.xlsx` }, hash: `${name}-${i}` });
  }
  return out;
}

const cellsOf = (host: ExcelHost, sheet: string) => [...host.model.sheets.find((s) => s.name === sheet)!.cells.values()].flatMap((line) => [...line.values()]);

describe('writeConsolidated', () => {
  test('as many syncs for 60 files as for 3', async () => {
    const syncs: number[] = [];
    for (const n of [3, 60]) {
      const host = await hostOf('jigyo-keikaku-r6');
      host.stats.reset();
      const names = await connectorOf(host).writeConsolidated(consolidate(await submissions(n)));
      expect(names).toEqual(['ファイル一覧', '達成状況（全ファイル）', '予算（全ファイル）', '予算合計', '検証結果（全ファイル）']);
      syncs.push(host.stats.syncCount);
      // One row per file under the header.
      const files = host.model.sheets.find((s) => s.name === 'ファイル一覧')!;
      expect(Math.max(...files.cells.keys()) + 1).toBe(n + 1);
    }
    expect(syncs[1]).toBe(syncs[0]);
    expect(syncs[0]).toBeLessThanOrEqual(3);
  });

  test('text stays text; a user sheet of the same name and the single-check summary are left alone; written again, ours are replaced', async () => {
    const host = await hostOf('shisaku-322-r3');
    newSheet(host.model, 'ファイル一覧').cells.set(0, new Map([[0, { value: '担当者のメモ' }]]));
    const connector = connectorOf(host);
    const mapping = sampleMapping('shisaku-322-r3');
    const result = checkWorkbook((await connector.readWorkbook(mapping)).grid, mapping);
    await connector.writeSummary(summaryModel(result, fileReport('x', result).findings));

    const subs = await submissions(1);
    const report = subs[0]!.report;
    const injected: Submission = { ...subs[0]!, report: { ...report, indicators: [{ ...report.indicators[0]!, name: '=1+1' }, ...report.indicators.slice(1)] } };
    const names = await connector.writeConsolidated(consolidate([injected]));
    expect(names[0]).toBe('ファイル一覧 (2)');
    const cell = cellsOf(host, '達成状況（全ファイル）').find((c) => c.value === '=1+1' || c.formula === '=1+1')!;
    expect(cell).toMatchObject({ value: '=1+1', numberFormat: '@' });
    expect(cell.formula).toBeUndefined();

    const again = await connector.writeConsolidated(consolidate(await submissions(2)));
    expect(again).toEqual(names);
    const sheetNames = host.model.sheets.map((s) => s.name);
    expect(sheetNames.filter((n) => n.startsWith('ファイル一覧'))).toEqual(['ファイル一覧', 'ファイル一覧 (2)']);
    // The summary of the single check is still there.
    expect(sheetNames).toEqual(expect.arrayContaining(['達成状況', '予算', '検証結果']));
    expect(cellsOf(host, 'ファイル一覧')[0]!.value).toBe('担当者のメモ');
  });

  test('a read-only workbook: refused before anything is written', async () => {
    const host = await hostOf('jigyo-keikaku-r6');
    host.model.readOnly = true;
    await expect(connectorOf(host).writeConsolidated(consolidate(await submissions(3)))).rejects.toMatchObject({ key: 'readOnly' });
    expect(host.model.sheets.map((s) => s.name)).toEqual(['事業計画', '成果目標値']);
  });
});

describe('the service: picked files in, consolidated tabs out', () => {
  const pick = (file: string, as = path.basename(file)) => ({ name: as, bytes: new Uint8Array(readFileSync(path.join(SAMPLES, file))) });

  test('each file with its own mapping, else the open workbook’s, else detected; a bad file listed with its reason', async () => {
    const host = await hostOf('jigyo-keikaku-r6');
    const service = new TasseiService(connectorOf(host), 'ja');
    const files = [
      pick('shisaku-322-r3.xlsx'),
      pick('shisaku-322-r3.tassei.json'),
      // No mapping picked with it: the open workbook's (that of the 事業計画書) is used.
      pick('jigyo-keikaku-r6.xlsx', 'copy.xlsx'),
      { name: 'broken.xlsx', bytes: new Uint8Array(readFileSync(path.join(SAMPLES, 'jigyo-keikaku-r6.xlsx')).subarray(0, 5000)) },
    ];
    const done = await service.consolidate(files, sampleMapping('jigyo-keikaku-r6'));
    expect(done.model.files.map((f) => [f.file, f.status, f.error?.code ?? null])).toEqual([
      ['shisaku-322-r3.xlsx', 'warnings', null],
      ['copy.xlsx', 'warnings', null],
      ['broken.xlsx', 'failed', 'corrupt'],
    ]);
    expect(done.model.files[1]!.totals).toMatchObject({ budgets: 25, gap: 5 });
    expect(done.model.files[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(done.sheets).toHaveLength(5);
    // Without any mapping, its tables are detected, as `tassei check` does: the figures of its own mapping.
    const empty = { version: 1 as const, tables: [] };
    const detected = await service.consolidate([pick('monitoring-r1.xlsx')], empty);
    const own = await service.consolidate([pick('monitoring-r1.xlsx'), pick('monitoring-r1.tassei.json')], empty);
    expect(detected.model.files[0]!.error).toBeNull();
    expect(detected.model.files[0]!.totals).toEqual(own.model.files[0]!.totals);
    expect(detected.model.files[0]!.totals.indicators).toBeGreaterThan(0);
    // A readable workbook with no table in it is reported so.
    const memo = new ExcelJS.Workbook();
    memo.addWorksheet('メモ').getCell('A1').value = '提出にあたっての連絡事項（表はありません）。';
    const none = await service.consolidate([{ name: 'memo.xlsx', bytes: new Uint8Array(await memo.xlsx.writeBuffer()) }], empty);
    expect(none.model.files[0]!.error).toMatchObject({ code: 'no-mapping' });
  });
});
