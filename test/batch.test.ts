/**
 * The consolidated summary of many submissions (src/core/consolidate) on the samples' real reports, checked
 * against what an official computes by hand from the sheets (the figures of /work/shared/fixtures/README.md and
 * sums of the cells read straight from the workbook), and its rendering as summary.xlsx (src/xlsx/writeConsolidated),
 * held to what ExcelJS writes for the same workbook.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import {
  buildReport,
  consolidate,
  errorFileReport,
  failedFileReport,
  fileEntryJson,
  reportJsonParts,
  withNotes,
  type ConsolidatedCell,
  type ConsolidatedModel,
  type FileReport,
  type Submission,
} from '../src/core';
import { consolidatedWorkbook, consolidatedXlsx, relativeHref } from '../src/xlsx/writeConsolidated';
import { listZipEntries } from '../src/xlsx/zipInspect';
import { progress } from '../src/cli/progress';
import { checkSample, SAMPLES, type SampleName } from './helpers/samples';

const sha = (name: string) => createHash('sha256').update(readFileSync(path.join(SAMPLES, `${name}.xlsx`))).digest('hex');

const reports = new Map<SampleName, FileReport>();
async function submission(name: SampleName, file = `${name}.xlsx`): Promise<Submission> {
  if (!reports.has(name)) reports.set(name, (await checkSample(name)).report);
  return { report: { ...reports.get(name)!, file }, hash: sha(name) };
}

function rowsOf(model: ConsolidatedModel, key: string): (readonly ConsolidatedCell[])[] {
  const sheet = model.sheets.find((s) => s.key === key);
  if (!sheet) throw new Error(`no sheet ${key}`);
  return [...sheet.rows()];
}

/** Amounts as the 事業計画 sheet writes them: '74,990', '▲ 7,133', a number, or '—' for none. */
function amountOf(v: ExcelJS.CellValue): number | null {
  if (typeof v === 'number') return v;
  const text = String(v ?? '').trim();
  if (!/\d/.test(text)) return null;
  const n = Number(text.replace(/[▲,\s]/g, ''));
  return text.startsWith('▲') ? -n : n;
}

/** Per 財源: the fy2024 amounts and previous amounts of the 25 blocks, read from the cells by hand. */
async function jigyoBySource(): Promise<Map<string, { amount: number; previous: number; projects: number }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(SAMPLES, 'jigyo-keikaku-r6.xlsx'));
  const ws = wb.getWorksheet('事業計画')!;
  const out = new Map<string, { amount: number; previous: number; projects: number }>();
  for (let k = 1; k <= 25; k++) {
    const h = 4 + 5 * (k - 1);
    const source = String(ws.getCell(`C${h + 1}`).value);
    const t = out.get(source) ?? { amount: 0, previous: 0, projects: 0 };
    t.amount += amountOf(ws.getCell(`E${h + 1}`).value) ?? 0;
    t.previous += amountOf(ws.getCell(`E${h + 3}`).value) ?? 0;
    t.projects++;
    out.set(source, t);
  }
  return out;
}

