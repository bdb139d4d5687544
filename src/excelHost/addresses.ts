/**
 * A1 addresses as Excel reads and writes them: "A1", "$B$2:C5", "A:C", "3:4", "'My Sheet'!A1". Coordinates are
 * 0-based like Range.rowIndex / columnIndex; the rectangle's edges are inclusive.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function rect(top: number, left: number, bottom = top, right = left): Rect {
  return { top, left, bottom, right };
}

export function rowCount(r: Rect): number {
  return r.bottom - r.top + 1;
}

export function columnCount(r: Rect): number {
  return r.right - r.left + 1;
}

export function cellCount(r: Rect): number {
  return rowCount(r) * columnCount(r);
}

export function isEntireRows(r: Rect): boolean {
  return r.left === 0 && r.right === MAX_COLUMNS - 1;
}

export function isEntireColumns(r: Rect): boolean {
  return r.top === 0 && r.bottom === MAX_ROWS - 1;
}

export function inSheet(r: Rect): boolean {
  return r.top >= 0 && r.left >= 0 && r.bottom < MAX_ROWS && r.right < MAX_COLUMNS && r.top <= r.bottom && r.left <= r.right;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return outer.top <= inner.top && inner.bottom <= outer.bottom && outer.left <= inner.left && inner.right <= outer.right;
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnName(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "xfd" → 16383; -1 when not a column within the sheet. */
export function columnIndexOf(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= MAX_COLUMNS ? n - 1 : -1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

type Edge = { row: number | null; col: number | null };

function parseEdge(text: string): Edge | null {
  let m = CELL.exec(text);
  if (m) {
    const col = columnIndexOf(m[1]!);
    const row = Number(m[2]) - 1;
    return col < 0 || row < 0 || row >= MAX_ROWS ? null : { row, col };
  }
  m = COLUMN.exec(text);
  if (m) {
    const col = columnIndexOf(m[1]!);
    return col < 0 ? null : { row: null, col };
  }
  m = ROW.exec(text);
  if (m) {
    const row = Number(m[1]) - 1;
    return row < 0 || row >= MAX_ROWS ? null : { row, col: null };
  }
  return null;
}

/**
 * An address without a sheet: "A1", "A1:B2" (in either order), "A:C", "3:4". A lone column ("A") or row ("3")
 * is not an address, as in Excel. Null when the text is not one.
 */
export function parseA1(text: string): Rect | null {
  const parts = text.trim().split(':');
  if (parts.length === 1) {
    const e = parseEdge(parts[0]!);
    return e && e.row !== null && e.col !== null ? rect(e.row, e.col) : null;
  }
  if (parts.length !== 2) return null;
  const a = parseEdge(parts[0]!);
  const b = parseEdge(parts[1]!);
  if (!a || !b) return null;
  if (a.row !== null && a.col !== null && b.row !== null && b.col !== null) {
    return rect(Math.min(a.row, b.row), Math.min(a.col, b.col), Math.max(a.row, b.row), Math.max(a.col, b.col));
  }
  if (a.row === null && b.row === null && a.col !== null && b.col !== null) {
    return rect(0, Math.min(a.col, b.col), MAX_ROWS - 1, Math.max(a.col, b.col));
  }
  if (a.col === null && b.col === null && a.row !== null && b.row !== null) {
    return rect(Math.min(a.row, b.row), 0, Math.max(a.row, b.row), MAX_COLUMNS - 1);
  }
  return null;
}

/** The address Excel gives a rectangle: whole rows as "3:4", whole columns as "A:B", else "A1" or "A1:B2". */
export function formatA1(r: Rect, absolute = false): string {
  const d = absolute ? '$' : '';
  if (isEntireRows(r)) return `${d}${r.top + 1}:${d}${r.bottom + 1}`;
  if (isEntireColumns(r)) return `${d}${columnName(r.left)}:${d}${columnName(r.right)}`;
  const first = `${d}${columnName(r.left)}${d}${r.top + 1}`;
  if (r.top === r.bottom && r.left === r.right) return first;
  return `${first}:${d}${columnName(r.right)}${d}${r.bottom + 1}`;
}

/**
 * Whether Excel quotes a sheet name in a reference. Names of letters, digits, "_" and "." that start with a
 * letter or "_" stand bare (施策322, Sheet1, Data_2), unless they read as a cell reference (A1, R1C1).
 */
export function sheetNeedsQuotes(name: string): boolean {
  if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name)) return true;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) && parseA1(name) !== null) return true;
  return /^[Rr](\d*)([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name);
}

export function quoteSheet(name: string): string {
  return sheetNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

export function qualifiedA1(sheet: string, r: Rect, absolute = false): string {
  return `${quoteSheet(sheet)}!${formatA1(r, absolute)}`;
}

/** "Sheet1!A1:B2", "'My Sheet'!A1" or a bare "A1" (sheet undefined). Null when malformed. */
export function parseQualified(text: string): { sheet?: string; rect: Rect } | null {
  const t = text.trim().replace(/^=/, '');
  let sheet: string | undefined;
  let rest = t;
  if (t.startsWith("'")) {
    let i = 1;
    let name = '';
    for (; i < t.length; i++) {
      if (t[i] === "'") {
        if (t[i + 1] === "'") {
          name += "'";
          i++;
          continue;
        }
        break;
      }
      name += t[i];
    }
    if (t[i] !== "'" || t[i + 1] !== '!') return null;
    sheet = name;
    rest = t.slice(i + 2);
  } else {
    const bang = t.lastIndexOf('!');
    if (bang === 0) return null;
    if (bang > 0) {
      sheet = t.slice(0, bang);
      rest = t.slice(bang + 1);
    }
  }
  const r = parseA1(rest);
  if (!r) return null;
  return sheet === undefined ? { rect: r } : { sheet, rect: r };
}
