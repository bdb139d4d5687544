/**
 * The Office.js adapter on the in-memory Excel host, with the sample workbooks loaded as Excel would hold them:
 * the same figures as the command line, a fixed number of syncs, flags that clear back exactly, summary sheets that
 * never overwrite a user's sheet nor turn text into formulas, and refusals before anything is written.
 */
import { toArray } from '../src/core/evaluate/points';
import { checkWorkbook, fileReport, flagPlan, summaryModel, type Mapping } from '../src/core';
import { ExcelConnector, type ExcelApi } from '../src/excel/connector';
import { AddinError } from '../src/excel/errors';
import { TasseiService } from '../src/taskpane/service';
import { createExcelHost, hostModelFromExcelJs, type ExcelHost, type HostWorkbookModel } from '../src/excelHost';
import { checkSample, openSample, sampleMapping, type SampleName } from './helpers/samples';

async function hostOf(name: SampleName, options: Parameters<typeof createExcelHost>[1] = {}): Promise<ExcelHost> {
  return createExcelHost(hostModelFromExcelJs(await openSample(name)), options);
}

function connectorOf(host: ExcelHost): ExcelConnector {
  return new ExcelConnector(host.Excel as unknown as ExcelApi, host.Office.context.requirements);
}

/** Every cell value (and formula) of the user's sheets: what the add-in must never change. */
function values(model: HostWorkbookModel, sheets?: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of model.sheets) {
    if (sheets && !sheets.includes(s.name)) continue;
    for (const [r, line] of s.cells) for (const [c, cell] of line) if (cell.value !== undefined || cell.formula !== undefined) out[`${s.name}!${r},${c}`] = [cell.value, cell.formula];
  }
  return out;
}

/** Fills and notes of every cell: what clearing the flags must put back. */
function looks(model: HostWorkbookModel): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of model.sheets) for (const [r, line] of s.cells) for (const [c, cell] of line) if (cell.fill || cell.note) out[`${s.name}!${r},${c}`] = [cell.fill ?? null, cell.note ?? null];
  return out;
}

const cellOf = (model: HostWorkbookModel, sheet: string, address: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return model.sheets.find((s) => s.name === sheet)!.cells.get(Number(m[2]) - 1)?.get(col);
};

describe('reading through Excel gives the figures of the command line', () => {
  test.each(['shisaku-322-r3', 'monitoring-r1', 'jigyo-keikaku-r6'] as const)('%s', async (name) => {
    const host = await hostOf(name);
    const mapping = sampleMapping(name);
    const read = await connectorOf(host).readWorkbook(mapping);
    const viaExcel = fileReport(`samples/${name}.xlsx`, checkWorkbook(read.grid, mapping));
    const viaFile = (await checkSample(name)).report;
    expect(viaExcel.indicators).toEqual(viaFile.indicators);
    expect(viaExcel.budgets).toEqual(viaFile.budgets);
    expect(viaExcel.findings).toEqual(viaFile.findings);
    expect(host.stats.syncCount).toBeLessThanOrEqual(3);
  });
});

describe('flags', () => {
  test('fill by status and a note on the gap; values untouched; cleared back exactly; two syncs each', async () => {
    const host = await hostOf('shisaku-322-r3');
    // A note the official wrote before: kept above ours, and put back as it was.
    host.model.sheets[1]!.cells.get(24)!.get(4)!.note = '確認中（田中）';
    const before = { values: values(host.model), looks: looks(host.model) };
    const connector = connectorOf(host);
    const mapping = sampleMapping('shisaku-322-r3');
    const result = checkWorkbook((await connector.readWorkbook(mapping)).grid, mapping);
    const report = fileReport('x', result);

    host.stats.reset();
    const applied = await connector.applyFlags(flagPlan(result, report.findings), '【Tassei】');
    expect(host.stats.syncCount).toBeLessThanOrEqual(3);
    expect(applied.cells).toBeGreaterThan(0);
    const gap = cellOf(host.model, '施策322（記入例）', 'E25')!;
    expect(gap.fill?.color).toBe('#FFC7CE');
    expect(gap.note).toBe('確認中（田中）\n\n【Tassei】\n[警告] 2021年度の達成率 0.60 が基準 0.85 を下回っています');
    expect(cellOf(host.model, '施策322（記入例）', 'E21')!.fill?.color).toBe('#C6EFCE');
    expect(values(host.model)).toEqual(before.values);

    // Flagging again replaces our flags, and still remembers the original look.
    await connector.applyFlags(flagPlan(result, report.findings), '【Tassei】');
    expect(cellOf(host.model, '施策322（記入例）', 'E25')!.note!.match(/【Tassei】/g)).toHaveLength(1);

    host.stats.reset();
    await connector.clearFlags();
    expect(host.stats.syncCount).toBeLessThanOrEqual(3);
    expect(looks(host.model)).toEqual(before.looks);
    expect(values(host.model)).toEqual(before.values);
  });

  test('without the notes API (ExcelApi 1.17) cells are flagged by fill only, and notes are left alone', async () => {
    const host = await hostOf('shisaku-322-r3', { requirementSets: { ExcelApi: '1.17' } });
    const connector = connectorOf(host);
    expect(connector.capabilities().notes).toBe(false);
    const mapping = sampleMapping('shisaku-322-r3');
    const result = checkWorkbook((await connector.readWorkbook(mapping)).grid, mapping);
    await connector.applyFlags(flagPlan(result, fileReport('x', result).findings), '【Tassei】');
    expect(cellOf(host.model, '施策322（記入例）', 'E25')!.fill?.color).toBe('#FFC7CE');
    expect(cellOf(host.model, '施策322（記入例）', 'E25')!.note).toBeUndefined();
  });

  test('a protected sheet: a clear refusal, and nothing written anywhere', async () => {
    const host = await hostOf('shisaku-322-r3');
    host.model.sheets[1]!.protected = true;
    const before = JSON.stringify([looks(host.model), values(host.model), [...host.model.settings]]);
    const connector = connectorOf(host);
    const mapping = sampleMapping('shisaku-322-r3');
    const result = checkWorkbook((await connector.readWorkbook(mapping)).grid, mapping);
    const attempt = connector.applyFlags(flagPlan(result, fileReport('x', result).findings), '【Tassei】');
    await expect(attempt).rejects.toBeInstanceOf(AddinError);
    await expect(attempt).rejects.toMatchObject({ key: 'protected', params: { sheets: '施策322（記入例）' } });
    expect(JSON.stringify([looks(host.model), values(host.model), [...host.model.settings]])).toBe(before);
  });
});