describe('consolidating the three samples', () => {
  let model: ConsolidatedModel;
  beforeAll(async () => {
    model = consolidate([await submission('shisaku-322-r3'), await submission('monitoring-r1'), await submission('jigyo-keikaku-r6')]);
  });

  test('one row per file, in the order given, with its counts', () => {
    expect(model.files.map((f) => f.file)).toEqual(['shisaku-322-r3.xlsx', 'monitoring-r1.xlsx', 'jigyo-keikaku-r6.xlsx']);
    const jigyo = model.files[2]!;
    // 成果目標値: 6 + 3 + 2 indicators, 25 budget blocks; 5 ratios under 0.85 (0.82, 0.75, 0.33, 0.53, 0.61) and the
    // two 財源 「白」: 7 warnings, no error.
    expect(jigyo.totals).toMatchObject({ indicators: 11, budgets: 25, gap: 5, met: 4, nearly: 2, errors: 0, warnings: 7 });
    expect(jigyo.status).toBe('warnings');
    expect(jigyo.hash).toBe(sha('jigyo-keikaku-r6'));
    const rows = rowsOf(model, 'files');
    expect(rows).toHaveLength(3);
    expect(rows[2]![0]).toEqual({ value: 'jigyo-keikaku-r6.xlsx', source: { file: 'jigyo-keikaku-r6.xlsx', sheet: null, cell: null } });
    expect(rows[2]![1]!.value).toBe('警告あり');
    expect(model.totals).toMatchObject({ files: 3, failedFiles: 0, budgets: 7 * 2 + 25 });
  });

  test('files of different report years are said to be so, each with the years of the others', () => {
    expect(model.files.map((f) => f.reportFy)).toEqual([2021, 2019, 2023]);
    const notes = model.files.map((f) => f.notes.filter((n) => n.code === 'other-year').map((n) => n.message));
    expect(notes[0]).toEqual(['評価年度が他のファイルと異なります（このファイル 2021年度、ほかに 2019年度 1 件、2023年度 1 件）']);
    expect(notes[1]).toEqual(['評価年度が他のファイルと異なります（このファイル 2019年度、ほかに 2021年度 1 件、2023年度 1 件）']);
    // No two samples share a sheet name or content.
    expect(model.files.flatMap((f) => f.notes.filter((n) => n.code !== 'other-year'))).toEqual([]);
  });

  test('budget totals per fiscal year: the sums an official makes of the sheets', () => {
    const fy = (y: number) => model.budgetTotals.find((t) => t.kind === 'fy' && t.fy === y)!;
    // 施策322 and its 記入例 each list the seven projects ①–⑦ (R2 → R3, 千円).
    const r3 = 73597 + 27568 + 104198 + 8052 + 5489 + 594 + 12768;
    const r2 = 51835 + 78128 + 104737 + 11156 + 7141 + 744 + 2500;
    expect(fy(2021)).toEqual({ kind: 'fy', unit: '千円', fy: 2021, source: null, projects: 14, files: 1, amount: 2 * r3, previousAmount: 2 * r2, change: 2 * (r3 - r2) });
    // The fixtures' README: fy2024 1,145,196; fy2023 1,092,909; change 52,287.
    expect(fy(2024)).toMatchObject({ projects: 25, files: 1, amount: 1_145_196, previousAmount: 1_092_909, change: 52_287 });
  });

  test('budget totals per 財源 within the year match the cells summed by hand', async () => {
    const byHand = await jigyoBySource();
    const computed = model.budgetTotals.filter((t) => t.kind === 'source' && t.fy === 2024);
    expect(new Set(computed.map((t) => t.source))).toEqual(new Set(byHand.keys()));
    for (const t of computed) {
      const h = byHand.get(t.source!)!;
      expect({ source: t.source, amount: t.amount, previous: t.previousAmount, projects: t.projects }).toEqual({ source: t.source, amount: h.amount, previous: h.previous, projects: h.projects });
    }
    expect(computed.reduce((s, t) => s + t.amount, 0)).toBe(1_145_196);
    // The year's total row follows its sources; the 施策 lines have no 財源.
    const rows = rowsOf(model, 'budgetTotals').map((r) => [r[0]!.value, r[1]!.value, r[5]!.value]);
    expect(rows[0]).toEqual([2021, '（財源なし）', 2 * 232_266]);
    expect(rows[1]).toEqual([2021, '2021年度 合計', 2 * 232_266]);
    expect(rows[rows.length - 1]).toEqual([2024, '2024年度 合計', 1_145_196]);
  });

  test('one row per indicator and year across the files, each linked to its file, sheet and cell', () => {
    const rows = rowsOf(model, 'achievement');
    expect(rows).toHaveLength(model.sheets.find((s) => s.key === 'achievement')!.rowCount);
    const example = rows.filter((r) => r[0]!.value === 'shisaku-322-r3.xlsx' && r[1]!.value === '施策322（記入例）' && r[4]!.value === 2021);
    // The README's hand-computed 3年度 ratios: 50/53, 80/73, 92/100, 3/5.
    expect(example.map((r) => [r[8]!.value, r[9]!.value])).toEqual([
      [0.94, '概ね達成'],
      [1.1, '達成'],
      [0.92, '概ね達成'],
      [0.6, '未達成'],
    ]);
    expect(example[3]![11]).toEqual({ value: 'E25', source: { file: 'shisaku-322-r3.xlsx', sheet: '施策322（記入例）', cell: 'E25' } });
    const block2 = rows.filter((r) => r[0]!.value === 'jigyo-keikaku-r6.xlsx' && r[4]!.value === 2023).map((r) => r[8]!.value);
    expect(block2).toEqual([0.86, 0.82, 0.91, 1.06, 0.75, 1.05, 1.29, 0.33, 0.53, 1.23, 0.61]);
    const statuses = rows.map((r) => r[9]!.value);
    expect(statuses.filter((s) => s === '未達成')).toHaveLength(model.totals.gap);
    expect(statuses.filter((s) => s === '達成')).toHaveLength(model.totals.met);
  });

  test('every finding of every file, with where it is', () => {
    const rows = rowsOf(model, 'findings');
    expect(rows).toHaveLength(model.totals.errors + model.totals.warnings + model.totals.infos);
    const shiro = rows.filter((r) => r[2]!.value === 'budget.source-unknown');
    expect(shiro.map((r) => r[4]!.source)).toEqual([
      { file: 'jigyo-keikaku-r6.xlsx', sheet: '事業計画', cell: 'C40' },
      { file: 'jigyo-keikaku-r6.xlsx', sheet: '事業計画', cell: 'C45' },
    ]);
  });
});

