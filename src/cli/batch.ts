/**
 * `tassei check` on many files at once: a folder, several files, or --jobs. The files are checked in parallel by
 * a pool of workers (piscina; src/cli/worker.ts runs checkOne, the single-file path, on each), the report keeps
 * the order the files were given in, and with --out the consolidated summary of all of them is written to
 * OUT/summary.xlsx (whole or not at all: a temporary file, then a rename). A file that cannot be read is listed
 * with its reason and the others go on (exit status 2).
 *
 * This thread does no work per file beyond collecting results: the pool starts before the files are listed, each
 * worker writes its files' JSON entries, and this thread never loads ExcelJS (the summary is written directly, see
 * src/xlsx/writeConsolidated.ts). Figures: bench/batch.js.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import type Piscina from 'piscina';
import {
  buildReport,
  consolidate,
  exitCode,
  failedFileReport,
  fileEntryJson,
  fileStatus,
  reportJsonParts,
  translator,
  withNotes,
  type BatchNote,
  type ConsolidatedModel,
  type FileReport,
} from '../core';
import { consolidatedXlsx, relativeHref, type ZipCodec } from '../xlsx/writeConsolidated';
import type { CheckArgs } from './args';
import type { CheckRun, FileOutcome, Output } from './check';
import { loadMapping, mappingProblem, outputName } from './mappingFile';
import { progress, type ProgressStream } from './progress';
import type { BatchResult, BatchTask } from './worker';
import { renderText } from './summaryText';

export const SUMMARY_NAME = 'summary.xlsx';

/** What a folder's files are taken to be: workbooks, and what is often sent instead of one (reported, not skipped). */
const SPREADSHEET = /\.(xlsx|xlsm|xls|xlsb|ods|csv)$/i;

export interface BatchFileReport extends FileReport {
  readonly mapping: string | null;
  readonly output: string | null;
  /** SHA-256 of the file's bytes (hex), or null when they could not be read. */
  readonly hash: string | null;
  /** What shows only beside the other files: the same content twice, shared sheet names, other years. */
  readonly notes: readonly BatchNote[];
}

export interface BatchRun extends CheckRun {
  readonly summary: string | null;
  readonly model: ConsolidatedModel;
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** A batch: a folder among the inputs, more than one file, or --jobs. */
export async function isBatch(args: CheckArgs): Promise<boolean> {
  if (args.files.length > 1 || args.jobs !== null) return true;
  return args.files.length === 1 && isDirectory(args.files[0]!);
}

/**
 * The files to check: each folder replaced by its spreadsheet files (by name; not its subfolders), without Excel's
 * lock files (~$…), hidden files, and our own outputs when the folder is the output folder.
 */
export async function expandInputs(inputs: readonly string[], out: string | null): Promise<{ files: string[]; emptyDirs: string[] }> {
  const files: string[] = [];
  const emptyDirs: string[] = [];
  const outDir = out === null ? null : path.resolve(out);
  for (const input of inputs) {
    if (!(await isDirectory(input))) {
      files.push(input);
      continue;
    }
    const ours = (name: string) => path.resolve(input) === outDir && (name === SUMMARY_NAME || /\.checked\.xlsx$/i.test(name));
    const entries = await readdir(input, { withFileTypes: true });
    const names = entries
      .filter((e) => !e.isDirectory() && SPREADSHEET.test(e.name) && !e.name.startsWith('~$') && !e.name.startsWith('.') && !ours(e.name))
      .map((e) => e.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (names.length === 0) emptyDirs.push(input);
    for (const n of names) files.push(path.join(input, n));
  }
  return { files, emptyDirs };
}

/** Where the worker's code is: beside this file once built (dist/cli); none when run from the sources (tests). */
function workerFile(): string | null {
  const built = path.join(__dirname, 'worker.js');
  return existsSync(built) ? built : null;
}

/**
 * Files in flight per thread: ExcelJS's load awaits at every part of a workbook, and the other file's work fills
 * those gaps (some 7 % faster than one at a time). Two, not more: each holds its workbook until it is checked.
 */
const IN_FLIGHT = 2;

type Pool = Piscina<BatchTask, BatchResult>;

/**
 * The worker threads, started before the files are listed: each loads ExcelJS and the engine (the slow part of its
 * start) while this thread lists the files and prepares their tasks. Null where one thread does it all.
 */
async function startPool(threads: number): Promise<Pool | null> {
  const filename = workerFile();
  if (threads <= 1 || filename === null) return null;
  // Loaded only for a pool: one thread has no use for it.
  const { default: Piscina } = await import('piscina');
  return new Piscina<BatchTask, BatchResult>({ filename, minThreads: threads, maxThreads: threads, idleTimeout: 1000, concurrentTasksPerWorker: IN_FLIGHT });
}

/** The threads worth starting before the files are listed: no more than the files named, when no folder is. */
async function threadsFor(args: CheckArgs): Promise<number> {
  const wanted = Math.max(1, args.jobs ?? availableParallelism());
  if (args.files.length >= wanted) return wanted;
  for (const input of args.files) if (await isDirectory(input)) return wanted;
  return Math.min(wanted, args.files.length);
}

async function runTasks(tasks: readonly BatchTask[], pool: Pool | null, onDone: (i: number, r: BatchResult) => void): Promise<void> {
  if (pool === null || tasks.length <= 1) {
    // In this thread: ExcelJS and the engine are loaded only now (a pool's threads load their own).
    const { default: checkTask } = await import('./worker');
    let next = 0;
    const lane = async () => {
      while (next < tasks.length) {
        const i = next++;
        onDone(i, await checkTask(tasks[i]!));
      }
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, tasks.length) }, lane));
    return;
  }
  await Promise.all(
    tasks.map((task, i) =>
      pool.run(task).then(
        (r) => onDone(i, r),
        // A worker that died (out of memory on some file, say): that file fails, the others go on.
        (e: unknown) => onDone(i, { outcome: { report: failedFileReport(task.file, { code: 'unreadable', params: { reason: e instanceof Error ? e.message : String(e) } }, task.args.lang), mapping: null, output: null, outputProblem: null }, hash: null }),
      ),
    ),
  );
}