describe('summary sheets', () => {
  test('written in at most three syncs; a user sheet of the same name is kept; names from the sheets stay text', async () => {
    const host = await hostOf('shisaku-322-r3');
    const sheet = host.model.sheets[1]!;
    sheet.cells.get(19)!.get(0)!.value = '=1+1'; // an indicator "named" like a formula (A20)
    const mine = host.model.sheets.length;
    const { newSheet } = await import('../src/excelHost/model');
    newSheet(host.model, '達成状況').cells.set(0, new Map([[0, { value: '担当者のメモ' }]]));
    const connector = connectorOf(host);
    const mapping = sampleMapping('shisaku-322-r3');
    const result = checkWorkbook((await connector.readWorkbook(mapping)).grid, mapping);
    host.stats.reset();
    const names = await connector.writeSummary(summaryModel(result, fileReport('x', result).findings));
    expect(host.stats.syncCount).toBeLessThanOrEqual(3);
    expect(names).toEqual(['達成状況 (2)', '予算', '検証結果']);
    expect(host.model.sheets[mine]!.cells.get(0)!.get(0)!.value).toBe('担当者のメモ');
    const summary = host.model.sheets.find((s) => s.name === '達成状況 (2)')!;
    const texts = [...summary.cells.values()].flatMap((line) => [...line.values()]);
    const injected = texts.find((c) => c.value === '=1+1' || c.formula === '=1+1')!;
    expect(injected).toMatchObject({ value: '=1+1', numberFormat: '@' });
    expect(injected.formula).toBeUndefined();
    // Written again: our sheets are replaced, the user's stays.
    const again = await connector.writeSummary(summaryModel(result, fileReport('x', result).findings));
    expect(again).toEqual(names);
    expect(host.model.sheets.filter((s) => s.name.startsWith('達成状況')).map((s) => s.name)).toEqual(['達成状況', '達成状況 (2)']);
  });

  test('a read-only workbook: refused before anything is written', async () => {
    const host = await hostOf('jigyo-keikaku-r6');
    host.model.readOnly = true;
    const connector = connectorOf(host);
    const mapping = sampleMapping('jigyo-keikaku-r6');
    const result = checkWorkbook((await connector.readWorkbook(mapping)).grid, mapping);
    await expect(connector.writeSummary(summaryModel(result, fileReport('x', result).findings))).rejects.toMatchObject({ key: 'readOnly' });
    expect(host.model.sheets.map((s) => s.name)).toEqual(['事業計画', '成果目標値']);
  });
});

