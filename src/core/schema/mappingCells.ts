/**
 * The cells a table mapping refers to, and moving a mapping when its table moved (rows inserted above it).
 * The add-in reads exactly these cells from Excel, and re-anchors saved mappings to the named range of each table.
 */
import { columnLetters, columnNumber, formatAddress, formatRange, parseAddress, parseRange, type CellRange } from '../grid';
import type { BudgetProjectMapping, IndicatorTableMapping, TableMapping } from './mapping';
import { expandProjects } from '../evaluate/budgets';

/** The smallest range holding every cell the table mapping names: headers, names, values, totals. */
export function tableExtent(m: TableMapping): CellRange | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  const row = (r: number) => {
    top = Math.min(top, r);
    bottom = Math.max(bottom, r);
  };
  const col = (c: number) => {
    left = Math.min(left, c);
    right = Math.max(right, c);
  };
  const cell = (a: string | number | undefined) => {
    if (typeof a !== 'string') return;
    const ref = parseAddress(a);
    if (!ref) return;
    row(ref.row);
    col(ref.col);
  };
  if (m.range) {
    const r = parseRange(m.range);
    if (r) {
      row(r.top);
      row(r.bottom);
      col(r.left);
      col(r.right);
    }
  }
  cell(m.unitHeader);
  if (m.kind === 'indicator') {
    col(columnNumber(m.nameColumn));
    if (m.baseline) {
      col(columnNumber(m.baseline.column));
      cell(m.baseline.fy);
    }
    for (const y of m.years) {
      cell(y.fy);
      for (const c of [y.target, y.actual, y.stated]) if (c) col(columnNumber(c));
    }
    for (const r of m.rows) for (const x of [r.target, r.actual]) if (x !== undefined) row(x);
  } else {
    for (const p of expandProjects(m)) for (const v of Object.values(p)) cell(v);
    if (m.total) for (const v of Object.values(m.total)) cell(v);
  }
  if (!Number.isFinite(top) || !Number.isFinite(left)) return null;
  return { top, left, bottom, right };
}

const moveAddress = (a: string, dRows: number, dCols: number): string => {
  const ref = parseAddress(a)!;
  return formatAddress({ row: ref.row + dRows, col: ref.col + dCols });
};
const moveColumn = (c: string, dCols: number): string => columnLetters(columnNumber(c) + dCols);
const moveFy = (fy: number | string, dRows: number, dCols: number): number | string => (typeof fy === 'string' ? moveAddress(fy, dRows, dCols) : fy);

function moveIndicator(m: IndicatorTableMapping, dRows: number, dCols: number): IndicatorTableMapping {
  return {
    ...m,
    nameColumn: moveColumn(m.nameColumn, dCols),
    ...(m.unitHeader ? { unitHeader: moveAddress(m.unitHeader, dRows, dCols) } : {}),
    ...(m.baseline ? { baseline: { ...m.baseline, fy: moveFy(m.baseline.fy, dRows, dCols), column: moveColumn(m.baseline.column, dCols) } } : {}),
    years: m.years.map((y) => ({
      ...y,
      fy: moveFy(y.fy, dRows, dCols),
      ...(y.target ? { target: moveColumn(y.target, dCols) } : {}),
      ...(y.actual ? { actual: moveColumn(y.actual, dCols) } : {}),
      ...(y.stated ? { stated: moveColumn(y.stated, dCols) } : {}),
    })),
    rows: m.rows.map((r) => ({
      ...r,
      ...(r.target !== undefined ? { target: r.target + dRows } : {}),
      ...(r.actual !== undefined ? { actual: r.actual + dRows } : {}),
    })),
  };
}

function moveProject(p: BudgetProjectMapping, dRows: number, dCols: number): BudgetProjectMapping {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) out[k] = typeof v === 'string' ? moveAddress(v, dRows, dCols) : v;
  return out as BudgetProjectMapping;
}

/** The same table mapping, dRows rows down and dCols columns right. */
export function moveTable(m: TableMapping, dRows: number, dCols: number): TableMapping {
  if (dRows === 0 && dCols === 0) return m;
  const range = m.range ? parseRange(m.range) : null;
  const moved = range ? { range: formatRange({ top: range.top + dRows, left: range.left + dCols, bottom: range.bottom + dRows, right: range.right + dCols }) } : {};
  if (m.kind === 'indicator') return { ...moveIndicator(m, dRows, dCols), ...moved };
  return {
    ...m,
    ...moved,
    ...(m.unitHeader ? { unitHeader: moveAddress(m.unitHeader, dRows, dCols) } : {}),
    projects: m.projects.map((p) => moveProject(p, dRows, dCols)),
    ...(m.total ? { total: Object.fromEntries(Object.entries(m.total).map(([k, v]) => [k, moveAddress(v, dRows, dCols)])) } : {}),
  };
}
