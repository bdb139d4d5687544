/**
 * `tassei check`: read each workbook, run the engine with its mapping, report, and (with --out) write the checked
 * copy. A file that cannot be read is reported and the others go on; inputs are never written; an output appears
 * whole or not at all (written to a temporary name, then renamed).
 */
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import {
  buildReport,
  checkWorkbook,
  exitCode,
  errorFileReport,
  failedFileReport,
  fileReport,
  flagPlan,
  summaryModel,
  translator,
  type FileReport,
  type Lang,
  type Mapping,
  type Report,
} from '../core';
import { openWorkbook, workbookGrid } from '../xlsx';
import { addSummarySheets, applyFlags } from '../xlsx/writeChecked';
import { nodeInflater, readInputFile, type ReadResult } from './readFile';
import { exists, loadMapping, mappingProblem, outputName, sidecarOf } from './mappingFile';
import { detectWorkbookDetails, detectionReport, type DetectionReport } from '../core/detect';

/** files[].mapping when no mapping was given and the tables were detected (docs/REPORT.md). */
export const DETECTED_MAPPING = 'detected';
import type { CheckArgs } from './args';
import { renderText } from './summaryText';

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export interface FileOutcome {
  readonly report: FileReport;
  readonly mapping: string | null;
  readonly output: string | null;
  /** A problem with the output (exists, could not be written): the check itself went through. */
  readonly outputProblem: string | null;
}

// In mappingFile.ts, free of ExcelJS, for a batch's main thread; exported here as before.
export { mappingProblem, outputName };

/** One file, start to end (exported for the batch workers: src/cli/worker.ts). */
export async function checkOne(
  file: string,
  args: CheckArgs,
  given: { mapping: Mapping; file: string } | null,
  claimed: Set<string>,
  // A batch worker's reader also hashes the bytes it reads (src/cli/worker.ts).
  read: (file: string) => Promise<ReadResult> = readInputFile,
): Promise<FileOutcome> {
  const t = translator(args.lang);
  const fail = (code: string, message: string, mapping: string | null = null): FileOutcome => ({
    report: errorFileReport(file, code, message),
    mapping,
    output: null,
    outputProblem: null,
  });

  let mapping = given;
  if (!mapping) {
    const sidecar = sidecarOf(file);
    // No --mapping and no sidecar: the tables are detected once the workbook is open (files[].mapping "detected").
    if (!(await exists(sidecar))) mapping = { mapping: { version: 1, tables: [] }, file: DETECTED_MAPPING };
    else {
      const loaded = await loadMapping(sidecar);
      if (!loaded.ok) return fail('mapping-invalid', mappingProblem(loaded, t), sidecar);
      mapping = loaded;
    }
  }

  // A file that cannot be read had nothing detected in it: its mapping is null, not "detected".
  const unreadMapping = mapping.file === DETECTED_MAPPING ? null : mapping.file;
  const input = await read(file);
  if (!input.ok) return { report: failedFileReport(file, input.error, args.lang), mapping: unreadMapping, output: null, outputProblem: null };
  const opened = await openWorkbook(input.bytes, undefined, { inflater: nodeInflater });
  if (!opened.ok) return { report: failedFileReport(file, opened.error, args.lang), mapping: unreadMapping, output: null, outputProblem: null };

  const grid = workbookGrid(opened.workbook);
  let detection: DetectionReport | null = null;
  if (mapping.file === DETECTED_MAPPING && given === null) {
    const detected = detectWorkbookDetails(grid);
    mapping = { mapping: detected.mapping, file: DETECTED_MAPPING };
    detection = detectionReport(detected, args.lang);
  }
  const result = checkWorkbook(grid, mapping.mapping, args.fy === null ? {} : { reportFy: args.fy });
  // files[].detection: the proposals behind a detected mapping (an added field, docs/REPORT.md).
  const report: FileReport = detection === null ? fileReport(file, result, args.lang) : Object.assign(fileReport(file, result, args.lang), { detection });
  if (args.out === null) return { report, mapping: mapping.file, output: null, outputProblem: null };

  const output = path.join(args.out, outputName(file));
  const resolved = path.resolve(output);
  if (resolved === path.resolve(file)) return { report, mapping: mapping.file, output: null, outputProblem: t('cli.outputIsInput', { output }) };
  if (claimed.has(resolved) || (!args.force && (await exists(output)))) {
    return { report, mapping: mapping.file, output: null, outputProblem: t('cli.outputExists', { output }) };
  }
  claimed.add(resolved);

  applyFlags(opened.workbook, flagPlan(result, report.findings, args.lang), { noteHeader: t('note.header') });
  addSummarySheets(opened.workbook, summaryModel(result, report.findings, args.lang));
  const tmp = `${output}.${process.pid}.tmp`;
  try {
    await mkdir(args.out, { recursive: true });
    const buffer = await opened.workbook.xlsx.writeBuffer();
    await writeFile(tmp, new Uint8Array(buffer as ArrayBuffer));
    await rename(tmp, output);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    return { report, mapping: mapping.file, output: null, outputProblem: t('cli.outputFailed', { output, message: e instanceof Error ? e.message : String(e) }) };
  }
  return { report, mapping: mapping.file, output, outputProblem: null };
}

export interface CheckRun {
  readonly report: Report;
  readonly outcomes: FileOutcome[];
  readonly code: 0 | 1 | 2;
}

export async function runCheck(args: CheckArgs, io: Output): Promise<CheckRun> {
  const t = translator(args.lang);
  let given: { mapping: Mapping; file: string } | null = null;
  if (args.mapping !== null) {
    const loaded = await loadMapping(args.mapping);
    if (!loaded.ok) {
      io.err(`${mappingProblem(loaded, t)}\n`);
      return { report: buildReport([]), outcomes: [], code: 2 };
    }
    given = loaded;
  }
  const claimed = new Set<string>();
  const outcomes: FileOutcome[] = [];
  for (const file of args.files) outcomes.push(await checkOne(file, args, given, claimed));

  const files = outcomes.map((o) => ({ ...o.report, mapping: o.mapping, output: o.output }));
  const report = buildReport(files);
  let code = exitCode(report);
  for (const o of outcomes) {
    if (o.outputProblem) {
      io.err(`${o.outputProblem}\n`);
      code = 2;
    }
  }
  if (args.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
  else io.out(renderText(report, outcomes, args.lang));
  return { report, outcomes, code };
}
