/**
 * Scoring detection on the corpus. A table is found when a detected table of the same kind on the same sheet
 * overlaps the expected one (half of their union at least). A cell is mapped correctly when the engine, run with
 * the detected mapping, reads it in the same role, for the same indicator or project and the same year, as with the
 * hand-made mapping: the role cells below are what the engine reports (every year made due, so that each mapped
 * cell shows), plus each indicator's name, unit, direction and cumulative flag, and each project's years and unit.
 */
import { checkWorkbook, parseRange, type CellRange, type TableMapping, type WorkbookGrid } from '../../src/core';
import { detectWorkbookDetails, type DetectedTable } from '../../src/core/detect';
import { workbookOf } from './builder';
import type { CorpusCase } from './corpus';

/** Far enough ahead that every year is due: every mapped cell appears in a point. */
const ALL_YEARS_DUE = 9999;

export function roleCells(grid: WorkbookGrid, tables: readonly TableMapping[]): Set<string> {
  const out = new Set<string>();
  if (tables.length === 0) return out;
  const r = checkWorkbook(grid, { version: 1, tables: [...tables] }, { reportFy: ALL_YEARS_DUE });
  for (const i of r.indicators) {
    const who = `${i.sheet}|${i.name}`;
    out.add(`indicator|${who}|unit=${i.unit}|${i.direction}|${i.method}|cumulative=${i.cumulative}`);
    if (i.baseline) out.add(`baseline|${who}|${i.baseline.fy}|${i.baseline.cell}`);
    for (const p of i.points) {
      if (p.cells.target) out.add(`target|${who}|${p.fy}|${p.cells.target}`);
      if (p.cells.actual) out.add(`actual|${who}|${p.fy}|${p.cells.actual}`);
      if (p.cells.stated) out.add(`stated|${who}|${p.fy}|${p.cells.stated}`);
    }
  }
  for (const b of r.budgets) {
    const who = `${b.sheet}|${b.name}|${b.cells.name}`;
    out.add(`project|${who}|fy=${b.fy}|previousFy=${b.previousFy}|unit=${b.unit}|source=${b.cells.source}`);
    if (b.cells.amount) out.add(`amount|${who}|${b.cells.amount}`);
    if (b.cells.previousAmount) out.add(`previousAmount|${who}|${b.cells.previousAmount}`);
    if (b.cells.change) out.add(`statedChange|${who}|${b.cells.change}`);
  }
  return out;
}

function area(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** Two tables are the same when they overlap over half of their union. */
export function sameTable(a: { sheet: string; kind: string; range?: string }, b: { sheet: string; kind: string; range?: string }): boolean {
  if (a.sheet !== b.sheet || a.kind !== b.kind || !a.range || !b.range) return false;
  const x = parseRange(a.range)!;
  const y = parseRange(b.range)!;
  const top = Math.max(x.top, y.top);
  const bottom = Math.min(x.bottom, y.bottom);
  const left = Math.max(x.left, y.left);
  const right = Math.min(x.right, y.right);
  if (top > bottom || left > right) return false;
  const inter = (bottom - top + 1) * (right - left + 1);
  return inter * 2 >= area(x) + area(y) - inter;
}

export interface CaseScore {
  readonly id: string;
  readonly expectedTables: number;
  readonly detectedTables: number;
  /** Expected tables that a detected table matches. */
  readonly found: number;
  /** Detected tables that match an expected table. */
  readonly true: number;
  readonly expectedCells: number;
  readonly detectedCells: number;
  readonly correctCells: number;
  readonly missing: string[];
  readonly extra: string[];
  readonly detected: DetectedTable[];
}

export function scoreCase(c: CorpusCase): CaseScore {
  const grid = workbookOf(...c.sheets);
  const details = detectWorkbookDetails(grid);
  const detected = details.sheets.flatMap((s) => s.tables);
  const applied = details.mapping.tables;
  const want = roleCells(grid, c.expected);
  const got = roleCells(grid, applied);
  const correct = [...got].filter((x) => want.has(x));
  return {
    id: c.id,
    expectedTables: c.expected.length,
    detectedTables: applied.length,
    found: c.expected.filter((e) => applied.some((d) => sameTable(d, e))).length,
    true: applied.filter((d) => c.expected.some((e) => sameTable(d, e))).length,
    expectedCells: want.size,
    detectedCells: got.size,
    correctCells: correct.length,
    missing: [...want].filter((x) => !got.has(x)),
    extra: [...got].filter((x) => !want.has(x)),
    detected,
  };
}

export interface Totals {
  tables: { expected: number; detected: number; found: number; true: number; precision: number; recall: number };
  cells: { expected: number; detected: number; correct: number; precision: number; recall: number };
}

export function totals(scores: readonly CaseScore[]): Totals {
  const sum = (f: (s: CaseScore) => number) => scores.reduce((a, s) => a + f(s), 0);
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const t = { expected: sum((s) => s.expectedTables), detected: sum((s) => s.detectedTables), found: sum((s) => s.found), true: sum((s) => s.true) };
  const c = { expected: sum((s) => s.expectedCells), detected: sum((s) => s.detectedCells), correct: sum((s) => s.correctCells) };
  return {
    tables: { ...t, precision: ratio(t.true, t.detected), recall: ratio(t.found, t.expected) },
    cells: { ...c, precision: ratio(c.correct, c.detected), recall: ratio(c.correct, c.expected) },
  };
}
