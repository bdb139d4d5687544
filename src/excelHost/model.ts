/**
 * The workbook the host keeps in memory: what Excel would hold for the Office.js subset we serve. Plain data,
 * mutated in place by the commands of each sync; saved and reloaded as JSON by persistence.ts.
 * Rows and columns are 0-based, as Range.rowIndex / columnIndex.
 */
import { parseA1, type Rect } from './addresses';

/** An error value in a cell: '#DIV/0!', '#N/A', '#NAME?' … (a string '#N/A' typed as text is a string). */
export interface HostErrorValue {
  readonly error: string;
}

export type HostCellValue = number | string | boolean | HostErrorValue;

export interface HostFill {
  /** '#RRGGBB'. */
  color: string;
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
}

export interface HostFont {
  bold?: boolean;
  italic?: boolean;
  name?: string;
  size?: number;
  /** '#RRGGBB'; absent: automatic (black). */
  color?: string;
}

export interface HostHyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface HostCell {
  /** The value; for a formula, the result cached in a file we loaded (recomputed when we can). Absent: empty. */
  value?: HostCellValue;
  /** '=…' when the cell holds a formula. */
  formula?: string;
  /** Absent: 'General'. */
  numberFormat?: string;
  /** Absent: no fill. */
  fill?: HostFill;
  font?: HostFont;
  wrapText?: boolean;
  horizontalAlignment?: string;
  /** A note (ExcelApi 1.18 "notes", the old "comments"). */
  note?: string;
  hyperlink?: HostHyperlink;
}

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface HostSheet {
  /** Stable across renames and moves: proxies bind to it. */
  id: string;
  name: string;
  visibility: SheetVisibility;
  protected: boolean;
  /** row → column → cell; only cells with some content or format are present. */
  cells: Map<number, Map<number, HostCell>>;
  merges: Rect[];
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  /** Points; absent columns have the standard width. */
  columnWidths: Map<number, number>;
  standardWidth: number;
  frozenRows: number;
  frozenColumns: number;
}

/** What a workbook name refers to: a range (followed through renames, insertions and deletions) or a formula. */
export type HostNameTarget = { kind: 'range'; sheetId: string; rect: Rect } | { kind: 'formula'; formula: string };

export interface HostName {
  name: string;
  target: HostNameTarget;
  comment: string;
  visible: boolean;
}

export interface HostWorkbookModel {
  /** In tab order. */
  sheets: HostSheet[];
  names: HostName[];
  /** Add-in settings (Workbook.settings), key → JSON-compatible value. */
  settings: Map<string, unknown>;
  readOnly: boolean;
  /** Workbook structure protection. */
  protected: boolean;
  activeSheetId: string | null;
  selection: { sheetId: string; rect: Rect } | null;
  nextSheetId: number;
}

/** Excel's standard column width: 8.43 characters of Calibri 11, 64 pixels, 48 points. */
export const STANDARD_WIDTH_POINTS = 48;

export function emptyWorkbookModel(): HostWorkbookModel {
  return { sheets: [], names: [], settings: new Map(), readOnly: false, protected: false, activeSheetId: null, selection: null, nextSheetId: 1 };
}

export function newSheet(model: HostWorkbookModel, name: string): HostSheet {
  const sheet: HostSheet = {
    id: `sheet${model.nextSheetId++}`,
    name,
    visibility: 'Visible',
    protected: false,
    cells: new Map(),
    merges: [],
    hiddenRows: new Set(),
    hiddenColumns: new Set(),
    columnWidths: new Map(),
    standardWidth: STANDARD_WIDTH_POINTS,
    frozenRows: 0,
    frozenColumns: 0,
  };
  model.sheets.push(sheet);
  model.activeSheetId ??= sheet.id;
  return sheet;
}

export function sheetById(model: HostWorkbookModel, id: string): HostSheet | undefined {
  return model.sheets.find((s) => s.id === id);
}

/** Excel compares sheet names without regard to case. */
export function sheetByName(model: HostWorkbookModel, name: string): HostSheet | undefined {
  const lower = name.toLowerCase();
  return model.sheets.find((s) => s.name.toLowerCase() === lower);
}

export function getCell(sheet: HostSheet, row: number, col: number): HostCell | undefined {
  return sheet.cells.get(row)?.get(col);
}

/** The cell, created when missing (for a write). */
export function cellForWrite(sheet: HostSheet, row: number, col: number): HostCell {
  let line = sheet.cells.get(row);
  if (!line) {
    line = new Map();
    sheet.cells.set(row, line);
  }
  let cell = line.get(col);
  if (!cell) {
    cell = {};
    line.set(col, cell);
  }
  return cell;
}

export function isBlankCell(cell: HostCell): boolean {
  for (const key of Object.keys(cell) as (keyof HostCell)[]) if (cell[key] !== undefined) return false;
  return true;
}

