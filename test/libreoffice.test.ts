/**
 * The checked workbooks as LibreOffice Calc sees them: the command line is run on copies of the three samples,
 * then LibreOffice (soffice, headless) opens inputs and outputs and exports every sheet to CSV — once with the
 * cells' values, once with their text as shown. The summary sheets must read back as written, the user's own
 * sheets must read back exactly as in the input, and names from a submitted sheet that look like formulas must
 * stay text.
 *
 * Needs LibreOffice ≥ 7.2 (soffice on PATH, or SOFFICE=…). Without it these tests FAIL, on purpose: CI installs it.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { parseCommandLine } from '../src/cli/args';
import { runCheck, type CheckRun } from '../src/cli/check';
import { SAMPLES, SAMPLE_NAMES, type SampleName } from './helpers/samples';
import { records, requireSoffice, roundTrip, sofficeVersion, workbooksToCsv, type WorkbookCsv } from './helpers/libreoffice';

const TIMEOUT = 180_000;
const SUMMARY_SHEETS = ['達成状況', '予算', '検証結果'];
const INJECTED = 'shisaku-322-r3-injected';

let dir = '';
let inputs: Record<SampleName, string>;
let outputs: Record<SampleName, string>;
let injectedInput = '';
let injectedOutput = '';
let hashesBefore = new Map<string, string>();
let filesBefore: string[] = [];
let cliRun: CheckRun;
let cliText = '';
/** LibreOffice's CSV of every sheet: values (raw) and text as shown (shown). */
let raw: Map<string, WorkbookCsv>;
let shown: Map<string, WorkbookCsv>;
/** Samples opened and saved again as xlsx by LibreOffice: input → copy. */
let savedByLibreOffice: Map<string, string>;
let sofficeMs = 0;

const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const listFiles = (d: string): string[] => fs.readdirSync(d, { recursive: true, encoding: 'utf8' }).sort();

function sheetOf(book: Map<string, WorkbookCsv>, file: string, sheet: string): Record<string, string>[] {
  const wb = book.get(file);
  if (!wb) throw new Error(`no LibreOffice export of ${file}`);
  const rows = wb.sheets.get(sheet);
  if (!rows) throw new Error(`LibreOffice shows no sheet ${sheet} in ${path.basename(file)}; it shows: ${wb.sheetNames.join(', ')}`);
  return records(rows);
}

/** Runs the command line as `tassei check --out OUT --force FILES…` would, capturing what it prints. */
async function cli(argv: string[]): Promise<{ run: CheckRun; out: string; err: string }> {
  const parsed = parseCommandLine(argv);
  if (!parsed.ok || parsed.command !== 'check') throw new Error(`command line not accepted: ${JSON.stringify(parsed)}`);
  let out = '';
  let err = '';
  const run = await runCheck(parsed.args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { run, out, err };
}

/** A copy of samples/shisaku-322-r3.xlsx whose two indicator names (施策322!A20, A22) look like formulas. */
async function writeInjectedCopy(to: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(SAMPLES, 'shisaku-322-r3.xlsx'));
  const ws = wb.getWorksheet('施策322');
  if (!ws) throw new Error('sample shisaku-322-r3 has no sheet 施策322');
  ws.getCell('A20').value = '=1+1'; // a string, not { formula }: text in the cell
  ws.getCell('A22').value = '@SUM(A1)';
  await wb.xlsx.writeFile(to);
  fs.copyFileSync(path.join(SAMPLES, 'shisaku-322-r3.tassei.json'), to.replace(/\.xlsx$/, '.tassei.json'));
}

