/**
 * Where a table ends: from its first data row down, while rows hold names and values. A blank row, a note (※, 注1:),
 * a new header or a paragraph of text ends it; a lone name row is kept when data follows it (the (サブ指標) line),
 * and one blank row is crossed when a real data row follows (extra blank rows inside a table).
 */
import type { ParseCache } from '../values/parseCache';
import type { CellValue, SheetGrid } from '../grid';
import { cellsIn, isPlainValue, type ScannedCell, type ScannedRow, type ScannedSheet } from './scan';
import { hasCircled, ROLE_TAGS, TAG } from './words';
import { compare, targetValue, type Trend } from './trend';

export interface Span {
  readonly left: number;
  readonly right: number;
  readonly nameCol: number;
  /** The first column of values (years, roles). */
  readonly valueLeft: number;
}

const LONG_TEXT = 30;
const MAX_BLANK_ROWS = 1;

export function isQuantity(sheet: SheetGrid, row: number, c: ScannedCell, cache: ParseCache): boolean {
  if (c.kind === 'number') return true;
  if (c.kind !== 'text' || !/[0-9０-９]/.test(c.text)) return false;
  return cache.parse(sheet.cell(row, c.col), null).kind === 'quantity';
}

/** A role word (目標値, 実績, Target): 目標 130件 実績 112件 names both roles but is a value (a header has no figure). */
export function isRoleHeader(sheet: SheetGrid, row: number, c: ScannedCell, cache: ParseCache): boolean {
  return (c.tags & ROLE_TAGS) !== 0 && !(c.inCell && isQuantity(sheet, row, c, cache));
}

/** A header row of another table: two years, or two role words and no value. */
export function headerLike(sheet: SheetGrid, row: ScannedRow, left: number, right: number, cache: ParseCache): boolean {
  let years = 0;
  let roles = 0;
  for (const c of row.cells) {
    if (c.col < left || c.col > right) continue;
    if (c.year) years++;
    if (isRoleHeader(sheet, row.row, c, cache)) roles++;
  }
  if (years === 0 && roles === 0 && !(row.tags & TAG.project)) return false; // a data row: the common case, no array made
  const cells = cellsIn(row, left, right);
  if (years >= 2) return true;
  if ((row.tags & TAG.project) !== 0 && (row.tags & TAG.budget) !== 0) return true;
  if (roles >= 2 || (years >= 1 && roles >= 1)) return !cells.some((c) => !(c.tags & ROLE_TAGS) && !c.year && isQuantity(sheet, row.row, c, cache));
  return false;
}

/** Paragraph text across the value columns, no figure in it: a text section, not data. */
function isProse(sheet: SheetGrid, row: number, values: readonly ScannedCell[], cache: ParseCache): boolean {
  const wide = values.some((c) => (c.area !== null && c.area.right > c.col + 1) || c.text.length > LONG_TEXT);
  return wide && !values.some((c) => isQuantity(sheet, row, c, cache));
}

/** Cells of a regular block read as they are, without a scan: longer texts may be prose, years may be headers. */
const SHORT_VALUE = 30;

/** A value that can neither end a table nor start another: empty, a number that is no year, a short figure text. */
function plainValue(v: CellValue): boolean {
  if (v.kind === 'empty') return true;
  if (v.kind === 'number') return !(v.value >= 1900 && v.value <= 2199);
  if (v.kind !== 'text') return false;
  const t = v.text;
  return t.length > 0 && t.length <= SHORT_VALUE && t.charCodeAt(0) > 32 && isPlainValue(t);
}

/**
 * The common case of a table, decided by reading the cells and nothing more: the name merged over this row and the
 * next in a two-row table (alone on its row in the others), its text no note and no value (a header row shows its
 * years or role words in the value columns, where they are no plain value), and the values that would show a header's years, a
 * paragraph or a note plain values: the first and the last target when the target columns are known (their figures
 * give the row's trend at the same time), else the first value of both rows. Such a block is data the scan would
 * keep (no header, note, prose or blank in it), so it is not scanned: the inside of a 1,000-indicator table costs
 * four reads per indicator, each read once for detection as a whole. Anything else goes the long way.
 */
