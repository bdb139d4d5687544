/**
 * Indicator tables: from a mapping and a sheet, the indicators with their baseline, yearly targets and actuals,
 * achievement ratios and statuses, and the findings of the indicator rules.
 *
 * Two steps, because the year under report may be inferred from all tables of a workbook: `readIndicatorTable`
 * reads and parses the cells, `evaluateIndicators` computes ratios and statuses for a given report year.
 */
import type { CellValue, SheetGrid } from '../grid';
import type { Quantity, ParsedValue, Qualifier } from '../values/types';
import { unitFromHeader } from '../values';
import { ParseCache } from '../values/parseCache';
import type { Direction, IndicatorTableMapping, RatioMethod } from '../schema/mapping';
import { finding, type RawFinding } from '../findings';
import { band, ratioAt, statedPlaces, type Status, type Thresholds } from './ratio';
import { cellAddress, columnNumber } from '../grid';
import { cellText, pushValueFindings, resolveYear, textOf, type YearContext } from './cells';
import { PlannedList, PlannedStore, PointList, PointStore, type PlannedTarget, type Point, type PointCellRefs, type PointsView } from './points';

export type { Point, PointCells, PointCellRefs, PlannedTarget, PointsView } from './points';

export interface Indicator {
  readonly sheet: string;
  readonly table: number;
  readonly name: string;
  readonly unit: string | null;
  readonly direction: Direction;
  readonly cumulative: boolean;
  readonly method: RatioMethod;
  readonly baseline: { readonly fy: number; readonly value: number; readonly cell: string } | null;
  readonly points: PointsView<Point>;
  /** Targets with nothing to compare yet: years after the report year, and tables that hold targets only. */
  readonly plannedTargets: PointsView<PlannedTarget>;
}

/**
 * One year of one indicator as read from the sheet, before evaluation, with where each value was read (a column of
 * 0 when the table has no such cell). Addresses are made as text only for what is shown: a finding, a point read.
 */
interface YearCells extends PointCellRefs {
  readonly fy: number;
  readonly target: ParsedValue | null;
  readonly actual: ParsedValue | null;
  readonly stated: ParsedValue | null;
}

export interface ReadIndicator {
  readonly sheet: string;
  readonly table: number;
  readonly name: string;
  readonly unit: string | null;
  readonly direction: Direction;
  readonly cumulative: boolean;
  readonly method: RatioMethod;
  readonly label: string | null;
  readonly baseline: { fy: number; value: ParsedValue; cell: string } | null;
  readonly years: readonly YearCells[];
  /** Findings of reading this indicator's cells (unreadable values, hidden rows), reported before its evaluation. */
  readonly findings: readonly RawFinding[];
}

/** Where a table's reading goes, in the order of the report. */
export interface IndicatorVisitor {
  /** Findings of the table as a whole (a year header that cannot be read), given before its indicators. */
  tableFindings(findings: RawFinding[]): void;
  /**
   * Each indicator as soon as it is read: it may be evaluated at once, and nothing of the reading kept. The reading
   * is valid during the call only (the next row is read into the same objects): keep `copyOfReading(ind)`.
   */
  indicator(ind: ReadIndicator): void;
}

/** A reading that outlives the visit it was given to. */
export function copyOfReading(ind: ReadIndicator): ReadIndicator {
  return { ...ind, years: ind.years.map((y) => ({ ...y })) };
}

// Words that mark an indicator whose figure should fall (後継者不在率, 事故件数 …).
// Exported for table detection, whose own list extends it (src/core/detect/words.ts).
export const DOWN_WORDS = /不在率|失業率|離職率|廃業率|事故|死者|死傷|待機児童|滞納|削減|減少|低減|赤字/;
const CUMULATIVE_WORDS = /累計|延べ|累積/;

export function inferDirection(name: string): Direction {
  return DOWN_WORDS.test(name) ? 'down' : 'up';
}

export function inferCumulative(name: string): boolean {
  return CUMULATIVE_WORDS.test(name);
}

/** A mapped column's number, resolved once per table (0: the table has no such column, as in PointCellRefs). */
const column = (letters: string | undefined): number => (letters === undefined ? 0 : columnNumber(letters));

const NO_FINDINGS: readonly RawFinding[] = Object.freeze([]);
// An indicator with none shares one empty list, of the same class as the others: code that reads indicators then
// meets one kind of list, from the first indicator to the last.
const NO_POINTS: PointsView<Point> = Object.freeze(new PointList(new PointStore(1), 0, 0));
const NO_PLANNED: PointsView<PlannedTarget> = Object.freeze(new PlannedList(new PlannedStore(1), 0, 0));
/** How much of an unlabelled value a finding quotes. */
const UNLABELLED_TEXT = 40;
const BLANK: ParsedValue = Object.freeze({ kind: 'blank', marker: '' });

