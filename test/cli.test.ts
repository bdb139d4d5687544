/**
 * `tassei check` as a user runs it: the real command (built to dist/ by `npm test`) on copies of the samples.
 * Exit codes, the JSON contract, the checked workbook, and the promise that inputs are never written.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { SAMPLES, SAMPLE_NAMES } from './helpers/samples';

const CLI = path.join(__dirname, '..', 'dist', 'cli', 'main.js');

function tassei(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function workdir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tassei-cli-'));
  for (const name of SAMPLE_NAMES) {
    copyFileSync(path.join(SAMPLES, `${name}.xlsx`), path.join(dir, `${name}.xlsx`));
    copyFileSync(path.join(SAMPLES, `${name}.tassei.json`), path.join(dir, `${name}.tassei.json`));
  }
  return dir;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every cell value of every sheet, as ExcelJS reads it. */
async function values(file: string, sheets?: string[]): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, unknown> = {};
  for (const ws of wb.worksheets) {
    if (sheets && !sheets.includes(ws.name)) continue;
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => (out[`${ws.name}!${c.address}`] = c.value)));
  }
  return out;
}

describe('tassei check', () => {
  test('the JSON report follows the contract and the samples exit 0', () => {
    const dir = workdir();
    const r = tassei(['check', '--json', ...SAMPLE_NAMES.map((n) => `${n}.xlsx`)], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.tool).toEqual({ name: 'tassei', version: '0.1.0' });
    expect(report.files.map((f: { file: string }) => f.file)).toEqual(SAMPLE_NAMES.map((n) => `${n}.xlsx`));
    const jigyo = report.files[2];
    expect(jigyo.error).toBeNull();
    expect(jigyo.tables[0]).toEqual({ sheet: '事業計画', range: 'A4:F127', kind: 'budget', layout: 'blocks' });
    expect(Object.keys(jigyo.budgets[1]).sort()).toEqual(
      expect.arrayContaining(['sheet', 'table', 'name', 'source', 'unit', 'fy', 'amount', 'previousFy', 'previousAmount', 'change', 'statedChange', 'cells'].sort()),
    );
    expect(jigyo.budgets[1].cells).toMatchObject({ amount: 'E10', previousAmount: 'E12', change: 'F12' });
    const ind = report.files[0].indicators[0];
    for (const key of ['sheet', 'table', 'name', 'unit', 'direction', 'cumulative', 'baseline', 'points']) expect(ind).toHaveProperty(key);
    for (const key of ['fy', 'target', 'targetQualifier', 'actual', 'ratio', 'status', 'statedRatio', 'cells']) expect(ind.points[0]).toHaveProperty(key);
    for (const key of ['sheet', 'cell', 'rule', 'severity', 'message', 'expected', 'found']) expect(jigyo.findings[0]).toHaveProperty(key);
    expect(report.totals).toMatchObject({ files: 3, indicators: 74, points: 34, met: 10, nearly: 7, gap: 7, pending: 5, errors: 0, warnings: 14 });
  });

  test('--out writes checked copies; the inputs stay byte for byte as they were; no overwrite without --force', async () => {
    const dir = workdir();
    const before = SAMPLE_NAMES.map((n) => sha(path.join(dir, `${n}.xlsx`)));
    const r = tassei(['check', '--out', 'out', ...SAMPLE_NAMES.map((n) => `${n}.xlsx`)], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('■ shisaku-322-r3.xlsx');
    expect(r.stdout).toContain('達成状況（12 点）: 達成 1 · 概ね達成 2 · 未達成 1 · 未確定 4 · 目標なし 4');
    expect(r.stdout).toContain('予算（千円）: 2024年度 1,145,196、前年度 1,092,909、前年度比 52,287');
    expect(SAMPLE_NAMES.map((n) => sha(path.join(dir, `${n}.xlsx`)))).toEqual(before);
    const out = path.join(dir, 'out', 'jigyo-keikaku-r6.checked.xlsx');
    const written = sha(out);

    const again = tassei(['check', '--out', 'out', 'jigyo-keikaku-r6.xlsx'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('は既にあります。上書きするには --force を付けてください。');
    expect(sha(out)).toBe(written);
    expect(tassei(['check', '--out', 'out', '--force', 'jigyo-keikaku-r6.xlsx'], dir).code).toBe(0);
  });

  test('the checked workbook keeps every value of the original sheets and adds the three summary sheets', async () => {
    const dir = workdir();
    expect(tassei(['check', '--out', 'out', 'shisaku-322-r3.xlsx', 'jigyo-keikaku-r6.xlsx'], dir).code).toBe(0);
    for (const name of ['shisaku-322-r3', 'jigyo-keikaku-r6']) {
      const input = path.join(dir, `${name}.xlsx`);
      const output = path.join(dir, 'out', `${name}.checked.xlsx`);
      const original = await values(input);
      expect(await values(output, Object.keys(original).map((k) => k.split('!')[0]!))).toEqual(original);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'out', 'shisaku-322-r3.checked.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['施策322', '施策322（記入例）', '達成状況', '予算', '検証結果']);
    // The gap of 四日市コンビナート (3 / 5 = 0.60) is flagged in its cell: red fill and a note saying why.
    const gap = wb.getWorksheet('施策322（記入例）')!.getCell('E25');
    expect(gap.value).toBe('3 件');
    expect((gap.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(String(gap.note)).toContain('2021年度の達成率 0.60 が基準 0.85 を下回っています');
    // An achieved point is filled green, with no note.
    const met = wb.getWorksheet('施策322（記入例）')!.getCell('E21');
    expect((met.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFC6EFCE');
    expect(met.note).toBeUndefined();
    const achievement = wb.getWorksheet('達成状況')!;
    const rows = achievement.getSheetValues().filter(Boolean) as unknown[][];
    const row = rows.find((r) => r[2] === '技術開発や技術課題解決に向けた共同研究等に取り組んだ企業数（累計）' && r[1] === '施策322（記入例）' && r[4] === 2021)!;
    expect([row[3], row[5], row[7], row[8], row[9]]).toEqual(['社', 73, 80, 1.1, '達成']);
    expect(row[11]).toEqual({ text: 'E21', hyperlink: "#'施策322（記入例）'!E21" });
  });

  test('a user sheet named like a summary sheet is kept, and an existing note is kept above ours', async () => {
    const dir = workdir();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'shisaku-322-r3.xlsx'));
    const own = wb.addWorksheet('達成状況');
    own.getCell('A1').value = '担当者のメモ';
    wb.getWorksheet('施策322（記入例）')!.getCell('E25').note = '確認中（田中）';
    await wb.xlsx.writeFile(path.join(dir, 'mine.xlsx'));
    copyFileSync(path.join(dir, 'shisaku-322-r3.tassei.json'), path.join(dir, 'mine.tassei.json'));

    expect(tassei(['check', '--out', 'out', 'mine.xlsx'], dir).code).toBe(0);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(path.join(dir, 'out', 'mine.checked.xlsx'));
    expect(out.worksheets.map((w) => w.name)).toEqual(['施策322', '施策322（記入例）', '達成状況', '達成状況 (2)', '予算', '検証結果']);
    expect(out.getWorksheet('達成状況')!.getCell('A1').value).toBe('担当者のメモ');
    const note = String(out.getWorksheet('施策322（記入例）')!.getCell('E25').note);
    expect(note.startsWith('確認中（田中）')).toBe(true);
    expect(note).toContain('【Tassei】');
  });

  test('a bad file among good ones: reported with its reason, the others still checked, exit 2', () => {
    const dir = workdir();
    writeFileSync(path.join(dir, 'broken.xlsx'), 'id,name\n1,foo\n');
    const r = tassei(['check', '--json', 'broken.xlsx', '--mapping', 'jigyo-keikaku-r6.tassei.json', 'jigyo-keikaku-r6.xlsx'], dir);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.files[0].error.code).toBe('not-xlsx');
    expect(report.files[0].error.message).toMatch(/xlsx/);
    expect(report.files[1].error).toBeNull();
    expect(report.files[1].budgets).toHaveLength(25);
  });

  test('a workbook with no mapping is checked through detection, a missing file is not-found, bad usage says what to do', () => {
    const dir = workdir();
    copyFileSync(path.join(dir, 'jigyo-keikaku-r6.xlsx'), path.join(dir, 'plain.xlsx'));
    // plain.xlsx has no plain.tassei.json: its tables are detected, and it reads as the sample does with its sidecar.
    const r = tassei(['check', '--json', 'plain.xlsx', 'nowhere.xlsx', 'jigyo-keikaku-r6.xlsx'], dir);
    expect(r.code).toBe(2); // nowhere.xlsx could not be read
    const [plain, nowhere, hand] = JSON.parse(r.stdout).files;
    expect([plain.error, plain.mapping, hand.mapping]).toEqual([null, 'detected', 'jigyo-keikaku-r6.tassei.json']);
    expect(plain.tables).toEqual(hand.tables);
    expect(plain.tables.map((t: { range: string }) => t.range)).toEqual(['A4:F127', 'A4:C11', 'A16:D19', 'A23:D26']);
    expect(plain.budgets).toEqual(hand.budgets);
    expect(plain.indicators).toEqual(hand.indicators);
    expect(plain.findings).toEqual(hand.findings);
    expect(plain.detection.tables.every((t: { applied: boolean }) => t.applied)).toBe(true);
    expect(nowhere.error.code).toBe('not-found');
    expect(nowhere.mapping).toBeNull(); // nothing was detected in a file that is not there
    // The readable summary says the mapping was detected, in words, in both languages.
    const text = tassei(['check', 'plain.xlsx'], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('マッピング: 自動検出（表の候補 4 件のうち 4 件を適用）');
    expect(text.stdout).toContain('表 4 件（指標 11 件、予算 25 事業）');
    expect(tassei(['check', '--lang', 'en', 'plain.xlsx'], dir).stdout).toContain('Mapping: detected (4 of 4 proposed tables applied)');
    expect(tassei(['check', 'jigyo-keikaku-r6.xlsx'], dir).stdout).toContain('マッピング: jigyo-keikaku-r6.tassei.json');
    const missing = tassei(['check', '--json', '--mapping', 'jigyo-keikaku-r6.tassei.json', 'nowhere.xlsx'], dir);
    expect(JSON.parse(missing.stdout).files[0].error.code).toBe('not-found');
    const usage = tassei(['check', '--fy', 'R3', 'plain.xlsx'], dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--fy には西暦の年度（例: 2021）を指定してください: R3');
    const bad = tassei(['check', '--mapping', 'plain.xlsx', 'plain.xlsx'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('マッピング plain.xlsx');
  });

  test('an error finding gives exit 1; --lang en speaks English', () => {
    const dir = workdir();
    const mapping = JSON.parse(readFileSync(path.join(dir, 'jigyo-keikaku-r6.tassei.json'), 'utf8'));
    mapping.tables.push({ ...mapping.tables[1], sheet: '成果目標値（別紙）' });
    writeFileSync(path.join(dir, 'extra.json'), JSON.stringify(mapping));
    const r = tassei(['check', '--json', '--lang', 'en', '--mapping', 'extra.json', 'jigyo-keikaku-r6.xlsx'], dir);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout).files[0].findings;
    expect(findings[0]).toMatchObject({ rule: 'mapping.sheet-missing', severity: 'error', message: 'No sheet named "成果目標値（別紙）"' });
    expect(findings.find((f: { rule: string }) => f.rule === 'budget.source-unknown').message).toBe('Unknown funding source "白" (perhaps "自")');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