beforeAll(async () => {
  requireSoffice(); // fails every test below with an install hint when LibreOffice is missing
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tassei-lo-test-'));
  const inDir = path.join(dir, 'in');
  const outDir = path.join(dir, 'out');
  fs.mkdirSync(inDir);
  inputs = {} as Record<SampleName, string>;
  outputs = {} as Record<SampleName, string>;
  for (const name of SAMPLE_NAMES) {
    for (const ext of ['.xlsx', '.tassei.json']) fs.copyFileSync(path.join(SAMPLES, name + ext), path.join(inDir, name + ext));
    inputs[name] = path.join(inDir, `${name}.xlsx`);
    outputs[name] = path.join(outDir, `${name}.checked.xlsx`);
  }
  injectedInput = path.join(inDir, `${INJECTED}.xlsx`);
  injectedOutput = path.join(outDir, `${INJECTED}.checked.xlsx`);
  await writeInjectedCopy(injectedInput);

  hashesBefore = new Map(listFiles(inDir).map((f) => [f, sha256(path.join(inDir, f))]));
  filesBefore = listFiles(inDir);

  const { run, out, err } = await cli(['check', '--out', outDir, '--force', ...SAMPLE_NAMES.map((n) => inputs[n]), injectedInput]);
  cliRun = run;
  cliText = `${out}\n${err}`;
  for (const f of [...Object.values(outputs), injectedOutput]) {
    if (!fs.existsSync(f)) throw new Error(`the command line did not write ${f} (exit code ${run.code}):\n${cliText}`);
  }

  // Two soffice runs side by side, each with its own profile: values, and text as shown.
  const originals = SAMPLE_NAMES.map((n) => inputs[n]);
  const checked = SAMPLE_NAMES.map((n) => outputs[n]);
  const started = Date.now();
  [raw, shown, savedByLibreOffice] = await Promise.all([
    workbooksToCsv([...originals, ...checked, injectedInput, injectedOutput], { asShown: false }),
    workbooksToCsv([...originals, ...checked], { asShown: true }),
    roundTrip([inputs['jigyo-keikaku-r6'], inputs['shisaku-322-r3']], 'xlsx', path.join(dir, 'lo-saved')),
  ]);
  sofficeMs = Date.now() - started;
}, TIMEOUT);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('checked workbooks opened in LibreOffice Calc', () => {
  test(
    'the command line wrote every checked copy and reported no file it could not handle',
    () => {
      expect(cliRun.code).not.toBe(2);
      expect(cliRun.outcomes.map((o) => [path.basename(o.report.file), o.outputProblem])).toEqual(
        [...SAMPLE_NAMES, INJECTED].map((n) => [`${n}.xlsx`, null]),
      );
    },
    TIMEOUT,
  );

  test(
    'inputs are byte-identical after the run and nothing was written beside them',
    () => {
      const inDir = path.join(dir, 'in');
      expect(listFiles(inDir)).toEqual(filesBefore);
      for (const [f, h] of hashesBefore) expect([f, sha256(path.join(inDir, f))]).toEqual([f, h]);
      for (const name of SAMPLE_NAMES) expect(sha256(inputs[name])).toBe(sha256(path.join(SAMPLES, `${name}.xlsx`)));
    },
    TIMEOUT,
  );

  test.each(SAMPLE_NAMES)(
    '%s: LibreOffice loads the checked copy, with the original sheets followed by 達成状況, 予算, 検証結果',
    (name) => {
      const original = raw.get(inputs[name])!.sheetNames;
      expect(original.length).toBeGreaterThan(0);
      expect(raw.get(outputs[name])!.sheetNames).toEqual([...original, ...SUMMARY_SHEETS]);
      expect(shown.get(outputs[name])!.sheetNames).toEqual([...original, ...SUMMARY_SHEETS]);
    },
    TIMEOUT,
  );

  test.each(SAMPLE_NAMES)(
    "%s: every original sheet's cells read back exactly as in the input (values and text as shown)",
    (name) => {
      const input = raw.get(inputs[name])!;
      for (const sheet of input.sheetNames) {
        const label = `${name} / ${sheet}`;
        expect([label, raw.get(outputs[name])!.text.get(sheet)]).toEqual([label, input.text.get(sheet)]);
        expect([label, shown.get(outputs[name])!.text.get(sheet)]).toEqual([label, shown.get(inputs[name])!.text.get(sheet)]);
        expect(input.sheets.get(sheet)!.some((r) => r.some((c) => c !== ''))).toBe(true); // not a vacuous comparison
      }
    },
    TIMEOUT,
  );

  test(
    'the sheets named in the brief are among those compared: 施策322（記入例） and 事業計画',
    () => {
      expect(raw.get(inputs['shisaku-322-r3'])!.sheetNames).toContain('施策322（記入例）');
      expect(raw.get(inputs['jigyo-keikaku-r6'])!.sheetNames).toContain('事業計画');
      const before = raw.get(inputs['jigyo-keikaku-r6'])!.sheets.get('事業計画')!;
      const after = raw.get(outputs['jigyo-keikaku-r6'])!.sheets.get('事業計画')!;
      expect(after).toEqual(before);
      expect(after.flat()).toContain('よろず支援拠点事業');
    },
    TIMEOUT,
  );

  test(
    'jigyo-keikaku-r6: 予算 has 25 projects and a 合計 row of 1,145,196 / 1,092,909 / 52,287 (numbers, shown with separators)',
    () => {
      const file = outputs['jigyo-keikaku-r6'];
      const rows = sheetOf(raw, file, '予算');
      const projects = rows.filter((r) => r['シート'] !== '' && r['事業名'] !== '');
      expect(projects).toHaveLength(25);
      expect(projects.every((r) => r['シート'] === '事業計画' && r['年度'] === '2024' && r['単位'] === '千円')).toBe(true);

      const totals = rows.filter((r) => r['事業名'] === '合計' || Object.values(r).includes('合計'));
      expect(totals).toHaveLength(1);
      const total = totals[0]!;
      // Values, not text: LibreOffice exports numbers as plain numbers, and they add up.
      expect([total['事業費'], total['前年度事業費'], total['前年度比']]).toEqual(['1145196', '1092909', '52287']);
      const sum = (k: string): number => projects.reduce((s, r) => s + (r[k] === '' ? 0 : Number(r[k])), 0);
      expect(projects.every((r) => /^-?\d+$/.test(r['事業費']!))).toBe(true);
      expect([sum('事業費'), sum('前年度事業費'), sum('前年度比')]).toEqual([1145196, 1092909, 52287]);
      expect(projects.find((r) => r['事業名'] === 'よろず支援拠点事業')).toMatchObject({ 財源: '国', 事業費: '74990', 前年度事業費: '74990' });

      // As shown: the number formats the product wrote are honoured.
      const shownTotal = sheetOf(shown, file, '予算').find((r) => Object.values(r).includes('合計'))!;
      expect([shownTotal['事業費'], shownTotal['前年度事業費'], shownTotal['前年度比']]).toEqual(['1,145,196', '1,092,909', '52,287']);
    },
    TIMEOUT,
  );

  test(
    'shisaku-322-r3: 達成状況 has 技術開発や技術課題解決に向けた共同研究等に取り組んだ企業数（累計） FY2021: 73 / 80 → 1.1 (1.10), 達成',
    () => {
      const file = outputs['shisaku-322-r3'];
      const name = '技術開発や技術課題解決に向けた共同研究等に取り組んだ企業数（累計）';
      const pick = (rows: Record<string, string>[]): Record<string, string>[] =>
        rows.filter((r) => r['指標名'] === name && r['年度'] === '2021' && r['実績値'] !== '');
      const values = pick(sheetOf(raw, file, '達成状況'));
      expect(values).toHaveLength(1);
      expect(values[0]).toMatchObject({ シート: '施策322（記入例）', 単位: '社', 目標値: '73', 実績値: '80', 達成状況: '達成' });
      expect(Number(values[0]!['達成率'])).toBeCloseTo(1.1, 2);
      const asShown = pick(sheetOf(shown, file, '達成状況'));
      expect(asShown[0]).toMatchObject({ 目標値: '73', 実績値: '80', 達成率: '1.10', 達成状況: '達成' });
    },
    TIMEOUT,
  );

  test(
    '検証結果 reads back the findings the command line reported',
    () => {
      for (const name of SAMPLE_NAMES) {
        const rows = sheetOf(raw, outputs[name], '検証結果');
        const outcome = cliRun.outcomes.find((o) => o.report.file === inputs[name])!;
        expect([name, rows.length]).toEqual([name, outcome.report.findings.length]);
      }
      const rows = sheetOf(raw, outputs['jigyo-keikaku-r6'], '検証結果');
      expect(rows).toContainEqual(expect.objectContaining({ シート: '事業計画', セル: 'C40', 期待値: '自', 記載値: '白' }));
    },
    TIMEOUT,
  );

  test(
    'indicator names that look like formulas (=1+1, @SUM(A1)) stay literal text in 達成状況',
    () => {
      // The fixture itself: LibreOffice shows the names as text in the input.
      const inputCells = raw.get(injectedInput)!.sheets.get('施策322')!.flat();
      expect(inputCells).toEqual(expect.arrayContaining(['=1+1', '@SUM(A1)']));

      const rows = sheetOf(raw, injectedOutput, '達成状況').filter((r) => r['シート'] === '施策322');
      const nameOf = (cell: string): string | undefined => rows.find((r) => r['元のセル'] === cell)?.['指標名'];
      expect(nameOf('E21')).toBe('=1+1'); // the indicator of A20:A21
      expect(nameOf('E23')).toBe('@SUM(A1)'); // the indicator of A22:A23
      expect(rows.filter((r) => r['指標名'] === '=1+1').length).toBeGreaterThanOrEqual(2);
      expect(rows.filter((r) => r['指標名'] === '@SUM(A1)').length).toBeGreaterThanOrEqual(2);
      expect(rows.some((r) => r['指標名'] === '2' || r['指標名'] === '#NAME?' || r['指標名'] === 'Err:508')).toBe(false);
      // And in the flagged sheet itself.
      expect(raw.get(injectedOutput)!.sheets.get('施策322')).toEqual(raw.get(injectedInput)!.sheets.get('施策322'));
    },
    TIMEOUT,
  );

  test(
    'a sample saved again by LibreOffice as xlsx (as a user of LibreOffice would submit it) checks the same',
    async () => {
      const reports: Record<string, unknown>[] = [];
      for (const [orig, copy] of savedByLibreOffice) {
        fs.copyFileSync(orig.replace(/\.xlsx$/, '.tassei.json'), copy.replace(/\.xlsx$/, '.tassei.json'));
        const { run, out, err } = await cli(['check', copy]);
        const before = cliRun.outcomes.find((o) => o.report.file === orig)!.report;
        const after = run.outcomes[0]!.report;
        expect([path.basename(copy), run.code === 2 ? `${out}\n${err}` : 'ok']).toEqual([path.basename(copy), 'ok']);
        const key = (r: typeof before): unknown => JSON.parse(JSON.stringify({ ...r, file: undefined }));
        expect(key(after)).toEqual(key(before));
        reports.push(after as unknown as Record<string, unknown>);
      }
      expect(reports).toHaveLength(2);
    },
    TIMEOUT,
  );
});

test('LibreOffice version and time taken (for the log)', () => {
  const version = sofficeVersion();
  process.stdout.write(`${version}: three soffice runs side by side took ${sofficeMs} ms\n`);
  expect(version).toMatch(/LibreOffice/);
});