/**
 * node:zlib for the summary's zip: native; each part deflated on libuv's threads while the next is rendered
 * (crc32 from Node 20.15 on; else the writer's own).
 */
const deflateRaw = promisify(zlib.deflateRaw);
const NODE_ZIP: ZipCodec = { deflateRaw: (data) => deflateRaw(data), ...(typeof zlib.crc32 === 'function' ? { crc32: (data: Uint8Array) => zlib.crc32(data) } : {}) };

/** Writes the summary next to nothing it should not touch, atomically; a problem in words, or null. */
async function writeSummary(model: ConsolidatedModel, args: CheckArgs, files: readonly string[]): Promise<{ output: string | null; problem: string | null }> {
  const t = translator(args.lang);
  const out = args.out!;
  const output = path.join(out, SUMMARY_NAME);
  const resolved = path.resolve(output);
  if (files.some((f) => path.resolve(f) === resolved)) return { output: null, problem: t('cli.outputIsInput', { output }) };
  if (!args.force && existsSync(output)) return { output: null, problem: t('cli.outputExists', { output }) };
  const outDir = path.resolve(out);
  // Asked once per link (thousands of rows), answered once per file.
  const hrefs = new Map<string, string>();
  const fileHref = (file: string): string => {
    let href = hrefs.get(file);
    if (href === undefined) hrefs.set(file, (href = relativeHref(path.relative(outDir, path.resolve(file)))));
    return href;
  };
  const tmp = `${output}.${process.pid}.tmp`;
  try {
    await mkdir(out, { recursive: true });
    await writeFile(tmp, await consolidatedXlsx(model, { fileHref, codec: NODE_ZIP }));
    await rename(tmp, output);
    return { output, problem: null };
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    return { output: null, problem: t('cli.outputFailed', { output, message: e instanceof Error ? e.message : String(e) }) };
  }
}

function notesText(files: readonly BatchFileReport[], lang: CheckArgs['lang']): string {
  const withNotes = files.filter((f) => f.notes.length > 0);
  if (withNotes.length === 0) return '';
  const t = translator(lang);
  const lines = [t('batch.notesHeader')];
  for (const f of withNotes) {
    lines.push(`  ${f.file}`);
    for (const n of f.notes) lines.push(`    ${n.message}`);
  }
  return `${lines.join('\n')}\n\n`;
}

