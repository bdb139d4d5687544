/**
 * `tassei check DIR --out OUT` as a user runs it (the built command, dist/cli/main.js): a folder holding the three
 * samples with their mappings, one corrupt and one encrypted workbook. The bad files are listed with their reason,
 * the others checked, exit 2; OUT/summary.xlsx opens in LibreOffice Calc with the counts an official computes by
 * hand from the sheets; --jobs 1 and --jobs 2 give the same report; the same submission twice is reported.
 *
 * Needs LibreOffice (soffice) like test/libreoffice.test.ts: without it these tests fail, on purpose.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { SAMPLES, SAMPLE_NAMES } from './helpers/samples';
import { encryptedWorkbook } from './helpers/badFiles';
import { records, requireSoffice, workbooksToCsv, type WorkbookCsv } from './helpers/libreoffice';

const CLI = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
const TIMEOUT = 240_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function tassei(args: string[], cwd: string): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function copySample(name: string, toDir: string, as = name): void {
  fs.copyFileSync(path.join(SAMPLES, `${name}.xlsx`), path.join(toDir, `${as}.xlsx`));
  fs.copyFileSync(path.join(SAMPLES, `${name}.tassei.json`), path.join(toDir, `${as}.tassei.json`));
}

let dir = '';
let hashesBefore: Record<string, string> = {};
let jobs2: Run;
let jobs1: Run;
let text: Run;
let dup: Run;
let csv: Map<string, WorkbookCsv>;

function sheet(file: string, name: string): Record<string, string>[] {
  const rows = csv.get(path.join(dir, file))?.sheets.get(name);
  if (!rows) throw new Error(`LibreOffice shows no sheet ${name} in ${file}: ${csv.get(path.join(dir, file))?.sheetNames.join(', ')}`);
  return records(rows);
}

beforeAll(async () => {
  requireSoffice();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tassei-batch-'));
  const inDir = path.join(dir, 'in');
  fs.mkdirSync(inDir);
  for (const name of SAMPLE_NAMES) copySample(name, inDir);
  // A download that broke off, and a workbook saved with a password (neither has a mapping).
  fs.writeFileSync(path.join(inDir, 'broken.xlsx'), fs.readFileSync(path.join(SAMPLES, 'jigyo-keikaku-r6.xlsx')).subarray(0, 5000));
  fs.writeFileSync(path.join(inDir, 'locked.xlsx'), encryptedWorkbook());
  fs.writeFileSync(path.join(inDir, 'メモ.txt'), 'not a workbook, not a submission');
  hashesBefore = Object.fromEntries(fs.readdirSync(inDir).map((f) => [f, sha(path.join(inDir, f))]));

  // The same submission twice (under a name a link must escape), and a sheet text that looks like a formula.
  const dupDir = path.join(dir, 'in2');
  fs.mkdirSync(dupDir);
  copySample('jigyo-keikaku-r6', dupDir);
  copySample('jigyo-keikaku-r6', dupDir, 'jigyo-keikaku-r6 (2)');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(SAMPLES, 'shisaku-322-r3.xlsx'));
  wb.getWorksheet('施策322')!.getCell('A20').value = '=1+1';
  await wb.xlsx.writeFile(path.join(dupDir, 'shisaku-injected.xlsx'));
  fs.copyFileSync(path.join(SAMPLES, 'shisaku-322-r3.tassei.json'), path.join(dupDir, 'shisaku-injected.tassei.json'));

  jobs2 = tassei(['check', 'in', '--out', 'out2', '--jobs', '2', '--json'], dir);
  jobs1 = tassei(['check', 'in', '--out', 'out1', '--jobs', '1', '--json'], dir);
  text = tassei(['check', 'in', '--out', 'out-text', '--summary-only'], dir);
  dup = tassei(['check', 'in2', '--out', 'out-dup', '--summary-only', '--json'], dir);
  for (const out of ['out2', 'out-dup']) {
    if (!fs.existsSync(path.join(dir, out, 'summary.xlsx'))) throw new Error(`no ${out}/summary.xlsx:\n${jobs2.stderr}\n${dup.stderr}`);
  }
  csv = await workbooksToCsv([path.join(dir, 'out2', 'summary.xlsx'), path.join(dir, 'out-dup', 'summary.xlsx')], { asShown: false });
}, TIMEOUT);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('tassei check DIR --out OUT', () => {
  test('bad files are listed with their reason, every other file is checked, exit 2; inputs untouched', () => {
    expect(jobs2.stderr).toBe('');
    expect(jobs2.code).toBe(2);
    const report = JSON.parse(jobs2.stdout);
    // Joined from the texts the workers wrote, it is what JSON.stringify writes of the whole.
    expect(jobs2.stdout).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(report.files.map((f: { file: string }) => f.file)).toEqual(['broken', 'jigyo-keikaku-r6', 'locked', 'monitoring-r1', 'shisaku-322-r3'].map((n) => path.join('in', `${n}.xlsx`)));
    expect(report.files.map((f: { error: { code: string } | null }) => f.error?.code ?? null)).toEqual(['corrupt', null, 'encrypted', null, null]);
    expect(report.files[2].error.message).toContain('パスワード');
    expect(report.totals).toMatchObject({ files: 5, failedFiles: 2, indicators: 74, budgets: 39, met: 10, nearly: 7, gap: 7 });
    expect(report.summary).toBe(path.join('out2', 'summary.xlsx'));
    // Checked copies of the three good files, and nothing else beside the summary.
    expect(fs.readdirSync(path.join(dir, 'out2')).sort()).toEqual(['jigyo-keikaku-r6.checked.xlsx', 'monitoring-r1.checked.xlsx', 'shisaku-322-r3.checked.xlsx', 'summary.xlsx']);
    const inDir = path.join(dir, 'in');
    expect(Object.fromEntries(fs.readdirSync(inDir).map((f) => [f, sha(path.join(inDir, f))]))).toEqual(hashesBefore);
  });

  test('--jobs 1 and --jobs 2 give the same report and the same summary', async () => {
    expect(jobs1.code).toBe(2);
    expect(jobs1.stdout.replaceAll('out1', 'OUT')).toBe(jobs2.stdout.replaceAll('out2', 'OUT'));
    const values = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      return wb.worksheets.map((ws) => [ws.name, ws.getSheetValues()]);
    };
    expect(await values(path.join(dir, 'out1', 'summary.xlsx'))).toEqual(await values(path.join(dir, 'out2', 'summary.xlsx')));
  });

  test('LibreOffice opens summary.xlsx: one row per file with its status and reason', () => {
    const files = sheet('out2/summary.xlsx', 'ファイル一覧');
    expect(files.map((r) => [r['ファイル'], r['状態'], r['エラーの種類']])).toEqual([
      ['in/broken.xlsx', '読み込めません', 'corrupt'],
      ['in/jigyo-keikaku-r6.xlsx', '警告あり', ''],
      ['in/locked.xlsx', '読み込めません', 'encrypted'],
      ['in/monitoring-r1.xlsx', '警告あり', ''],
      ['in/shisaku-322-r3.xlsx', '警告あり', ''],
    ]);
    // 事業計画: 25 blocks; 成果目標値: 6 + 3 + 2 indicators. 施策322 and its 記入例: 4 indicators and 7 projects each.
    const jigyo = files[1]!;
    expect([jigyo['評価年度'], jigyo['指標'], jigyo['予算事業'], jigyo['未達成'], jigyo['警告']]).toEqual(['2023', '11', '25', '5', '7']);
    expect([files[4]!['指標'], files[4]!['予算事業']]).toEqual(['8', '14']);
    expect(files[0]!['理由']).toContain('途中で切れている');
  });

  test('LibreOffice: indicator rows of all files, with the statuses computed by hand from the sheets', () => {
    const rows = sheet('out2/summary.xlsx', '達成状況（全ファイル）');
    const count = (file: string, status: string) => rows.filter((r) => r['ファイル'] === `in/${file}.xlsx` && r['達成状況'] === status).length;
    // 成果目標値 (fy2023): 0.86 0.82 0.91 1.06 0.75 1.05 · 1.29 0.33 0.53 · 1.23 0.61.
    expect(['達成', '概ね達成', '未達成'].map((s) => count('jigyo-keikaku-r6', s))).toEqual([4, 2, 5]);
    // 施策322（記入例） 3年度: 50/53 0.94, 80/73 1.10, 92/100 0.92, 3/5 0.60.
    expect(['達成', '概ね達成', '未達成'].map((s) => count('shisaku-322-r3', s))).toEqual([1, 2, 1]);
    // 進捗（記入例）: 1.15; 1.00 0.99; 1.00 0.95; 1.01 0.96; 0.67; 1.01 and 調査中.
    expect(['達成', '概ね達成', '未達成', '未確定'].map((s) => count('monitoring-r1', s))).toEqual([5, 3, 1, 1]);
    const gap = rows.find((r) => r['ファイル'] === 'in/shisaku-322-r3.xlsx' && r['シート'] === '施策322（記入例）' && r['達成状況'] === '未達成')!;
    expect([gap['年度'], gap['目標値'], gap['実績値'], gap['達成率'], gap['元のセル']]).toEqual(['2021', '5', '3', '0.6', 'E25']);
  });

  test('LibreOffice: budgets of all files, totals per 財源 and per fiscal year', () => {
    expect(sheet('out2/summary.xlsx', '予算（全ファイル）').filter((r) => r['ファイル'] !== '')).toHaveLength(25 + 14);
    const totals = sheet('out2/summary.xlsx', '予算合計');
    const row = (label: string) => totals.find((r) => r['財源'] === label)!;
    // 施策322 twice (the sheet and its 記入例): ①–⑦ R3 73,597 … 12,768 = 232,266; R2 256,241.
    expect([row('2021年度 合計')['事業費'], row('2021年度 合計')['前年度事業費'], row('2021年度 合計')['ファイル数']]).toEqual(['464532', '512482', '1']);
    expect([row('2024年度 合計')['事業費'], row('2024年度 合計')['前年度事業費'], row('2024年度 合計')['前年度比']]).toEqual(['1145196', '1092909', '52287']);
    // The per-source rows of 2024 add up to the year (each source against the cells: test/batch.test.ts).
    const sources = totals.filter((r) => r['年度'] === '2024' && !(r['財源'] ?? '').includes('合計'));
    expect(sources.reduce((s, r) => s + Number(r['事業費']), 0)).toBe(1_145_196);
    expect(sources.map((r) => r['財源'])).toEqual(expect.arrayContaining(['国', '県', '白', '県・市', '市・自', '県・自']));
  });

  test('LibreOffice: every finding of every file', () => {
    const report = JSON.parse(jobs2.stdout);
    const rows = sheet('out2/summary.xlsx', '検証結果（全ファイル）');
    expect(rows).toHaveLength(report.totals.errors + report.totals.warnings + report.totals.infos);
    expect(rows.filter((r) => r['ルール'] === 'budget.source-unknown').map((r) => `${r['ファイル']}!${r['シート']}!${r['セル']}`)).toEqual([
      'in/jigyo-keikaku-r6.xlsx!事業計画!C40',
      'in/jigyo-keikaku-r6.xlsx!事業計画!C45',
    ]);
  });

  test('each row links to its file and cell by a relative path from the summary', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'out2', 'summary.xlsx'));
    const budget = wb.getWorksheet('予算（全ファイル）')!;
    const link = budget.getCell('C3').value as ExcelJS.CellHyperlinkValue;
    expect(link).toEqual({ text: '事業承継・引継ぎ支援センター事業', hyperlink: "../in/jigyo-keikaku-r6.xlsx#'事業計画'!D10" });
    expect(fs.existsSync(path.resolve(dir, 'out2', link.hyperlink.split('#')[0]!))).toBe(true);
  });

  test('without --json: progress lines on stderr, the reasons and the summary on stdout; --summary-only writes no copies', () => {
    expect(text.code).toBe(2);
    const lines = text.stderr.trim().split('\n');
    // One line per file as it is done (in whatever order the workers finish), counted 1 to 5.
    expect(lines.map((l) => l.match(/^\[(\d)\/5\] in\/[^:]+\.xlsx: \S+$/)?.[1])).toEqual(['1', '2', '3', '4', '5']);
    expect(text.stderr).toContain('in/locked.xlsx: 読み込めません');
    expect(text.stdout).toContain('■ in/locked.xlsx\n  読み込めません: ');
    expect(text.stdout).toContain('予算（千円）: 2024年度 1,145,196、前年度 1,092,909、前年度比 52,287');
    expect(text.stdout).toContain(`→ ${path.join('out-text', 'summary.xlsx')} に集計を書き出しました（5 ファイル）`);
    expect(fs.readdirSync(path.join(dir, 'out-text'))).toEqual(['summary.xlsx']);
  });

  test('an existing summary is not overwritten without --force', () => {
    const file = path.join(dir, 'out-text', 'summary.xlsx');
    const before = sha(file);
    const again = tassei(['check', 'in', '--out', 'out-text', '--summary-only', '--json'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`${path.join('out-text', 'summary.xlsx')} は既にあります。上書きするには --force を付けてください。`);
    expect(JSON.parse(again.stdout).summary).toBeNull();
    expect(sha(file)).toBe(before);
    expect(tassei(['check', 'in', '--out', 'out-text', '--summary-only', '--force', '--json', '--jobs', '1'], dir).code).toBe(2);
    expect(sha(file)).not.toBe(before);
  });
});

describe('the same submission twice, and text that looks like a formula', () => {
  test('both copies are checked and kept, each saying the other has the same content', () => {
    expect(dup.code).toBe(0);
    const files = JSON.parse(dup.stdout).files;
    const [a, b] = files;
    expect([a.file, b.file]).toEqual([path.join('in2', 'jigyo-keikaku-r6 (2).xlsx'), path.join('in2', 'jigyo-keikaku-r6.xlsx')]);
    expect(a.hash).toBe(b.hash);
    expect(a.notes.find((n: { code: string }) => n.code === 'duplicate')).toMatchObject({ files: [b.file] });
    expect(b.notes.find((n: { code: string }) => n.code === 'duplicate')).toMatchObject({ files: [a.file] });
    expect(a.budgets).toHaveLength(25);
    expect(b.budgets).toHaveLength(25);
  });

  test('LibreOffice: the note is in the file rows, totals count both, "=1+1" is text', () => {
    const files = sheet('out-dup/summary.xlsx', 'ファイル一覧');
    expect(files[0]!['注意']).toContain('同じ内容のファイルがあります: in2/jigyo-keikaku-r6.xlsx');
    expect(files[1]!['注意']).toContain('同じ内容のファイルがあります: in2/jigyo-keikaku-r6 (2).xlsx');
    const totals = sheet('out-dup/summary.xlsx', '予算合計');
    expect(totals.find((r) => r['財源'] === '2024年度 合計')!['事業費']).toBe(String(2 * 1_145_196));
    expect(totals.some((r) => (r['財源'] ?? '').startsWith('同じ内容のファイルが 2 件あり'))).toBe(true);
    const names = sheet('out-dup/summary.xlsx', '達成状況（全ファイル）').filter((r) => r['シート'] === '施策322').map((r) => r['指標名']);
    expect(names).toContain('=1+1');
  });

  test('the link to a file whose name has a space is escaped', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'out-dup', 'summary.xlsx'));
    expect(wb.getWorksheet('ファイル一覧')!.getCell('A2').value).toEqual({ text: 'in2/jigyo-keikaku-r6 (2).xlsx', hyperlink: '../in2/jigyo-keikaku-r6%20(2).xlsx' });
  });
});
