/**
 * What the engine reads: a workbook as grids of cell values. The adapters (ExcelJS for files, Office.js in the
 * add-in) implement these interfaces; the engine never knows which one it is talking to.
 */

/** One cell as the engine sees it. Formula cells are given by their cached result. */
export type CellValue =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number; readonly numFmt?: string }
  | { readonly kind: 'text'; readonly text: string } // rich text is flattened to its plain text
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'date'; readonly iso: string }
  | { readonly kind: 'error'; readonly code: string }; // '#DIV/0!', '#N/A', ...

export const EMPTY: CellValue = Object.freeze({ kind: 'empty' });

export interface SheetGrid {
  readonly name: string;
  /** Rows and columns are 1-based. A cell inside a merged area reads as the area's top-left cell. */
  cell(row: number, col: number): CellValue;
  /** Last used row and column (0 for an empty sheet). */
  readonly rowCount: number;
  readonly columnCount: number;
  isRowHidden(row: number): boolean;
  /** The merged area a cell belongs to, as its top-left and bottom-right corners, or null. */
  mergedArea(row: number, col: number): CellRange | null;
}

export interface WorkbookGrid {
  readonly sheets: readonly SheetGrid[];
  sheet(name: string): SheetGrid | undefined;
}

export interface CellRef {
  readonly row: number;
  readonly col: number;
}

export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** 'A' → 1, 'AA' → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) throw new RangeError(`not a column: ${letters}`);
    n = n * 26 + (code - 64);
  }
  return n;
}

/** 1 → 'A', 27 → 'AA'. */
export function columnLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 'E12' → { row: 12, col: 5 }, or null when the text is not a cell address ($ signs allowed: '$E$12'). */
export function parseAddress(address: string): CellRef | null {
  // By hand rather than by a regular expression: budget blocks resolve thousands of addresses.
  const s = address.trim();
  let i = s.charCodeAt(0) === 36 /* $ */ ? 1 : 0;
  let col = 0;
  const colStart = i;
  for (; i < s.length && i - colStart < 4; i++) {
    const c = s.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  const letters = i - colStart;
  if (letters < 1 || letters > 3) return null;
  if (s.charCodeAt(i) === 36) i++;
  const rowStart = i;
  if (s.charCodeAt(i) === 48 /* 0 */) return null;
  let row = 0;
  for (; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  const digits = i - rowStart;
  if (digits < 1 || digits > 7) return null;
  if (col > 16384 || row > 1048576) return null;
  return { row, col };
}

export function formatAddress(ref: CellRef): string {
  return cellAddress(ref.col, ref.row);
}

/** Column letters by number, made once each: the engine names tens of thousands of cells in a few columns. */
const LETTERS = new Map<number, string>();

/**
 * A cell as one number, in reading order (row by row, then column by column): row × 2¹⁴ + column − 1. Exact and
 * distinct for every cell of a sheet (at most 1,048,576 rows and 16,384 columns), made without writing the address,
 * and a small integer (no heap number, a cheap key) for the first 65,536 rows.
 */
export function cellNumber(col: number, row: number): number {
  return row * 16384 + (col - 1);
}

/** (3, 10) → 'C10'. */
export function cellAddress(col: number, row: number): string {
  let letters = LETTERS.get(col);
  if (letters === undefined) LETTERS.set(col, (letters = columnLetters(col)));
  return letters + row;
}

/** 'A5:G12' → range, or null. A single address is a one-cell range. */
export function parseRange(text: string): CellRange | null {
  const [a, b] = text.split(':');
  const start = a === undefined ? null : parseAddress(a);
  const end = b === undefined ? start : parseAddress(b);
  if (!start || !end) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

export function formatRange(r: CellRange): string {
  const a = formatAddress({ row: r.top, col: r.left });
  const b = formatAddress({ row: r.bottom, col: r.right });
  return a === b ? a : `${a}:${b}`;
}
