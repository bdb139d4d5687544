/**
 * One pass over a sheet: each row's non-empty cells (a merged area counted once, at its top-left cell), with the
 * header tags of short texts and the fiscal year a header cell names. Everything detection decides later reads
 * these rows, so a sheet is read once whatever the number of tables (linear in the used range).
 */
import type { CellRange, SheetGrid } from '../grid';
import { parseFiscalYear, inferEra, type Era } from '../fiscalYear';
import { textOf } from '../evaluate/cells';
import { foldAndCollapse } from '../values/units';
import { parseText } from '../values/parse';
import { MAX_HEADER_LENGTH, TAG, tagsOf } from './words';

/** Wider sheets are not read past this column: the tables of these documents are at most a dozen columns wide. */
export const MAX_SCAN_COLUMNS = 64;

export interface ScannedCell {
  readonly col: number;
  readonly kind: 'text' | 'number' | 'other';
  /** The text shown (numbers as digits), trimmed. */
  readonly text: string;
  readonly tags: number;
  /** The merged area the cell is the top-left of, if any. */
  readonly area: CellRange | null;
  /** A year written the way headers write it (2018, 令和元年度, ２年度, R5年度 目標, FY2020), or null. */
  readonly year: YearText | null;
  /** The text holds both 目標 and 実績 (a target/actual list inside one cell, maybe). */
  readonly inCell: boolean;
}

/** A value cell at a glance: starts with a digit, a sign or a dash and names no year (年). */
export function isPlainValue(text: string): boolean {
  const c = text.charCodeAt(0);
  const digitish = (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19) || c === 0x25b2 || c === 0x25b3 || c === 0x2014 || c === 0xff0d || c === 45;
  return digitish && text.indexOf('年') < 0 && text.length <= MAX_HEADER_LENGTH;
}

export interface YearText {
  /** The Western year, once the era is known (null for an era-less ２年度 with no context yet). */
  readonly fy: number | null;
  readonly era: Era | 'western' | null;
  /** How the engine reads the cell by itself: false for FY2020, which detection reads and the engine does not. */
  readonly engineReadable: boolean;
}

export interface ScannedRow {
  readonly row: number;
  readonly cells: readonly ScannedCell[];
  /** Union of the cells' tags. */
  readonly tags: number;
  readonly hidden: boolean;
}

export interface ScannedSheet {
  readonly sheet: SheetGrid;
  /** The row's non-empty cells, scanned when first asked for (undefined for an empty row). */
  row(r: number): ScannedRow | undefined;
  readonly rowCount: number;
  readonly columnCount: number;
  /** The era the sheet's title rows name, as the engine infers it (first 12 rows and columns). */
  readonly engineEra: Era | null;
}

const YEAR_PREFIX = /^(fy ?)?\(?(令和|平成|r|h)? ?(元|\d{1,4}) ?(年度|年)?\)?/;
const REMAINDER_OK = /目標|実績|現状|基準|計画|予定|見込|target|actual|baseline|plan|result|estimate/;
const yearCache = new Map<string, YearText | null>();

/**
 * A header year: a whole-number year cell, or a short text that starts with a year (令和元年度, ２年度, R5年度 目標,
 * R5年度(12月までの実績), FY2020) and says nothing else but roles or a note in brackets. Data such as
 * 2018年 3月末実績 +720件 or 2019年度中に 検討 is not a header.
 */
export function yearOfHeader(kind: ScannedCell['kind'], text: string, value: number | null): YearText | null {
  if (kind === 'number') {
    if (value !== null && Number.isInteger(value) && value >= 1900 && value <= 2199) return { fy: value, era: 'western', engineReadable: true };
    return null;
  }
  if (kind !== 'text' || text.length === 0 || text.length > 24) return null;
  const known = yearCache.get(text);
  if (known !== undefined) return known;
  const out = readHeaderYear(text);
  if (yearCache.size > 10_000) yearCache.clear();
  yearCache.set(text, out);
  return out;
}

function readHeaderYear(text: string): YearText | null {
  const k = foldAndCollapse(text).toLowerCase();
  const m = YEAR_PREFIX.exec(k);
  if (!m) return null;
  const [prefix, fyWord, eraName, digits, mark] = m;
  // A bare number is a year only when it is a Western one (2018) or follows FY / an era name.
  if (!fyWord && !eraName && !mark && !(digits && digits.length === 4 && prefix === k)) return null;
  const rest = k.slice(prefix.length).replace(/[\s()（）]/g, '');
  if (rest.length > 0 && !(rest.length <= 14 && (REMAINDER_OK.test(rest) || /^\(.*\)$/.test(k.slice(prefix.length).trim())))) return null;
  if (parseText(text).kind === 'quantity') return null; // 519 (2017年度): a value annotated with its year
  if (fyWord) {
    const n = Number(digits);
    return n >= 1900 && n <= 2199 ? { fy: n, era: 'western', engineReadable: false } : null;
  }
  const p = parseFiscalYear(text);
  if (p) return { fy: p.fy, era: p.era, engineReadable: true };
  if (digits && digits.length <= 2 && mark) return { fy: null, era: null, engineReadable: true }; // ２年度: era from context
  return null;
}