/** What one indicator's cells are read with: the parse options, the label of a multi-value cell, and where
 * findings go (allocated only when there is one: most indicators have none). */
class CellReader {
  findings: RawFinding[] | null = null;
  /** The target cell last read, when the target and the actual are read by their labels (the actual is often it). */
  private lastTargetCol = 0;
  private lastTargetRow = 0;
  private headerUnit: string | null = null;
  private label: string | null = null;
  /** The labels of the target and the actual in cells holding both ('目標 130件 実績 112件'), or null. */
  private labels: { readonly target: string; readonly actual: string } | null = null;

  constructor(
    private readonly sheet: SheetGrid,
    private readonly cache: ParseCache,
  ) {}

  /** Starts the cells of another indicator (one reader serves every row of a table). */
  start(headerUnit: string | null, label: string | null, labels: { readonly target: string; readonly actual: string } | null): void {
    this.findings = null;
    this.lastTargetCol = 0;
    this.lastTargetRow = 0;
    this.headerUnit = headerUnit;
    this.label = label;
    this.labels = labels;
  }

  /** Parses one mapped cell; an unreadable value becomes a finding. */
  read(col: number, row: number, role: Role): ParsedValue {
    const raw = this.sheet.cell(row, col);
    let value = this.cache.parse(raw, this.headerUnit);
    if (value.kind === 'quantity') {
      if (this.labels !== null && (role === 'target' || role === 'actual')) value = this.byRole(value, raw, col, row, role);
      else if (value.more.length > 0) value = pickLabel(value, this.label, this.sheet.name, cellAddress(col, row), this.out());
    }
    if (value.kind === 'invalid') pushValueFindings(this.out(), value, this.sheet.name, cellAddress(col, row), role);
    return value;
  }

  /** The item labelled for the role; none is a blank (not written yet); a value with no label is a finding, once. */
  private byRole(v: Quantity, raw: CellValue, col: number, row: number, role: 'target' | 'actual'): ParsedValue {
    const wanted = role === 'target' ? this.labels!.target : this.labels!.actual;
    const sameCell = role === 'actual' && col === this.lastTargetCol && row === this.lastTargetRow;
    if (role === 'target') {
      this.lastTargetCol = col;
      this.lastTargetRow = row;
    }
    if (v.label === wanted) return v; // as pickLabel gives the first item: its further items are not read
    for (const q of v.more) if (q.label === wanted) return q;
    if (v.label !== null || sameCell) return BLANK;
    return { kind: 'invalid', reason: 'unlabelled', text: textOf(raw).trim().slice(0, UNLABELLED_TEXT) };
  }

  out(): RawFinding[] {
    return (this.findings ??= []);
  }
}

/**
 * Reads and parses the cells of an indicator table. Returns the years in which some actual is written (a number
 * or a status word), from which the year under report is inferred when nobody names it.
 */
export function readIndicatorTable(sheet: SheetGrid, m: IndicatorTableMapping, tableIndex: number, ctx: YearContext, visit: IndicatorVisitor): Set<number> {
  const findings: RawFinding[] = [];
  const table = new TableReader(sheet, m, tableIndex, ctx, findings);
  visit.tableFindings(findings);
  // Indexed loops in the code run per row: a for-of makes an object per step until the engine has optimised it.
  for (let i = 0; i < m.rows.length; i++) visit.indicator(table.indicator(m.rows[i]!));
  return table.yearsWithActuals;
}

type IndicatorRowMapping = IndicatorTableMapping['rows'][number];

/**
 * What an indicator table's rows are read with: its years' columns and its units, resolved once. A method per row
 * (rather than one long loop) so that the engine optimises it after a few rows of the thousands a table may hold.
 */
class TableReader {
  readonly yearsWithActuals = new Set<number>();
  private readonly years: { readonly fy: number; readonly target: number; readonly actual: number; readonly stated: number }[];
  private readonly tableUnit: string | null;
  private readonly baselineFy: number | null;
  private readonly baselineCol: number;
  private readonly nameCol: number;
  private readonly seenHidden = new Set<number>();
  private readonly reader: CellReader;
  // Each row is read into the same objects: tens of thousands of rows, each evaluated as soon as it is read.
  private readonly yearCells: MutableYearCells[];
  private readonly reading: Mutable<ReadIndicator>;

