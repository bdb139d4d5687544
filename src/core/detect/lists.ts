/**
 * Target/actual lists (layout 5 of the issue): no header row, one indicator per row, its target and actual written
 *   - in label cells: `(1) 1次対応相談件数 | 目標 | 130件 | 実績 | 112件` (目標値 / 実績値, Target / Actual too), or
 *   - inside one cell: `(1) 事業承継診断件数 | 目標 2,878件 実績 2,159件`, which the engine reads through the row's
 *     `labels` ({ target: '目標', actual: '実績' }: the items of the cell so labelled).
 * The year is the one named just above the list (1. 令和5年度 目標・実績); when none is, the proposal says so and is
 * not applied. A row of another shape ends the list. Nothing here reads a number into the mapping: a cell that does
 * not read is the engine's finding (a value with no label where labels are read is one, never taken for either).
 */
import { columnLetters, formatAddress, formatRange, type CellRange } from '../grid';
import { parseFiscalYear } from '../fiscalYear';
import type { IndicatorTableMapping } from '../schema/mapping';
import type { ParseCache } from '../values/parseCache';
import type { ParsedValue } from '../values/types';
import { eraAbove, type ScannedCell, type ScannedRow, type ScannedSheet } from './scan';
import { isQuantity } from './extent';
import { foldKey, TAG } from './words';
import type { DetectNote, DetectedTable } from './types';

/** The words labelling a target and an actual inside one cell, as the value parser reads them. */
export const IN_CELL_LABELS = { target: '目標', actual: '実績' } as const;

/** Label cells are short words (目標, 目標値, Target): a longer text naming 目標 is a name or a sentence. */
const MAX_LABEL_LENGTH = 6;

interface ListRow {
  readonly form: 'cells' | 'inCell';
  readonly nameCol: number;
  readonly targetCol: number;
  readonly actualCol: number;
  readonly right: number;
}

const isLabel = (c: ScannedCell, tag: number): boolean =>
  c.kind === 'text' && (c.tags & (TAG.target | TAG.actual | TAG.stated)) === tag && foldKey(c.text).length <= MAX_LABEL_LENGTH;
const nextCol = (c: ScannedCell): number => (c.area?.right ?? c.col) + 1;

/** true when the cell holds the target and the actual, labelled 目標 and 実績 (each once, nothing else). */
export function holdsTargetAndActual(v: ParsedValue): boolean {
  if (v.kind !== 'quantity' || v.more.length !== 1) return false;
  const a = v.label;
  const b = v.more[0]!.label;
  return (a === IN_CELL_LABELS.target && b === IN_CELL_LABELS.actual) || (a === IN_CELL_LABELS.actual && b === IN_CELL_LABELS.target);
}

/** The shape of a list row, or null: a name, then label cells with their values, or one cell holding both. */
function listRowOf(s: ScannedSheet, row: ScannedRow, cache: ParseCache): ListRow | null {
  const cells = row.cells;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    const nameCell = lastName(cells, i);
    if (isLabel(c, TAG.target)) {
      // 目標 | value | 実績 | value: the labels' values are the cells right of them (one may be empty, not both).
      const targetCol = nextCol(c);
      const actualLabel = cells.find((x) => x.col > targetCol && isLabel(x, TAG.actual));
      if (!nameCell || !actualLabel || actualLabel.col !== targetCol + 1) return null;
      const actualCol = nextCol(actualLabel);
      const target = cells.find((x) => x.col === targetCol);
      const actual = cells.find((x) => x.col === actualCol);
      const figure = (x: ScannedCell | undefined): boolean => x !== undefined && isQuantity(s.sheet, row.row, x, cache);
      if (!figure(target) && !figure(actual)) return null;
      return { form: 'cells', nameCol: nameCell.col, targetCol, actualCol, right: actual ? (actual.area?.right ?? actualCol) : actualCol };
    }
    if (c.inCell) {
      if (!nameCell || !holdsTargetAndActual(cache.parse(s.sheet.cell(row.row, c.col), null))) return null;
      return { form: 'inCell', nameCol: nameCell.col, targetCol: c.col, actualCol: c.col, right: c.area?.right ?? c.col };
    }
    if (c.tags & (TAG.target | TAG.actual)) return null; // a header or a sentence naming them
  }
  return null;
}

