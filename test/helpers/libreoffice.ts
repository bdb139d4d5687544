/**
 * Running LibreOffice (soffice, Debian package libreoffice-calc) headless on workbooks, to see them as a second,
 * independent spreadsheet program does: export every sheet to CSV, or re-save as xlsx / ods.
 *
 * Every run gets its own user profile (-env:UserInstallation) in a fresh temporary directory, so that runs in
 * parallel (jest workers, other people's runs, CI) never meet: with a shared profile a second soffice hands its
 * work to the first one and returns at once with nothing done. Inputs are copied into the run's own directory
 * first, so LibreOffice's lock files never appear beside them and outputs cannot clash by name.
 *
 * When soffice is missing, requireSoffice() throws with a message saying how to install it: the tests that use it
 * must fail, not skip (CI installs it).
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Default time allowed for one soffice run (it starts in ~5–10 s; the first start of a fresh profile is the slowest). */
export const DEFAULT_TIMEOUT_MS = 120_000;

const CANDIDATES = [
  '/usr/bin/soffice',
  '/usr/bin/libreoffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
];

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The soffice to run: $SOFFICE if set, else soffice / libreoffice on PATH, else the usual install places; null if none. */
export function findSoffice(): string | null {
  const fromEnv = process.env['SOFFICE'];
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : null;
  for (const name of ['soffice', 'libreoffice']) {
    for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
      if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
    }
  }
  return CANDIDATES.find(isExecutable) ?? null;
}

/** The soffice to run, or an Error that says what is missing and how to get it. */
export function requireSoffice(): string {
  const found = findSoffice();
  if (found) return found;
  const env = process.env['SOFFICE'];
  throw new Error(
    (env ? `LibreOffice not found: SOFFICE=${env} is not an executable file.` : 'LibreOffice (soffice) not found on PATH nor in ' + CANDIDATES.join(', ') + '.') +
      '\nThese tests open the checked workbooks in LibreOffice Calc and cannot run without it.' +
      '\nInstall it (Debian/Ubuntu: apt-get install -y --no-install-recommends libreoffice-calc fonts-noto-cjk) or set SOFFICE=/path/to/soffice.',
  );
}