describe('what only shows across files', () => {
  test('the same submission twice: both kept and counted, each row saying so', async () => {
    const model = consolidate([await submission('jigyo-keikaku-r6', 'a/jigyo.xlsx'), await submission('shisaku-322-r3'), await submission('jigyo-keikaku-r6', 'b/jigyo.xlsx')]);
    const [a, , b] = model.files;
    expect(a!.notes.find((n) => n.code === 'duplicate')).toMatchObject({ files: ['b/jigyo.xlsx'], message: '同じ内容のファイルがあります: b/jigyo.xlsx（どちらの行もそのまま集計に含めています）' });
    expect(b!.notes.find((n) => n.code === 'duplicate')!.files).toEqual(['a/jigyo.xlsx']);
    // Two files with the same sheet names: the rows of each stay apart, told by the file column.
    expect(a!.notes.filter((n) => n.code === 'same-sheet').map((n) => n.sheet)).toEqual(['事業計画', '成果目標値']);
    expect(model.duplicates).toBe(2);
    expect(model.budgetTotals.find((t) => t.kind === 'fy' && t.fy === 2024)).toMatchObject({ files: 2, projects: 50, amount: 2 * 1_145_196 });
    const budgetRows = rowsOf(model, 'budget');
    expect(budgetRows.filter((r) => r[0]!.value === 'a/jigyo.xlsx')).toHaveLength(25);
    expect(budgetRows.filter((r) => r[0]!.value === 'b/jigyo.xlsx')).toHaveLength(25);
    const totals = rowsOf(model, 'budgetTotals');
    expect(totals[totals.length - 1]![1]!.value).toBe('同じ内容のファイルが 2 件あり、合計にはそのすべてが含まれています（ファイル一覧の「注意」を参照）');
    // Same years: no year note between the two copies and … the 施策 file of 2021 differs from both.
    expect(b!.notes.find((n) => n.code === 'other-year')!.message).toBe('評価年度が他のファイルと異なります（このファイル 2023年度、ほかに 2021年度 1 件）');
  });

  test('a folder of one form: every file shares its sheet names, and the notes stay short', async () => {
    // 15 submissions of the same 施策評価表: each shares its sheets with 14 others; its notes name the first 10
    // and count them all, so the report grows with the number of files, not with its square.
    const subs = await Promise.all(Array.from({ length: 15 }, (_, i) => submission('shisaku-322-r3', `dept${String(i + 1).padStart(2, '0')}.xlsx`)));
    const model = consolidate(subs.map((s, i) => ({ ...s, hash: `h${i}` })));
    for (const f of model.files) {
      const same = f.notes.filter((n) => n.code === 'same-sheet');
      expect(same.map((n) => n.sheet)).toEqual(['施策322', '施策322（記入例）']);
      for (const n of same) {
        expect(n.count).toBe(14);
        expect(n.files).toHaveLength(10);
        expect(n.files).not.toContain(f.file);
        expect(n.message).toMatch(/ほか 11 件/);
      }
    }
    expect(model.files[0]!.notes[0]!.files[0]).toBe('dept02.xlsx');
  });

  test('a file that could not be read is listed with its reason and counted apart', async () => {
    const broken: Submission = { report: failedFileReport('broken.xlsx', { code: 'encrypted' }), hash: null };
    const none: Submission = { report: errorFileReport('plain.xlsx', 'no-mapping', 'no mapping'), hash: 'x' };
    const model = consolidate([broken, await submission('jigyo-keikaku-r6'), none]);
    expect(model.files.map((f) => f.status)).toEqual(['failed', 'warnings', 'failed']);
    expect(model.totals).toMatchObject({ files: 3, failedFiles: 2 });
    const row = rowsOf(model, 'files')[0]!;
    expect(row[1]).toMatchObject({ value: '読み込めません', style: 'severity.error' });
    expect(row[15]!.value).toBe('encrypted');
    expect(String(row[16]!.value)).toContain('パスワード');
    // No notes about years from files that were not read.
    expect(model.files[1]!.notes).toEqual([]);
  });

  test('in English', async () => {
    const model = consolidate([await submission('jigyo-keikaku-r6', 'a.xlsx'), await submission('jigyo-keikaku-r6', 'b.xlsx')], 'en');
    expect(model.sheets.map((s) => s.name)).toEqual(['Files', 'Achievement (all files)', 'Budget (all files)', 'Budget totals', 'Findings (all files)']);
    expect(model.files[0]!.notes[0]!.message).toBe('Same content as b.xlsx (both are kept and counted)');
    expect(rowsOf(model, 'budgetTotals').find((r) => r[1]!.value === 'FY2024 total')![5]!.value).toBe(2 * 1_145_196);
  });
});