  constructor(
    private readonly sheet: SheetGrid,
    private readonly m: IndicatorTableMapping,
    tableIndex: number,
    private readonly ctx: YearContext,
    findings: RawFinding[],
  ) {
    const headerUnit = m.unitHeader ? unitFromHeader(cellText(sheet, m.unitHeader)) : null;
    this.tableUnit = m.unit !== undefined ? m.unit : headerUnit;
    this.years = m.years.flatMap((y) => {
      const fy = resolveYear(sheet, y.fy, ctx, findings);
      return fy === null ? [] : [{ fy, target: column(y.target), actual: column(y.actual), stated: column(y.stated) }];
    });
    this.baselineFy = m.baseline ? resolveYear(sheet, m.baseline.fy, ctx, findings) : null;
    this.baselineCol = m.baseline ? column(m.baseline.column) : 0;
    this.nameCol = columnNumber(m.nameColumn);
    this.reader = new CellReader(sheet, ctx.cache ?? new ParseCache());
    this.yearCells = this.years.map((y) => ({ fy: y.fy, target: null, actual: null, stated: null, targetCol: 0, targetRow: 0, actualCol: 0, actualRow: 0, statedCol: 0, statedRow: 0 }));
    this.reading = { sheet: sheet.name, table: tableIndex, name: '', unit: null, direction: 'up', cumulative: false, method: 'ratio', label: null, baseline: null, years: this.yearCells, findings: NO_FINDINGS };
  }

