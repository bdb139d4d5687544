/**
 * The engine's front door: a workbook (as grids) and a mapping in, the evaluated tables and the findings out.
 * Who reads the workbook (ExcelJS, Office.js) and who shows the result (report, summary sheets, task pane)
 * is not this module's business.
 */
import { formatRange, type SheetGrid, type WorkbookGrid } from './grid';
import { tableExtent } from './schema/mappingCells';
import { parseFiscalYear, inferEra } from './fiscalYear';
import type { BudgetTableMapping, Era, Mapping, TableMapping } from './schema/mapping';
import { finding, type RawFinding } from './findings';
import { copyOfReading, evaluateIndicator, readIndicatorTable, type Indicator, type IndicatorVisitor, type ReadIndicator } from './evaluate/indicators';
import { evaluateBudgetTable, type Budget } from './evaluate/budgets';
import { DEFAULT_THRESHOLDS, type Thresholds } from './evaluate/ratio';
import { cellAt, textOf, type YearContext } from './evaluate/cells';
import { ParseCache } from './values/parseCache';
import { PlannedStore, PointStore } from './evaluate/points';

export interface TableInfo {
  readonly sheet: string;
  readonly range: string;
  readonly kind: 'indicator' | 'budget';
  readonly layout: string;
}

export interface CheckOptions {
  /** The year under report; overrides the mapping's. */
  readonly reportFy?: number;
}

export interface CheckResult {
  readonly tables: TableInfo[];
  readonly indicators: Indicator[];
  readonly budgets: Budget[];
  readonly findings: RawFinding[];
  /** The year under report that was used: given, or the latest year with an actual; null for a plan with none. */
  readonly reportFy: number | null;
  readonly thresholds: Thresholds;
}

export function checkWorkbook(wb: WorkbookGrid, mapping: Mapping, options: CheckOptions = {}): CheckResult {
  const findings: RawFinding[] = [];
  const tables: TableInfo[] = [];
  const thresholds = { ...DEFAULT_THRESHOLDS, ...(mapping.settings?.thresholds ?? {}) };
  const method = mapping.settings?.method ?? null;

  // The year under report may be inferred from all indicator tables: until it is known, what is read is kept;
  // when the mapping or the caller names it, each indicator is evaluated as soon as it is read.
  const knownFy = options.reportFy ?? mapping.reportFy;
  const pending: (ReadIndicator | RawFinding[])[] = [];
  const indicators: Indicator[] = [];
  const yearsWithActuals = new Set<number>();
  const budgetTables: { sheet: SheetGrid; m: BudgetTableMapping; index: number; ctx: YearContext }[] = [];
  // One store of points and planned targets for all indicators of the check (kept in columns: see points.ts).
  // Sized by the mapping (rows × years): the columns are not copied as they fill.
  const expected = mapping.tables.reduce((n, m) => (m.kind === 'indicator' ? n + m.rows.length * m.years.length : n), 0);
  const stores = { points: new PointStore(expected), planned: new PlannedStore(expected) };
  const evaluateNow = knownFy !== undefined ? { reportFy: knownFy, thresholds, stores } : null;
  const visit: IndicatorVisitor = evaluateNow
    ? { tableFindings: (f) => findings.push(...f), indicator: (r) => indicators.push(evaluateIndicator(r, evaluateNow, findings)) }
    : { tableFindings: (f) => pending.push(f), indicator: (r) => pending.push(copyOfReading(r)) };

  const cache = new ParseCache();
  mapping.tables.forEach((m) => {
    const sheet = wb.sheet(m.sheet);
    if (!sheet) {
      findings.push(finding('mapping.sheet-missing', m.sheet, null, m.sheet, null, { text: m.sheet }));
      return;
    }
    const index = tables.length;
    tables.push({ sheet: m.sheet, range: m.range ?? rangeOf(m), kind: m.kind, layout: m.layout });
    const ctx: YearContext = { era: m.era ?? eraOfHeaders(sheet, m) ?? eraOfSheet(sheet), method, cache };
    if (m.kind === 'indicator') {
      for (const fy of readIndicatorTable(sheet, m, index, ctx, visit)) yearsWithActuals.add(fy);
    } else {
      budgetTables.push({ sheet, m, index, ctx });
    }
  });

  const reportFy = knownFy ?? (yearsWithActuals.size > 0 ? Math.max(...yearsWithActuals) : null);
  for (const p of pending) {
    if (Array.isArray(p)) findings.push(...p);
    else indicators.push(evaluateIndicator(p, { reportFy, thresholds, stores }, findings));
  }

  const budgets: Budget[] = [];
  for (const { sheet, m, index, ctx } of budgetTables) {
    const r = evaluateBudgetTable(sheet, m, index, ctx, { defaultFy: reportFy, tolerance: mapping.settings?.budgetTolerance ?? 1 });
    budgets.push(...r.budgets);
    findings.push(...r.findings);
  }
  return { tables, indicators, budgets, findings, reportFy, thresholds };
}

/** The range a table covers when its mapping does not state it: the cells it maps. */
function rangeOf(m: TableMapping): string {
  const extent = tableExtent(m);
  return extent ? formatRange(extent) : 'A1';
}

/** The era of the table's own year headers, when one of them names it (令和元年度 before ２年度). */
function eraOfHeaders(sheet: SheetGrid, m: TableMapping): Era | null {
  const headers: string[] = [];
  if (m.kind === 'indicator') {
    if (m.baseline && typeof m.baseline.fy === 'string') headers.push(m.baseline.fy);
    for (const y of m.years) if (typeof y.fy === 'string') headers.push(y.fy);
  } else {
    for (const p of m.projects) for (const f of [p.fy, p.previousFy]) if (typeof f === 'string') headers.push(f);
  }
  for (const h of headers) {
    const parsed = parseFiscalYear(textOf(cellAt(sheet, h)));
    if (parsed && parsed.era !== 'western') return parsed.era;
  }
  return null;
}

/** The era a sheet is written in, from the text of its first rows (its title and headings). */
function eraOfSheet(sheet: SheetGrid): Era | null {
  const texts: string[] = [];
  const rows = Math.min(sheet.rowCount, 12);
  const cols = Math.min(sheet.columnCount, 12);
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= cols; c++) {
      const v = sheet.cell(r, c);
      if (v.kind === 'text') texts.push(v.text);
    }
  }
  return inferEra(texts);
}