/** "LibreOffice 7.4.7.2 40(Build:2)", for messages. */
export function sofficeVersion(soffice = requireSoffice()): string {
  const r = spawnSync(soffice, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  return (r.stdout ?? '').trim() || `(soffice --version gave nothing: status ${r.status}, ${r.error?.message ?? (r.stderr ?? '').trim()})`;
}

export interface SofficeRun {
  readonly command: string;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

function describeRun(run: SofficeRun): string {
  const clip = (s: string): string => (s.length > 4000 ? `${s.slice(0, 4000)}…` : s);
  return `command: ${run.command}\nexit code: ${run.code}${run.signal ? `, signal ${run.signal}` : ''}, after ${run.ms} ms\nstdout:\n${clip(run.stdout)}\nstderr:\n${clip(run.stderr)}`;
}

/**
 * Runs soffice with args and a fresh user profile; resolves when it ends. On timeout the whole process group is
 * killed (soffice is a script that starts oosplash and soffice.bin) and the promise rejects.
 */
export async function runSoffice(args: readonly string[], opts: { timeoutMs?: number; cwd?: string } = {}): Promise<SofficeRun> {
  const soffice = requireSoffice();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tassei-lo-profile-'));
  const fullArgs = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nolockcheck', ...args];
  const command = [soffice, ...fullArgs].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
  const started = Date.now();
  try {
    return await new Promise<SofficeRun>((resolve, reject) => {
      const child = spawn(soffice, fullArgs, {
        cwd: opts.cwd,
        detached: true, // its own process group, so that a timeout can end soffice.bin too
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, HOME: process.env['HOME'] ?? profile, SAL_USE_VCLPLUGIN: 'svp' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }, timeoutMs);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(new Error(`could not start LibreOffice: ${e.message}\ncommand: ${command}`));
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        const run: SofficeRun = { command, code, signal, stdout, stderr, ms: Date.now() - started };
        if (timedOut) reject(new Error(`LibreOffice did not finish within ${timeoutMs} ms and was killed.\n${describeRun(run)}`));
        else resolve(run);
      });
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** LibreOffice's name for a file type to --convert-to, with its filter and options. */
export type ConvertTarget = string;

/**
 * The CSV export filter (LibreOffice ≥ 7.2 exports every sheet with token 12 = -1, as FILE-SheetName.csv):
 * comma, double quote, UTF-8 (76), and with asShown false the cells' values rather than their formatted text
 * (token 9, "save cell contents as shown"); formulas are not exported as formulas (token 10).
 */
export function csvFilter(asShown: boolean): ConvertTarget {
  return `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${asShown},false,false,-1`;
}

interface Staged {
  readonly dir: string;
  /** Each input: the file given, its stem in the run (f0, f1…) and its copy's path relative to the run's directory. */
  readonly inputs: { file: string; stem: string; staged: string }[];
}

/** Copies files into a fresh directory as f0.ext, f1.ext…: unique names, and nothing written beside the originals. */
function stage(files: readonly string[]): Staged {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tassei-lo-run-'));
  fs.mkdirSync(path.join(dir, 'in'));
  fs.mkdirSync(path.join(dir, 'out'));
  const inputs = files.map((file, i) => {
    if (!fs.existsSync(file)) throw new Error(`LibreOffice input does not exist: ${file}`);
    const stem = `f${i}`;
    const staged = path.join('in', `${stem}${path.extname(file)}`);
    fs.copyFileSync(file, path.join(dir, staged));
    return { file, stem, staged };
  });
  return { dir, inputs };
}

export type CsvRows = string[][];

export interface WorkbookCsv {
  /** The file given. */
  readonly file: string;
  /** Sheet names in the workbook's order (as LibreOffice reports writing them). */
  readonly sheetNames: string[];
  /** Each sheet's cells, row by row, as LibreOffice wrote them in CSV. */
  readonly sheets: Map<string, CsvRows>;
  /** The raw CSV text of each sheet. */
  readonly text: Map<string, string>;
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. Trailing line break ends the last row. */
export function parseCsv(text: string): CsvRows {
  const rows: CsvRows = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  if (text.startsWith('\ufeff')) i = 1;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Opens each workbook in LibreOffice Calc and exports every sheet to CSV, all in one soffice run. Rejects, with
 * soffice's command and output, if soffice fails or any file gives no sheets (LibreOffice could not load it).
 */
export async function workbooksToCsv(files: readonly string[], opts: { asShown?: boolean; timeoutMs?: number } = {}): Promise<Map<string, WorkbookCsv>> {
  if (files.length === 0) return new Map();
  const staged = stage(files);
  try {
    const outDir = path.join(staged.dir, 'out');
    const run = await runSoffice(['--convert-to', csvFilter(opts.asShown ?? false), '--outdir', outDir, ...staged.inputs.map((s) => s.staged)], {
      timeoutMs: opts.timeoutMs,
      cwd: staged.dir,
    });
    if (run.code !== 0) throw new Error(`LibreOffice CSV export failed.\n${describeRun(run)}`);
    const written = fs.readdirSync(outDir);
    // "Writing sheet NAME -> PATH" lines give the sheets' order.
    const order = [...run.stdout.matchAll(/^Writing sheet (.*) -> (.*)$/gm)].map((m) => path.basename(m[2]!.trim()));
    const result = new Map<string, WorkbookCsv>();
    for (const s of staged.inputs) {
      const prefix = `${s.stem}-`;
      const mine = written.filter((n) => n.startsWith(prefix) && n.endsWith('.csv'));
      mine.sort((a, b) => {
        const ia = order.indexOf(a);
        const ib = order.indexOf(b);
        return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib) || a.localeCompare(b);
      });
      if (mine.length === 0) {
        throw new Error(`LibreOffice wrote no CSV for ${s.file}: it could not load it, or this soffice cannot export every sheet (needs LibreOffice ≥ 7.2).\nfiles written: ${written.join(', ') || '(none)'}\n${describeRun(run)}`);
      }
      const sheets = new Map<string, CsvRows>();
      const text = new Map<string, string>();
      const sheetNames: string[] = [];
      for (const n of mine) {
        const sheet = n.slice(prefix.length, -'.csv'.length);
        const t = fs.readFileSync(path.join(outDir, n), 'utf8');
        sheetNames.push(sheet);
        text.set(sheet, t);
        sheets.set(sheet, parseCsv(t));
      }
      result.set(s.file, { file: s.file, sheetNames, sheets, text });
    }
    return result;
  } finally {
    fs.rmSync(staged.dir, { recursive: true, force: true });
  }
}

/** Opens one workbook in LibreOffice and exports every sheet to CSV. */
export async function workbookToCsv(file: string, opts: { asShown?: boolean; timeoutMs?: number } = {}): Promise<WorkbookCsv> {
  return (await workbooksToCsv([file], opts)).get(file)!;
}

const SAVE_FILTERS = { xlsx: 'xlsx:Calc MS Excel 2007 XML', ods: 'ods:calc8' } as const;

/**
 * Opens each workbook in LibreOffice and saves it again as xlsx or ods (as a user who opens and saves would), in one
 * soffice run; the copies are written to outDir as NAME.xlsx / NAME.ods. Returns input file → written file.
 */
export async function roundTrip(files: readonly string[], to: keyof typeof SAVE_FILTERS, outDir: string, opts: { timeoutMs?: number } = {}): Promise<Map<string, string>> {
  const staged = stage(files);
  try {
    const out = path.join(staged.dir, 'out');
    const run = await runSoffice(['--convert-to', SAVE_FILTERS[to], '--outdir', out, ...staged.inputs.map((s) => s.staged)], { timeoutMs: opts.timeoutMs, cwd: staged.dir });
    if (run.code !== 0) throw new Error(`LibreOffice save as ${to} failed.\n${describeRun(run)}`);
    fs.mkdirSync(outDir, { recursive: true });
    const result = new Map<string, string>();
    const used = new Set<string>();
    for (const s of staged.inputs) {
      const written = path.join(out, `${s.stem}.${to}`);
      if (!fs.existsSync(written)) throw new Error(`LibreOffice did not write a ${to} for ${s.file}.\n${describeRun(run)}`);
      let name = `${path.basename(s.file).replace(/\.[^.]+$/, '')}.${to}`;
      for (let k = 2; used.has(name); k++) name = `${path.basename(s.file).replace(/\.[^.]+$/, '')}-${k}.${to}`;
      used.add(name);
      const dest = path.join(outDir, name);
      fs.copyFileSync(written, dest);
      result.set(s.file, dest);
    }
    return result;
  } finally {
    fs.rmSync(staged.dir, { recursive: true, force: true });
  }
}

/** A sheet's rows as records keyed by its first row (the header). */
export function records(rows: CsvRows): Record<string, string>[] {
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