/** The name of a list row: the text just left of its first label or value, itself no label and no value list. */
function lastName(cells: readonly ScannedCell[], before: number): ScannedCell | null {
  for (let i = before - 1; i >= 0; i--) {
    const c = cells[i]!;
    if (c.kind === 'text' && !c.inCell && !(c.tags & (TAG.target | TAG.actual))) return c;
  }
  return null;
}

const sameShape = (a: ListRow, b: ListRow): boolean =>
  a.form === b.form && a.nameCol === b.nameCol && a.targetCol === b.targetCol && a.actualCol === b.actualCol;

/** The list of target/actual rows starting at `row`, or null; its rows (and the year's row above) are marked used. */
export function listTableAt(
  s: ScannedSheet,
  row: ScannedRow,
  used: Uint8Array,
  cache: ParseCache,
  refine: (m: IndicatorTableMapping, reasons: DetectNote[], unsure: DetectNote[]) => IndicatorTableMapping,
): { table: DetectedTable; bottom: number } | null {
  if (!(row.tags & (TAG.target | TAG.actual)) && !row.cells.some((c) => c.inCell)) return null;
  const shape = listRowOf(s, row, cache);
  if (!shape) return null;
  const rows = [row.row];
  let right = shape.right;
  for (let r = row.row + 1; r <= s.rowCount; r++) {
    const next = s.row(r);
    const shapeThere = next && !used[r] ? listRowOf(s, next, cache) : null;
    if (!shapeThere || !sameShape(shapeThere, shape)) break;
    rows.push(r);
    right = Math.max(right, shapeThere.right);
  }
  const year = yearAbove(s, row.row, shape.nameCol, right);
  const bottom = rows[rows.length - 1]!;
  const range: CellRange = { top: year?.row ?? row.row, left: shape.nameCol, bottom, right };
  const labels = shape.form === 'inCell' ? { labels: { ...IN_CELL_LABELS } } : {};
  const reasons: DetectNote[] = [{ code: shape.form === 'inCell' ? 'inCellList' : 'labelCells', params: { row: row.row, count: rows.length } }];
  const unsure: DetectNote[] = [];
  if (year) reasons.push({ code: 'yearAbove', params: { cell: year.address } });
  else unsure.push({ code: 'fy' });
  const mapping: IndicatorTableMapping = refine(
    {
      kind: 'indicator',
      sheet: s.sheet.name,
      range: formatRange(range),
      layout: 'columns',
      nameColumn: columnLetters(shape.nameCol),
      // With no year named, a placeholder the user must replace: the proposal is then shown, never applied.
      years: [{ fy: year?.address ?? 2000, target: columnLetters(shape.targetCol), actual: columnLetters(shape.actualCol) }],
      rows: rows.map((r) => ({ target: r, actual: r, ...labels })),
    },
    reasons,
    unsure,
  );
  if (mapping.rows.length === 0) return null;
  for (let r = range.top; r <= bottom; r++) used[r] = 1;
  // Label words on every row and figures beside them: sure, when the year is known.
  const confidence = year ? 0.9 : 0.5;
  return { table: { kind: 'indicator', sheet: s.sheet.name, range: formatRange(range), layout: 'columns', mapping, confidence, reasons, unsure }, bottom };
}

/** A year named in the two rows above the list, over its columns (1. 令和5年度 目標・実績). */
function yearAbove(s: ScannedSheet, top: number, left: number, right: number): { row: number; address: string } | null {
  const era = eraAbove(s, top);
  for (let r = top - 1; r >= Math.max(1, top - 2); r--) {
    for (const c of s.row(r)?.cells ?? []) {
      if (c.col < left || c.col > right || c.kind !== 'text') continue;
      if (parseFiscalYear(c.text, { era })) return { row: r, address: formatAddress({ row: r, col: c.col }) };
    }
  }
  return null;
}