export async function runBatch(args: CheckArgs, io: Output, stderr: ProgressStream): Promise<BatchRun> {
  const pool = await startPool(await threadsFor(args));
  let closing: Promise<void> | undefined;
  // Released as soon as the files are checked (not awaited there): a failure to stop threads is not the run's.
  const release = (): Promise<void> => (closing ??= (pool?.destroy() ?? Promise.resolve()).catch(() => undefined));
  try {
    return await checkAll(args, io, stderr, pool, release);
  } finally {
    await release();
  }
}

async function checkAll(args: CheckArgs, io: Output, stderr: ProgressStream, pool: Pool | null, release: () => Promise<void>): Promise<BatchRun> {
  const t = translator(args.lang);
  let code: 0 | 1 | 2 = 0;
  const { files, emptyDirs } = await expandInputs(args.files, args.out);
  for (const dir of emptyDirs) {
    io.err(`${t('batch.progress.noFiles', { dir })}\n`);
    code = 2;
  }
  if (args.mapping !== null) {
    const loaded = await loadMapping(args.mapping);
    if (!loaded.ok) {
      io.err(`${mappingProblem(loaded, t)}\n`);
      const model = consolidate([], args.lang);
      return { report: buildReport([]), outcomes: [], code: 2, summary: null, model };
    }
  }

  // Checked copies: a later file whose copy would have the same name as an earlier one's is told so, as when
  // the files are checked one after another.
  const copies = args.out !== null && !args.summaryOnly;
  const taken = new Set<string>();
  const tasks: BatchTask[] = files.map((file) => {
    const claimed: string[] = [];
    if (copies) {
      const out = path.resolve(path.join(args.out!, outputName(file)));
      if (taken.has(out)) claimed.push(out);
      taken.add(out);
    }
    return { file, args: { ...args, out: copies ? args.out : null }, claimed };
  });

  const results: BatchResult[] = new Array(files.length);
  const bar = progress(stderr, files.length, { quiet: args.json, line: (done, file, status) => t('batch.progress.done', { done, total: files.length, file, status }) });
  await runTasks(tasks, pool, (i, r) => {
    results[i] = r;
    bar.tick(files[i]!, t(`batch.fileStatus.${fileStatus(r.outcome.report)}`));
  });
  bar.end();
  // Its threads are done: what follows (the summary) has the cores to itself.
  void release();

  const outcomes: FileOutcome[] = results.map((r) => r.outcome);
  const model = consolidate(results.map((r) => ({ report: r.outcome.report, hash: r.hash })), args.lang);
  const reports: BatchFileReport[] = results.map((r, i) => ({ ...r.outcome.report, mapping: r.outcome.mapping, output: r.outcome.output, hash: r.hash, notes: model.files[i]!.notes }));
  const report = buildReport(reports);
  code = Math.max(code, exitCode(report)) as 0 | 1 | 2;
  for (const o of outcomes) {
    if (o.outputProblem) {
      io.err(`${o.outputProblem}\n`);
      code = 2;
    }
  }

  let summary: string | null = null;
  if (args.out !== null) {
    const written = await writeSummary(model, args, files);
    summary = written.output;
    if (written.problem) {
      io.err(`${written.problem}\n`);
      code = 2;
    }
  }
  const withSummary = { ...report, summary };
  if (args.json) {
    // The files' texts were written by the workers (a file whose worker died: here); only their notes are added.
    const texts = reports.map(({ notes, ...entry }, i) => withNotes(results[i]!.json ?? fileEntryJson(entry), notes));
    for (const part of reportJsonParts(withSummary, texts)) io.out(part);
    io.out('\n');
  } else {
    let text = renderText(report, outcomes, args.lang);
    text += notesText(reports, args.lang);
    if (summary) text += `${t('batch.progress.summary', { output: summary, files: files.length })}\n`;
    io.out(text);
  }
  return { report: withSummary, outcomes, code, summary, model };
}
