/**
 * Table detection: the indicator and budget tables of a sheet, found by themselves, each with its full mapping.
 *
 * API (pure; a SheetGrid / WorkbookGrid in, plain data out — the same for the task pane and the command line):
 *
 *   detectTables(sheet, opts?) → DetectedTable[]
 *       The proposals of one sheet, top to bottom: { kind, sheet, range, layout, mapping, confidence (0–1),
 *       reasons, unsure }. `mapping` is a TableMapping the engine accepts as is. `reasons` and `unsure` are notes
 *       { code, params }: show them with describeNote(note, lang, 'reason' | 'unsure'). Unsure parts are never
 *       applied silently: a direction inferred only from falling targets is left to the engine's default and listed
 *       in `unsure` for the user to confirm; a year no header names is `unsure: fy`.
 *   detectSheet(sheet, opts?) → { sheet, tables, grades, unmapped }
 *       Also the 進展度 grades (A–D with their words) and data detection saw but cannot map (a target and an actual
 *       written in one cell with the name before them, '(1)事業承継診断件数 目標 2,878件 実績 2,159件'), for the pane.
 *   detectWorkbook(grid, opts?) → Mapping
 *       A full mapping (version 1) of the tables with confidence ≥ opts.threshold (default 0.6), sheet by sheet,
 *       top to bottom. What `tassei check FILE` uses when no mapping is given.
 *   detectWorkbookDetails(grid, opts?) → { mapping, sheets: SheetDetection[] }
 *       The same mapping and everything behind it (all proposals, also those below the threshold).
 *
 * For the task pane's "detect tables": run detectSheet on the active sheet, draw each proposal's `range`, list its
 * reasons and unsure notes, and on acceptance add `proposal.mapping` to the workbook's mapping (it is the same
 * object the table editor edits).
 *
 * How: one walk down the sheet (index.ts). Each row is scanned when first needed (scan.ts: its cells, their header
 * tags and years); header rows are recognised by their words (words.ts: 年度 headers, 目標/実績/現状値/達成状況, 区分,
 * Target/Actual/Baseline/FY, 事業名/事業費/前年度/財源/継続・新規), a table found at a row is read to its end and the
 * walk resumes below it. Budget blocks and flat budget tables (budgets.ts), indicator tables (indicators.ts, the
 * mapping from ../propose.ts), target/actual lists in label cells or inside one cell (lists.ts; the engine reads the
 * latter through a row's `labels`), budget lines written as text. Tables whose cells hold text and no figure
 * (実施スケジュール, text sections) are not reported. Detection never reads a number into the mapping: values are
 * read by the engine, and a cell it cannot read becomes a finding there.
 * Cost: the inside of a regular table (names merged over two rows, or one name per row, plain values) is not
 * scanned: extent.ts reads four cells per indicator — its name, the first and last targets (which give the direction's
 * trend at the same time) — and those are not read again. bench/detection.js measures it beside evaluation.
 */
import type { SheetGrid, WorkbookGrid } from '../grid';
import { parseRange } from '../grid';
import type { IndicatorTableMapping, Mapping, TableMapping } from '../schema/mapping';
import { ParseCache } from '../values/parseCache';
import { scanSheet } from './scan';
import { indicatorTableAt, inCellListsAt, refineIndicatorRows } from './indicators';
import { listTableAt } from './lists';
import { budgetTableAt, textLineAt, textLinesTable, type TextLine } from './budgets';
import { gradesAt } from './grade';
import { DEFAULT_THRESHOLD, type DetectNote, type DetectOptions, type DetectedTable, type ProgressGrade, type SheetDetection, type UnmappedData } from './types';

export type { DetectNote, DetectOptions, DetectedTable, ProgressGrade, SheetDetection, UnmappedData } from './types';
export { DEFAULT_THRESHOLD } from './types';
export { describeNote, describeGrade } from './notes';

export function detectSheet(sheet: SheetGrid, _opts: DetectOptions = {}): SheetDetection {
  const s = scanSheet(sheet);
  const used = new Uint8Array(s.rowCount + 2);
  const cache = new ParseCache();
  const tables: DetectedTable[] = [];
  const grades: ProgressGrade[] = [];
  const unmapped: UnmappedData[] = [];
  const lines: TextLine[] = [];
  const refine = (m: IndicatorTableMapping, reasons: DetectNote[], unsure: DetectNote[]): IndicatorTableMapping => refineIndicatorRows(s, m, reasons, unsure, cache);
  // One walk down the sheet: a table found at a row is read to its end and the walk resumes below it, so the rows
  // inside a table are never scanned as candidates (and those of a regular table not scanned at all).
  for (let r = 1; r <= s.rowCount; r++) {
    if (used[r]) continue;
    const row = s.row(r);
    if (!row) continue;
    // Budget headers first: 事業名 | 事業費 must not be read as an indicator header.
    const found = budgetTableAt(s, row, used, cache) ?? indicatorTableAt(s, row, used, cache) ?? listTableAt(s, row, used, cache, refine);
    if (found) {
      tables.push(found.table);
      r = found.bottom;
      continue;
    }
    gradesAt(s, row, grades);
    inCellListsAt(s, row, unmapped);
    const line = textLineAt(s, row);
    if (line) lines.push(line);
  }
  const textLines = textLinesTable(s, lines, used);
  if (textLines) tables.push(textLines);
  tables.sort((a, b) => topLeft(a) - topLeft(b));
  return { sheet: sheet.name, tables, grades, unmapped };
}

export function detectTables(sheet: SheetGrid, opts: DetectOptions = {}): DetectedTable[] {
  return detectSheet(sheet, opts).tables;
}

export interface WorkbookDetection {
  readonly mapping: Mapping;
  readonly sheets: SheetDetection[];
}

export function detectWorkbookDetails(grid: WorkbookGrid, opts: DetectOptions = {}): WorkbookDetection {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const sheets = grid.sheets.map((sheet) => detectSheet(sheet, opts));
  const tables: TableMapping[] = [];
  for (const s of sheets) for (const t of s.tables) if (t.confidence >= threshold) tables.push(t.mapping);
  return { mapping: { version: 1, description: 'detected', tables }, sheets };
}

export function detectWorkbook(grid: WorkbookGrid, opts: DetectOptions = {}): Mapping {
  return detectWorkbookDetails(grid, opts).mapping;
}

function topLeft(t: DetectedTable): number {
  const r = parseRange(t.range);
  return r ? r.top * 100_000 + r.left : 0;
}

export { detectionReport, type DetectionReport } from './report';