/** A workbook as ExcelJS reads it back: every sheet's name, view, filter, widths, and each cell's value, type and style. */
async function readBack(bytes: Uint8Array | ArrayBuffer): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  // Key order does not matter in a style; ExcelJS reads a column of its default width (9) as no width.
  const canon = (o: unknown): unknown =>
    o && typeof o === 'object' && !Array.isArray(o) ? Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canon(v)])) : o;
  return wb.worksheets.map((ws) => {
    const cells: unknown[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => row.eachCell({ includeEmpty: false }, (cell, c) => cells.push([r, c, cell.value, cell.type, canon(cell.style)])));
    const widths = Array.from({ length: ws.columnCount }, (_, j) => ws.getColumn(j + 1).width ?? 9);
    return { name: ws.name, views: ws.views, autoFilter: ws.autoFilter, widths, cells };
  });
}

const href = (f: string) => relativeHref(`../${f}`);

describe('summary.xlsx', () => {
  test('links to the file, sheet and cell; text that looks like a formula stays text; header styled', async () => {
    const sub = await submission('shisaku-322-r3', 'in/施策 322#1.xlsx');
    const ind = sub.report.indicators[0]!;
    const injected: Submission = { ...sub, report: { ...sub.report, indicators: [{ ...ind, name: '=1+1' }, ...sub.report.indicators.slice(1)] } };
    const model = consolidate([injected]);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load((await consolidatedXlsx(model, { fileHref: href })) as unknown as ArrayBuffer);
    expect(read.worksheets.map((w) => w.name)).toEqual(['ファイル一覧', '達成状況（全ファイル）', '予算（全ファイル）', '予算合計', '検証結果（全ファイル）']);
    const ach = read.getWorksheet('達成状況（全ファイル）')!;
    expect(ach.getCell('A1').value).toBe('ファイル');
    expect(ach.getCell('A1').font?.bold).toBe(true);
    expect(ach.getCell('C2').value).toBe('=1+1');
    expect(ach.getCell('C2').type).toBe(ExcelJS.ValueType.String);
    expect(read.getWorksheet('ファイル一覧')!.getCell('A2').value).toEqual({ text: 'in/施策 322#1.xlsx', hyperlink: '../in/施策%20322%231.xlsx' });
    expect(ach.getCell('A2').value).toBe('in/施策 322#1.xlsx');
    // 施策322 has no 3年度 actual (E11 blank): the row links to where it belongs.
    expect(ach.getCell('L2').value).toEqual({ text: 'E11', hyperlink: "../in/施策%20322%231.xlsx#'施策322'!E11" });
    expect(ach.getCell('H2').value).toBeNull();
    const files = read.getWorksheet('ファイル一覧')!;
    expect(files.getCell('B2').value).toBe('警告あり');
    expect((files.getCell('B2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFEB9C');
  });

  test('reads back cell for cell as the workbook ExcelJS builds of the same summary', async () => {
    // The three samples, one of them twice (notes, totals with duplicates), a file that could not be read.
    const model = consolidate([
      await submission('shisaku-322-r3', 'in/施策 322.xlsx'),
      await submission('monitoring-r1', 'in/monitoring.xlsx'),
      await submission('jigyo-keikaku-r6', 'in/a/jigyo.xlsx'),
      await submission('jigyo-keikaku-r6', 'in/b/jigyo.xlsx'),
      { report: failedFileReport('in/locked.xlsx', { code: 'encrypted' }), hash: null },
    ]);
    const fast = await readBack(await consolidatedXlsx(model, { fileHref: href }));
    const reference = await readBack(await (await consolidatedWorkbook(model, { fileHref: href })).xlsx.writeBuffer());
    expect(fast).toEqual(reference);
    // Not two empty workbooks: hundreds of cells, with links and styles.
    const cells = (fast as { cells: unknown[][] }[]).flatMap((s) => s.cells);
    expect(cells.length).toBeGreaterThan(1000);
    expect(cells.filter((c) => typeof c[2] === 'object' && c[2] !== null && 'hyperlink' in c[2]).length).toBeGreaterThan(100);
  });

  test('text is kept as written: spaces, line breaks, markup, _xHHHH_, characters XML cannot hold dropped', async () => {
    const sub = await submission('jigyo-keikaku-r6', 'x.xlsx');
    const names = [' 前後に空白 ', '二行\n目', '<b>&amp;"\'</b>', '_x0041_ stays', 'bell\u0007 gone'];
    const budgets = sub.report.budgets.slice(0, names.length).map((b, i) => ({ ...b, name: names[i]! }));
    const model = consolidate([{ ...sub, report: { ...sub.report, budgets } }]);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load((await consolidatedXlsx(model, { fileHref: () => null })) as unknown as ArrayBuffer);
    const ws = read.getWorksheet('予算（全ファイル）')!;
    expect(names.map((_, i) => ws.getCell(`C${i + 2}`).value)).toEqual([' 前後に空白 ', '二行\n目', '<b>&amp;"\'</b>', '_x0041_ stays', 'bell gone']);
  });

  test('the zip is sound: every part’s CRC-32 and sizes check out, with the web codec as with node:zlib', async () => {
    const zlib = await import('node:zlib');
    const model = consolidate([await submission('monitoring-r1')]);
    for (const codec of [undefined, { deflateRaw: (d: Uint8Array) => zlib.deflateRawSync(d) }]) {
      const bytes = await consolidatedXlsx(model, { fileHref: href, codec });
      const listing = listZipEntries(bytes);
      if (!listing.ok) throw new Error('not a zip');
      expect(listing.entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
      for (const e of listing.entries) {
        const data = zlib.inflateRawSync(bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize));
        expect(data.length).toBe(e.uncompressedSize);
        const crc = new DataView(bytes.buffer, bytes.byteOffset).getUint32(e.localHeaderOffset + 14, true);
        expect(crc).toBe(zlib.crc32(data));
      }
    }
  });
});

describe('the JSON report joined from each file\'s own text', () => {
  test('is exactly JSON.stringify of the whole report, notes and all', async () => {
    const subs = [await submission('jigyo-keikaku-r6', 'a.xlsx'), await submission('monitoring-r1'), await submission('jigyo-keikaku-r6', 'b.xlsx')];
    const failed: Submission = { report: failedFileReport('in/locked.xlsx', { code: 'encrypted' }), hash: null };
    const all = [...subs, failed];
    const model = consolidate(all);
    const entries = all.map((s, i) => ({ ...s.report, mapping: i === 3 ? null : 'x.tassei.json', output: null, hash: s.hash }));
    const files = entries.map((e, i) => ({ ...e, notes: model.files[i]!.notes }));
    const report = { ...buildReport(files), summary: 'out/summary.xlsx' };
    expect(files[0]!.notes.length).toBeGreaterThan(0);
    expect(files[3]!.notes).toEqual([]);
    const texts = entries.map((e, i) => withNotes(fileEntryJson(e), files[i]!.notes));
    expect(reportJsonParts(report, texts).join('')).toBe(JSON.stringify(report, null, 2));
    expect(reportJsonParts(buildReport([]), []).join('')).toBe(JSON.stringify(buildReport([]), null, 2));
    expect(reportJsonParts(buildReport([]), [withNotes('{}', [])]).join('')).toBe(JSON.stringify({ ...buildReport([]), files: [{ notes: [] }] }, null, 2));
  });
});

describe('progress on stderr', () => {
  const sink = (isTTY: boolean) => {
    let text = '';
    return { stream: { isTTY, columns: 60, write: (s: string) => (text += s) }, text: () => text };
  };
  test('a bar redrawn in place on a terminal', () => {
    const s = sink(true);
    const p = progress(s.stream, 2, { quiet: true, line: () => 'never' });
    p.tick('a.xlsx', 'ok');
    p.tick('b.xlsx', 'ok');
    p.end();
    expect(s.text()).toContain(`\r[${'#'.repeat(24)}] 2/2 b.xlsx`);
    expect(s.text()).not.toContain('\n');
    // A long path keeps its end within the terminal's width (60 columns here); a pseudo-terminal's 0 reads as 80.
    const long = sink(true);
    progress(long.stream, 1, { quiet: true, line: () => '' }).tick(`submissions/${'部'.repeat(80)}/last.xlsx`, 'ok');
    const line = long.text().split('\r').at(-1)!.replace('\u001b[K', '');
    expect(line).toMatch(/^\[#{24}\] 1\/1 …部+\/last\.xlsx$/);
    expect(line.length).toBe(59);
  });
  test('plain lines otherwise; none when quiet', () => {
    const s = sink(false);
    const p = progress(s.stream, 2, { quiet: false, line: (done, file, status) => `[${done}/2] ${file}: ${status}` });
    p.tick('a.xlsx', '問題なし');
    expect(s.text()).toBe('[1/2] a.xlsx: 問題なし\n');
    const q = sink(false);
    progress(q.stream, 1, { quiet: true, line: () => 'x' }).tick('a.xlsx', 'ok');
    expect(q.text()).toBe('');
  });
});