/** Drops a cell left with nothing in it, so the used range stays what Excel would report. */
export function pruneCell(sheet: HostSheet, row: number, col: number): void {
  const line = sheet.cells.get(row);
  const cell = line?.get(col);
  if (line && cell && isBlankCell(cell)) {
    line.delete(col);
    if (line.size === 0) sheet.cells.delete(row);
  }
}

/**
 * Every present cell within a rectangle. Sparse either way: it walks the rectangle's rows when they are fewer
 * than the sheet's, else the sheet's rows (a whole column costs what the sheet holds, not a million rows).
 */
export function forEachCellIn(sheet: HostSheet, r: Rect, visit: (row: number, col: number, cell: HostCell) => void): void {
  const visitLine = (row: number, line: Map<number, HostCell>): void => {
    if (r.right - r.left + 1 < line.size) {
      for (let col = r.left; col <= r.right; col++) {
        const cell = line.get(col);
        if (cell) visit(row, col, cell);
      }
    } else for (const [col, cell] of line) if (col >= r.left && col <= r.right) visit(row, col, cell);
  };
  if (r.bottom - r.top + 1 < sheet.cells.size) {
    for (let row = r.top; row <= r.bottom; row++) {
      const line = sheet.cells.get(row);
      if (line) visitLine(row, line);
    }
  } else for (const [row, line] of sheet.cells) if (row >= r.top && row <= r.bottom) visitLine(row, line);
}

export function hasContent(cell: HostCell): boolean {
  return cell.value !== undefined || cell.formula !== undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Building a model by hand (tests, the demo page)

export type CellSpec = HostCellValue | null | (Omit<HostCell, 'value'> & { value?: HostCellValue | null });

export interface SheetSpec {
  name: string;
  /** 'A1' → value or cell. */
  cells?: Record<string, CellSpec>;
  merges?: string[];
  /** 1-based row numbers, as Excel shows them. */
  hiddenRows?: number[];
  protected?: boolean;
  visibility?: SheetVisibility;
  /** 'A' → points. */
  columnWidths?: Record<string, number>;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** name → "'Sheet'!$A$1:$B$2" or a formula "=42". */
  names?: Record<string, string>;
  settings?: Record<string, unknown>;
  readOnly?: boolean;
  protected?: boolean;
}

/** A model from a compact description: workbookModel({ sheets: [{ name: 'S', cells: { A1: 1, B1: { value: 'x', numberFormat: '@' } } }] }). */
export function workbookModel(spec: WorkbookSpec): HostWorkbookModel {
  const model = emptyWorkbookModel();
  model.readOnly = spec.readOnly ?? false;
  model.protected = spec.protected ?? false;
  for (const s of spec.sheets) {
    const sheet = newSheet(model, s.name);
    sheet.protected = s.protected ?? false;
    sheet.visibility = s.visibility ?? 'Visible';
    for (const [address, v] of Object.entries(s.cells ?? {})) {
      const r = parseA1(address);
      if (!r) throw new Error(`workbookModel: bad cell address ${address}`);
      if (v === null) continue;
      const cell = cellForWrite(sheet, r.top, r.left);
      if (typeof v === 'object' && !('error' in v)) {
        const { value, ...rest } = v;
        Object.assign(cell, rest);
        if (value !== null && value !== undefined) cell.value = value;
      } else cell.value = v;
    }
    for (const m of s.merges ?? []) {
      const r = parseA1(m);
      if (!r) throw new Error(`workbookModel: bad merge ${m}`);
      sheet.merges.push(r);
    }
    for (const row of s.hiddenRows ?? []) sheet.hiddenRows.add(row - 1);
    for (const [col, width] of Object.entries(s.columnWidths ?? {})) {
      const r = parseA1(`${col}1`);
      if (!r) throw new Error(`workbookModel: bad column ${col}`);
      sheet.columnWidths.set(r.left, width);
    }
  }
  for (const [name, ref] of Object.entries(spec.names ?? {})) {
    model.names.push({ name, target: nameTargetOf(model, ref), comment: '', visible: true });
  }
  for (const [k, v] of Object.entries(spec.settings ?? {})) model.settings.set(k, v);
  return model;
}

/** A name's reference text as a target: a range of a sheet of the model, else a formula. */
export function nameTargetOf(model: HostWorkbookModel, reference: string): HostNameTarget {
  const text = reference.trim().replace(/^=/, '');
  const q = parseQualifiedLoose(text);
  if (q) {
    const sheet = sheetByName(model, q.sheet);
    if (sheet) return { kind: 'range', sheetId: sheet.id, rect: q.rect };
  }
  return { kind: 'formula', formula: reference.trim().startsWith('=') ? reference.trim() : `=${reference.trim()}` };
}

function parseQualifiedLoose(text: string): { sheet: string; rect: Rect } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(text);
  if (!m) return null;
  const r = parseA1(m[3]!);
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
  return r ? { sheet, rect: r } : null;
}