describe('the mapping saved in the workbook', () => {
  test('survives save and reopen, and follows its table when rows are inserted above it', async () => {
    const host = await hostOf('jigyo-keikaku-r6');
    const service = new TasseiService(connectorOf(host), 'ja');
    const mapping = sampleMapping('jigyo-keikaku-r6');
    await service.saveMapping(mapping);
    const first = await service.check(mapping);

    // Save and reopen: a new host from the saved state.
    const reopened = createExcelHost();
    reopened.loadState(host.saveState());
    // Two rows inserted above everything on 事業計画 (as a user would, in Excel).
    await reopened.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('事業計画').getRange('1:2').insert(reopened.Excel.InsertShiftDirection.down);
      await ctx.sync();
    });
    const again = new TasseiService(connectorOf(reopened), 'ja');
    const loaded = await again.loadMapping();
    expect(loaded.notices).toEqual(['表「事業計画」は 事業計画!A4:F127 から 事業計画!A6:F129 に移動していたため、位置を合わせました。']);
    const moved = loaded.mapping.tables[0]!;
    expect(moved).toMatchObject({ range: 'A6:F129', projects: [{ name: 'D7', amount: 'E7', previousAmount: 'E9', statedChange: 'F9' }] });
    const second = await again.check(loaded.mapping);
    expect(second.result.budgets.map((b) => [b.name, b.amount, b.previousAmount, b.change])).toEqual(first.result.budgets.map((b) => [b.name, b.amount, b.previousAmount, b.change]));
    expect(second.result.indicators.map((i) => toArray(i.points).map((p) => p.ratio))).toEqual(first.result.indicators.map((i) => toArray(i.points).map((p) => p.ratio)));
  });

  test('a renamed sheet is followed; a deleted one is reported and its table dropped, not guessed', async () => {
    const host = await hostOf('jigyo-keikaku-r6');
    const service = new TasseiService(connectorOf(host), 'ja');
    await service.saveMapping(sampleMapping('jigyo-keikaku-r6'));
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('事業計画').name = '事業計画（R6）';
      ctx.workbook.worksheets.getItem('成果目標値').delete();
      await ctx.sync();
    });
    const loaded = await service.loadMapping();
    expect(loaded.mapping.tables.map((t) => [t.sheet, t.range])).toEqual([['事業計画（R6）', 'A4:F127']]);
    expect(loaded.notices).toEqual([
      '表「事業計画（R6）」は 事業計画!A4:F127 から 事業計画（R6）!A4:F127 に移動していたため、位置を合わせました。',
      '表「成果目標値 A4:C11」の位置がわからなくなりました（シートまたは範囲が削除されています）。登録し直してください。',
      '表「成果目標値 A16:D19」の位置がわからなくなりました（シートまたは範囲が削除されています）。登録し直してください。',
      '表「成果目標値 A23:D26」の位置がわからなくなりました（シートまたは範囲が削除されています）。登録し直してください。',
    ]);
    const outcome = await service.check(loaded.mapping);
    expect(outcome.result.budgets).toHaveLength(25);
  });

  test('a deleted mapped sheet: the check says so in a finding, nothing is guessed', async () => {
    const host = await hostOf('jigyo-keikaku-r6');
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('成果目標値').delete();
      await ctx.sync();
    });
    const service = new TasseiService(connectorOf(host), 'ja');
    const outcome = await service.check(sampleMapping('jigyo-keikaku-r6') as Mapping);
    expect(outcome.report.findings.filter((f) => f.rule === 'mapping.sheet-missing').map((f) => f.message)).toEqual(Array(3).fill('シート「成果目標値」がありません'));
    expect(outcome.result.budgets).toHaveLength(25);
  });
});

describe('large selections', () => {
  test('mapping a selection with more than 512 merged names finds every indicator (Excel answers nothing past 512 areas)', async () => {
    const { workbookModel } = await import('../src/excelHost/model');
    const cells: Record<string, string> = { A1: '目標項目', B1: '令和元年度', C1: '２年度', B2: '現状値', C2: '目標値\n実績値' };
    const merges: string[] = [];
    for (let i = 0; i < 600; i++) {
      const r = 3 + 2 * i;
      cells[`A${r}`] = `指標${i + 1}`;
      cells[`B${r}`] = '10 件';
      cells[`C${r}`] = '12 件';
      cells[`C${r + 1}`] = '11 件';
      merges.push(`A${r}:A${r + 1}`);
    }
    const host = createExcelHost(workbookModel({ sheets: [{ name: '施策', cells, merges }] }));
    const sheet = host.model.sheets[0]!;
    host.model.selection = { sheetId: sheet.id, rect: { top: 0, left: 0, bottom: 1202, right: 2 } };
    const service = new TasseiService(connectorOf(host), 'ja');
    const proposal = await service.proposeFromSelection('indicator');
    expect(proposal.table).toMatchObject({ layout: 'two-row', nameColumn: 'A' });
    expect(proposal.table.kind === 'indicator' && proposal.table.rows.length).toBe(600);
    const outcome = await service.check({ version: 1, reportFy: 2020, tables: [proposal.table] });
    expect(outcome.result.indicators.map((i) => i.points.at(0)?.ratio)).toEqual(Array(600).fill(0.92));
    // The last of the 600 merged names is known: read in bands, not in one request Excel would leave empty.
    const grid = await connectorOf(host).readArea('施策', { top: 1, left: 1, bottom: 1203, right: 3 });
    expect(grid.mergedArea(1202, 1)).toEqual({ top: 1201, left: 1, bottom: 1202, right: 1 });
    expect(grid.cell(1202, 1)).toEqual({ kind: 'text', text: '指標600' });
  });
});
