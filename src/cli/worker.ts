/**
 * A batch worker (piscina): checks one file as `tassei check` does for a single file (checkOne), and hashes its
 * bytes so that the same submission sent twice can be told. Also called in-process when there is one job.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import Module from 'node:module';
import { isMainThread } from 'node:worker_threads';
import { resolveLimits } from '../xlsx/zipInspect';
import { errorFileReport, failedFileReport, fileEntryJson, plainFileReport, type Mapping } from '../core';
import type { FileOutcome } from './check';
import { loadMapping, type LoadedMapping } from './mappingFile';
import { nodeInflater, readInputFile, type ReadResult } from './readFile';
import type { CheckArgs } from './args';

export interface BatchTask {
  readonly file: string;
  readonly args: CheckArgs;
  /** Outputs already taken by files before this one (their checked copies would have the same name). */
  readonly claimed: readonly string[];
}

export interface BatchResult {
  readonly outcome: FileOutcome;
  /** SHA-256 of the file's bytes, hex; null when they could not be read. */
  readonly hash: string | null;
  /** With --json: the file's entry of the report as JSON text, without its notes (batch.ts adds them). */
  readonly json?: string;
}

/** The file's entry of the batch report but for its notes: BatchFileReport (batch.ts), keys in the same order. */
function entryOf(outcome: FileOutcome, hash: string | null) {
  return { ...outcome.report, mapping: outcome.mapping, output: outcome.output, hash };
}

/** The result, with the entry's JSON text when the report is printed: written here, in parallel, not at the end. */
function resultOf(task: BatchTask, found: FileOutcome, hash: string | null): BatchResult {
  // From a worker thread the result goes as a message: plain data. Called in-process (one job), it stays as it is.
  const outcome = isMainThread ? found : { ...found, report: plainFileReport(found.report) };
  return task.args.json ? { outcome, hash, json: fileEntryJson(entryOf(outcome, hash)) } : { outcome, hash };
}

/**
 * 'exceljs' as its reading half only: its Workbook and enums, without the streaming reader and writer (archiver,
 * unzipper…) that a worker never uses and that take half of ExcelJS's load time, paid again by every thread. Put
 * in place before anything loads 'exceljs'; where ExcelJS's files are not where 4.4 has them, nothing changes.
 */
function loadReadingExcelJS(): void {
  try {
    const id = require.resolve('exceljs');
    if (require.cache[id]) return;
    const reading = new Module(id);
    reading.filename = id;
    reading.exports = { Workbook: require('exceljs/lib/doc/workbook'), ...require('exceljs/lib/doc/enums') };
    reading.loaded = true;
    require.cache[id] = reading;
  } catch {
    // The whole of ExcelJS is loaded as usual.
  }
}

/** The checking modules (ExcelJS with them): loaded as this module is, so a pool's threads load them as they start. */
const checking = (() => {
  loadReadingExcelJS();
  return Promise.all([import('./check'), import('../xlsx/open')]).then(([check, open]) => ({ checkOne: check.checkOne, openWorkbook: open.openWorkbook }));
})();
// A failure to load fails each task (checkTask reports it per file), not the thread before any task.
checking.catch(() => undefined);

// The --mapping file is the same for every task: loaded once per worker.
const mappings = new Map<string, Promise<LoadedMapping>>();

/** A file checkOne did not read (its mapping was refused first): read here, for its hash alone. */
function hashOfFile(file: string): string | null {
  try {
    if (statSync(file).size > resolveLimits().maxFileBytes) return null;
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}

const CONTENT_ERRORS = new Set(['not-xlsx', 'encrypted', 'corrupt', 'too-large', 'empty']);

/**
 * A file with no mapping that could not be read anyway (corrupt, encrypted, not an xlsx…) is reported for that:
 * in a folder of submissions it is the reason that tells the official what to ask the sender for.
 */
async function unreadableFirst(task: BatchTask, outcome: FileOutcome): Promise<FileOutcome> {
  if (outcome.report.error?.code !== 'no-mapping') return outcome;
  const { openWorkbook } = await checking;
  const input = await readInputFile(task.file);
  const opened = input.ok ? await openWorkbook(input.bytes, undefined, { inflater: nodeInflater }) : input;
  // A file that is not there (or not readable at all) stays "no mapping", as for a single file.
  if (opened.ok || !CONTENT_ERRORS.has(opened.error.code)) return outcome;
  return { ...outcome, report: failedFileReport(task.file, opened.error, task.args.lang) };
}

export default async function checkTask(task: BatchTask): Promise<BatchResult> {
  try {
    let given: { mapping: Mapping; file: string } | null = null;
    if (task.args.mapping !== null) {
      let loading = mappings.get(task.args.mapping);
      if (!loading) mappings.set(task.args.mapping, (loading = loadMapping(task.args.mapping)));
      const loaded = await loading;
      // Checked by the main thread before any task; changed on disk since then is a failure of this file.
      if (!loaded.ok) return resultOf(task, { report: errorFileReport(task.file, 'mapping-invalid', loaded.message ?? loaded.file), mapping: loaded.file, output: null, outputProblem: null }, null);
      given = loaded;
    }
    // The bytes are hashed as they are read: the same submission sent twice is told by its hash.
    let hash: string | null | undefined;
    const read = async (file: string): Promise<ReadResult> => {
      const input = await readInputFile(file);
      hash = input.ok ? createHash('sha256').update(input.bytes).digest('hex') : null;
      return input;
    };
    const { checkOne } = await checking;
    const outcome = await checkOne(task.file, task.args, given, new Set(task.claimed), read);
    return resultOf(task, await unreadableFirst(task, outcome), hash === undefined ? hashOfFile(task.file) : hash);
  } catch (e) {
    // checkOne reports every known failure itself; anything else still must not stop the other files.
    const message = e instanceof Error ? e.message : String(e);
    return resultOf(task, { report: errorFileReport(task.file, 'unreadable', message), mapping: null, output: null, outputProblem: null }, null);
  }
}