function regularBlock(sheet: SheetGrid, r: number, span: Span, rowCount: number, blocks: RegularBlocks | undefined, cache: ParseCache): string | null {
  const step = blocks?.step ?? 2;
  if (r + step - 1 > rowCount) return null;
  // Two-row: the name merged over the block's two rows; one row: a name on its own row (merged across at most).
  const area = sheet.mergedArea(r, span.nameCol);
  if (step === 2 ? area === null || area.top !== r || area.bottom !== r + 1 || area.left !== span.nameCol : area !== null && (area.top !== r || area.bottom !== r || area.left !== span.nameCol)) return null;
  const name = sheet.cell(r, span.nameCol);
  if (name.kind !== 'text' || name.text.length > 200 || name.text.charCodeAt(0) <= 32 || isPlainValue(name.text)) return null;
  const c0 = name.text.charCodeAt(0);
  if (c0 === 0x203b /* ※ */ || c0 === 0x6ce8 /* 注 */) return null;
  for (let c = span.left; c < span.nameCol; c++) if (sheet.cell(r, c).kind !== 'empty') return null;
  const probe = blocks?.probe;
  if (probe && probe.length > 0) {
    const first = sheet.cell(r, probe[0]!);
    const last = probe.length > 1 ? sheet.cell(r, probe[probe.length - 1]!) : first;
    if (!plainValue(first) || !plainValue(last) || circled(first) || circled(last)) return null;
    // A one-row indicator shows its values at its ends (a name alone may be a heading: the long way decides).
    if (step === 1 && first.kind === 'empty' && last.kind === 'empty') return null;
    // With one target there is no trend; with two figures at the ends, theirs; else the row is read again later.
    const a = probe.length > 1 ? targetValue(first, null, cache) : null;
    const b = a === null ? null : targetValue(last, null, cache);
    blocks!.trends.push(probe.length === 1 ? null : b === null ? undefined : compare(a, b));
  } else if (step === 2) {
    // What could end the table starts at the first value column: a header's years (they start there, as they do in
    // this table's header), a note or a paragraph written across. When that cell is empty, the target row is read.
    const first = sheet.cell(r, span.valueLeft);
    if (!plainValue(first) || !plainValue(sheet.cell(r + 1, span.valueLeft))) return null;
    if (first.kind === 'empty') for (let c = span.valueLeft + 1; c <= span.right; c++) if (!plainValue(sheet.cell(r, c))) return null;
    blocks?.trends.push(undefined);
  } else return null;
  return name.text.trim();
}

const circled = (v: CellValue): boolean => v.kind === 'text' && hasCircled(v.text);

/** What extentBelow saw of a table's regular blocks, read once: their first rows, names and trends. */
export interface RegularBlocks {
  /** The table's target columns, in year order, when known before its extent (from its header and first rows). */
  readonly probe: readonly number[] | null;
  /** Rows per indicator: 2 in a two-row table, 1 in a one-row or column table (known from the probe). */
  readonly step: 1 | 2;
  readonly rows: number[];
  readonly names: string[];
  /** The trend of each block's targets; undefined where it needs the whole row. */
  readonly trends: (Trend | undefined)[];
}

/** The last row of the table whose data starts at `first` (first − 1 when there is none). */
export function extentBelow(s: ScannedSheet, first: number, span: Span, cache: ParseCache, blocks?: RegularBlocks): number {
  const { sheet } = s;
  let last = first - 1;
  let coveredTo = first - 1; // rows covered by a name merged downwards
  let blanks = 0;
  for (let r = first; r <= s.rowCount; r++) {
    const regularName = blanks === 0 && r > coveredTo ? regularBlock(sheet, r, span, s.rowCount, blocks, cache) : null;
    if (regularName !== null) {
      if (blocks) {
        blocks.rows.push(r);
        blocks.names.push(regularName);
      }
      r += (blocks?.step ?? 2) - 1;
      last = coveredTo = r; // the indicator's rows, never scanned
      continue;
    }
    const row = s.row(r);
    const cells = cellsIn(row, span.left, span.right);
    if (cells.length === 0 || !row) {
      if (r <= coveredTo) {
        last = r;
        continue;
      }
      if (++blanks > MAX_BLANK_ROWS) break;
      continue;
    }
    if (headerLike(sheet, row, span.left, span.right, cache)) break;
    const name = cells.find((c) => c.col === span.nameCol);
    if (cells.some((c) => c.tags & TAG.note && c.col <= span.valueLeft)) break;
    const values = cells.filter((c) => c.col >= span.valueLeft);
    if (values.length === 0) {
      if (r <= coveredTo && blanks === 0) {
        last = r;
        continue;
      }
      // A name alone: kept when its name is merged down over an actual row, or when data follows at once.
      if (blanks === 0 && name?.area && name.area.bottom > r) {
        last = r;
        coveredTo = Math.max(coveredTo, name.area.bottom);
        continue;
      }
      const next = s.row(r + 1);
      const nextValues = cellsIn(next, span.valueLeft, span.right);
      if (blanks === 0 && next && nextValues.length > 0 && !headerLike(sheet, next, span.left, span.right, cache) && nextValues.some((c) => isQuantity(sheet, r + 1, c, cache))) continue;
      break;
    }
    if (blanks > 0 && !values.some((c) => isQuantity(sheet, r, c, cache))) break;
    if (isProse(sheet, r, values, cache)) break;
    blanks = 0;
    last = r;
    if (name?.area) coveredTo = Math.max(coveredTo, name.area.bottom);
  }
  return Math.max(last, Math.min(coveredTo, s.rowCount));
}