/**
 * Rows are scanned lazily, each once: detection walks the sheet top to bottom and asks for the rows it needs, so the
 * inside of a regular table (read by extentBelow without scanning) costs no classification at all.
 */
class LazyScan implements ScannedSheet {
  readonly rowCount: number;
  readonly columnCount: number;
  private readonly memo: (ScannedRow | null | undefined)[];
  private era: Era | null | undefined;

  constructor(readonly sheet: SheetGrid) {
    this.rowCount = sheet.rowCount;
    this.columnCount = Math.min(sheet.columnCount, MAX_SCAN_COLUMNS);
    this.memo = new Array(this.rowCount + 2);
  }

  row(r: number): ScannedRow | undefined {
    if (r < 1 || r > this.rowCount) return undefined;
    let row = this.memo[r];
    if (row === undefined) this.memo[r] = row = scanRow(this.sheet, r, this.columnCount);
    return row ?? undefined;
  }

  get engineEra(): Era | null {
    if (this.era === undefined) this.era = engineEraOf(this);
    return this.era;
  }
}

export function scanSheet(sheet: SheetGrid): ScannedSheet {
  return new LazyScan(sheet);
}

function scanRow(sheet: SheetGrid, r: number, columnCount: number): ScannedRow | null {
  const cells: ScannedCell[] = [];
  let tags = 0;
  for (let c = 1; c <= columnCount; c++) {
    const v = sheet.cell(r, c);
    if (v.kind === 'empty') continue;
    const kind = v.kind === 'text' ? 'text' : v.kind === 'number' ? 'number' : 'other';
    const raw = textOf(v);
    const text = raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32 || raw.charCodeAt(raw.length - 1) === 0x3000 ? raw.trim() : raw;
    if (text === '') continue;
    // Most cells are values (53 件, 1,200 人, －): no header word, no year; they skip the classification, and the
    // merged-area lookup (a value merged over two cells is then seen twice, which no decision here counts on).
    const plain = kind === 'number' ? !(v.kind === 'number' && v.value >= 1900 && v.value <= 2199) : isPlainValue(text);
    const area = plain ? null : sheet.mergedArea(r, c);
    if (area && (area.top !== r || area.left !== c)) continue; // the rest of a merged area: counted at its top-left
    const t = kind === 'text' && !plain ? tagsOf(text) : 0;
    tags |= t;
    const year = !plain && text.length <= MAX_HEADER_LENGTH ? yearOfHeader(kind, text, v.kind === 'number' ? v.value : null) : null;
    cells.push({ col: c, kind, text, tags: t, area, year, inCell: kind === 'text' && text.includes('実績') && text.includes('目標') });
  }
  return cells.length > 0 ? { row: r, cells, tags, hidden: sheet.isRowHidden(r) } : null;
}

/** The era the engine gives a sheet's era-less headers when the table's own headers name none (check.ts eraOfSheet). */
function engineEraOf(s: ScannedSheet): Era | null {
  const texts: string[] = [];
  for (let r = 1; r <= Math.min(12, s.rowCount); r++) {
    for (const c of s.row(r)?.cells ?? []) if (c.col <= 12 && c.kind === 'text') texts.push(c.text);
    // The engine also reads the other cells of a merged area: same text, same answer.
  }
  return inferEra(texts);
}

/** The era named in the rows above `row` (a title such as 令和3年度 施策評価表, a heading 1. 令和5年度 目標・実績). */
export function eraAbove(s: ScannedSheet, row: number, depth = 12): Era | null {
  for (let r = row; r >= Math.max(1, row - depth); r--) {
    for (const c of s.row(r)?.cells ?? []) {
      if (c.kind !== 'text') continue;
      const e = inferEra([c.text.length > 200 ? c.text.slice(0, 200) : c.text]);
      if (e) return e;
    }
  }
  return null;
}

export const cellAtCol = (row: ScannedRow | undefined, col: number): ScannedCell | undefined => row?.cells.find((c) => c.col === col);

/** The row's cells in the columns [left, right] (merged areas starting left of `left` are not counted). */
export function cellsIn(row: ScannedRow | undefined, left: number, right: number): ScannedCell[] {
  return row ? row.cells.filter((c) => c.col >= left && c.col <= right) : [];
}

export const hasTag = (tags: number, tag: number): boolean => (tags & tag) !== 0;
export { TAG };