  /** One row of the mapping: its cells read and parsed, into the reading this table gives for each of its rows. */
  indicator(r: IndicatorRowMapping): ReadIndicator {
    const { sheet, m, reader } = this;
    const anyRow = (r.target ?? r.actual)!;
    const name = r.name ?? (textOf(sheet.cell(anyRow, this.nameCol)).trim() || `${m.nameColumn}${anyRow}`);
    const unitHint = r.unit !== undefined ? r.unit : this.tableUnit;
    reader.start(unitHint ?? null, r.label ?? null, r.labels ?? null);
    hiddenRow(sheet, r.target, m.nameColumn, this.seenHidden, reader);
    if (r.actual !== r.target) hiddenRow(sheet, r.actual, m.nameColumn, this.seenHidden, reader);

    let baseline: ReadIndicator['baseline'] = null;
    if (m.baseline && this.baselineFy !== null && this.baselineCol > 0) {
      const row = m.baseline.row === 'actual' ? (r.actual ?? r.target) : (r.target ?? r.actual);
      if (row !== undefined) {
        baseline = { fy: this.baselineFy, value: reader.read(this.baselineCol, row, 'baseline'), cell: cellAddress(this.baselineCol, row) };
      }
    }

    const targetRow = r.target ?? 0;
    const actualRow = r.actual ?? 0;
    const statedRow = r.actual ?? r.target ?? 0;
    for (let i = 0; i < this.years.length; i++) {
      const y = this.years[i]!;
      const cells = this.yearCells[i]!;
      // A cell is read where the table has both its column and its row.
      cells.targetCol = targetRow > 0 ? y.target : 0;
      cells.actualCol = actualRow > 0 ? y.actual : 0;
      cells.statedCol = statedRow > 0 ? y.stated : 0;
      cells.targetRow = targetRow;
      cells.actualRow = actualRow;
      cells.statedRow = statedRow;
      cells.target = cells.targetCol > 0 ? reader.read(cells.targetCol, targetRow, 'target') : null;
      cells.actual = cells.actualCol > 0 ? reader.read(cells.actualCol, actualRow, 'actual') : null;
      cells.stated = cells.statedCol > 0 ? reader.read(cells.statedCol, statedRow, 'stated') : null;
      const actual = cells.actual;
      if (actual !== null && (actual.kind === 'quantity' || actual.kind === 'status')) this.yearsWithActuals.add(y.fy);
    }

    const direction = r.direction ?? m.direction ?? inferDirection(name);
    const ind = this.reading;
    ind.name = name;
    ind.unit = unitHint ?? firstUnit(baseline?.value ?? null, this.yearCells);
    ind.direction = direction;
    ind.cumulative = r.cumulative ?? m.cumulative ?? inferCumulative(name);
    ind.method = r.method ?? m.method ?? this.ctx.method ?? (direction === 'down' ? 'inverse' : 'ratio');
    ind.label = r.label ?? null;
    ind.baseline = baseline;
    ind.findings = reader.findings ?? NO_FINDINGS;
    return ind;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type MutableYearCells = Mutable<YearCells>;

/** A hidden row of the table is reported once, on the name column. */
function hiddenRow(sheet: SheetGrid, row: number | undefined, nameColumn: string, seen: Set<number>, reader: CellReader): void {
  if (row === undefined || seen.has(row) || !sheet.isRowHidden(row)) return;
  seen.add(row);
  reader.out().push(finding('sheet.hidden-row', sheet.name, `${nameColumn}${row}`, row, null, { row }));
}

type Role = 'target' | 'actual' | 'stated' | 'baseline';

/** In a cell holding several labelled values, keep the one the mapping names; without a label, keep the first. */
function pickLabel(v: ParsedValue, label: string | null, sheet: string, cell: string, findings: RawFinding[]): ParsedValue {
  if (v.kind !== 'quantity' || v.more.length === 0) return v;
  if (label !== null) {
    const all = [v, ...v.more];
    return all.find((q) => q.label === label) ?? { kind: 'blank', marker: '' };
  }
  findings.push(finding('value.multiple-values', sheet, cell, v.value, null, { count: v.more.length + 1 }));
  return v;
}

/** The first unit written: the baseline's, else the first year's target's or actual's … (no list is built: this
 * runs for every indicator). */
function firstUnit(baseline: ParsedValue | null, years: readonly YearCells[]): string | null {
  const u = unitOf(baseline);
  if (u !== null) return u;
  for (let i = 0; i < years.length; i++) {
    const y = years[i]!;
    const v = unitOf(y.target) ?? unitOf(y.actual);
    if (v !== null) return v;
  }
  return null;
}

function unitOf(v: ParsedValue | null): string | null {
  return v !== null && v.kind === 'quantity' && v.unit ? v.unit : null;
}

function quantity(v: ParsedValue | null): Quantity | null {
  return v && v.kind === 'quantity' ? v : null;
}

/** A target the ratio can be computed against: a plain quantity (not one relative to an unstated base). */
function usableTarget(v: ParsedValue | null): Quantity | null {
  const q = quantity(v);
  return q && q.relativeTo === null ? q : null;
}

/** The sheet's stated achievement as a ratio: '0.97' → 0.97, '97%' → 0.97; '160件(123.1%)' on the actual → 1.231. */
function statedRatioOf(stated: ParsedValue | null, actual: ParsedValue | null): number | null {
  const s = quantity(stated);
  if (s) return s.unit === '%' ? Number((s.value / 100).toPrecision(12)) : s.value;
  const a = quantity(actual);
  return a ? a.statedRatio : null;
}

export interface EvaluateOptions {
  /** Actuals are due up to this year; null when no year is under report (a plan with no actuals). */
  readonly reportFy: number | null;
  readonly thresholds: Thresholds;
  /** Where the points and planned targets of a check go (one store for all its indicators); else a new one. */
  readonly stores?: { readonly points: PointStore; readonly planned: PlannedStore };
}

export function evaluateIndicator(ind: ReadIndicator, opts: EvaluateOptions, findings: RawFinding[]): Indicator {
  const points = opts.stores?.points ?? new PointStore();
  const planned = opts.stores?.planned ?? new PlannedStore();
  const firstPoint = points.count;
  const firstPlanned = planned.count;
  const baselineQ = ind.baseline ? quantity(ind.baseline.value) : null;
  const down = ind.direction === 'down';
  for (let i = 0; i < ind.findings.length; i++) findings.push(ind.findings[i]!);

  for (let i = 0; i < ind.years.length; i++) {
    const y = ind.years[i]!;
    const target = usableTarget(y.target);
    const actual = quantity(y.actual);
    const rel = quantity(y.target);
    if (rel && rel.relativeTo !== null && y.targetCol > 0) {
      findings.push(finding('value.relative-target', ind.sheet, targetCell(y), rel.value, null, { text: rel.relativeTo }));
    }
    if (y.actual?.kind === 'notApplicable' || y.target?.kind === 'notApplicable') continue; // '/' : not applicable
    // Actuals are due up to the report year, and only where the table has a place for them.
    const due = opts.reportFy !== null && y.fy <= opts.reportFy && y.actualCol > 0;
    if (!actual && !due) {
      if (target && y.targetCol > 0) planned.add(y.fy, target.value, target.qualifier, y.targetCol, y.targetRow);
      continue;
    }
    const statedRatio = statedRatioOf(y.stated, y.actual);
    if (!actual) {
      if (!target) continue; // nothing to evaluate this year
      const word = y.actual && y.actual.kind === 'status' ? y.actual.text : null;
      findings.push(
        finding('indicator.missing-actual', ind.sheet, actualCell(y) ?? targetCell(y), word, target.value, {
          fy: y.fy,
          note: word ? `（${word}）` : '',
        }),
      );
      points.add(y.fy, target.value, target.qualifier, null, null, 'pending', statedRatio, y);
      continue;
    }
    if (!target) {
      findings.push(finding('indicator.missing-target', ind.sheet, actualCell(y), actual.value, null, { fy: y.fy }));
      points.add(y.fy, null, null, actual.value, null, 'noTarget', statedRatio, y);
      continue;
    }
    if (target.unit && actual.unit && target.unit !== actual.unit) {
      findings.push(finding('value.unit-mismatch', ind.sheet, actualCell(y), actual.unit, target.unit));
    }
    const method = ind.method;
    const base = baselineQ ? baselineQ.value : null;
    const ratio = ratioAt(actual.value, target.value, method, base);
    const status = band(ratio, actual.value, target.value, target.qualifier, down, opts.thresholds);
    if (statedRatio !== null && ratio !== null) {
      const places = statedPlaces(statedRatio);
      const computed = places === 2 ? ratio : ratioAt(actual.value, target.value, method, base, places);
      if (computed !== null && computed !== statedRatio) {
        findings.push(finding('indicator.stated-ratio-mismatch', ind.sheet, statedCell(y) ?? actualCell(y), statedRatio, computed));
      }
    }
    if (status === 'gap' && ratio !== null) {
      findings.push(finding('indicator.target-gap', ind.sheet, actualCell(y), ratio, opts.thresholds.nearly, { fy: y.fy }));
    }
    points.add(y.fy, target.value, target.qualifier, actual.value, ratio, status, statedRatio, y);
  }

  if (ind.cumulative) checkCumulative(ind, baselineQ, findings);

  return {
    sheet: ind.sheet,
    table: ind.table,
    name: ind.name,
    unit: ind.unit,
    direction: ind.direction,
    cumulative: ind.cumulative,
    method: ind.method,
    baseline: ind.baseline && baselineQ ? { fy: ind.baseline.fy, value: baselineQ.value, cell: ind.baseline.cell } : null,
    points: points.count > firstPoint ? new PointList(points, firstPoint, points.count - firstPoint) : NO_POINTS,
    plannedTargets: planned.count > firstPlanned ? new PlannedList(planned, firstPlanned, planned.count - firstPlanned) : NO_PLANNED,
  };
}

/** A cumulative series must not fall: check the targets, and the actuals (from the baseline on), year by year. */
function checkCumulative(ind: ReadIndicator, baseline: Quantity | null, findings: RawFinding[]): void {
  // Years are mapped in order as a rule; a mapping that lists them otherwise is read in year order all the same.
  const years = isInYearOrder(ind.years) ? ind.years : [...ind.years].sort((a, b) => a.fy - b.fy);
  for (const role of ['target', 'actual'] as const) {
    let prevFy: number | null = null;
    let prevValue = 0;
    if (baseline && ind.baseline) {
      prevFy = ind.baseline.fy;
      prevValue = baseline.value;
    }
    for (const y of years) {
      const q = role === 'target' ? usableTarget(y.target) : quantity(y.actual);
      if (!q || (role === 'target' ? y.targetCol : y.actualCol) === 0) continue;
      if (prevFy !== null && y.fy > prevFy && q.value < prevValue) {
        const cell = role === 'target' ? targetCell(y) : actualCell(y);
        findings.push(finding('indicator.cumulative-decrease', ind.sheet, cell, q.value, prevValue, { fy: y.fy, previousFy: prevFy }));
      }
      prevFy = y.fy;
      prevValue = q.value;
    }
  }
}

const targetCell = (y: YearCells): string | null => (y.targetCol > 0 ? cellAddress(y.targetCol, y.targetRow) : null);
const actualCell = (y: YearCells): string | null => (y.actualCol > 0 ? cellAddress(y.actualCol, y.actualRow) : null);
const statedCell = (y: YearCells): string | null => (y.statedCol > 0 ? cellAddress(y.statedCol, y.statedRow) : null);

function isInYearOrder(years: readonly YearCells[]): boolean {
  for (let i = 1; i < years.length; i++) if (years[i]!.fy < years[i - 1]!.fy) return false;
  return true;
}
