/**
 * Inserting and deleting cells as Excel does (Range.insert / Range.delete): cells, notes, links and formats move;
 * merged areas move, grow or shrink; hidden rows and column widths move with whole rows and columns; references
 * in formulas and workbook names follow (a reference into deleted cells becomes #REF!). Renaming or deleting a
 * sheet rewrites the references that name it.
 */
import { MAX_COLUMNS, MAX_ROWS, type Rect } from './addresses';
import { officeError } from './errors';
import { rewriteReferences } from './formulas';
import type { HostCell, HostSheet, HostWorkbookModel } from './model';

/** 'rows': shift down on insert, up on delete. 'columns': right and left. */
export type ShiftAxis = 'rows' | 'columns';

interface Shift {
  readonly sheet: HostSheet;
  readonly axis: ShiftAxis;
  readonly kind: 'insert' | 'delete';
  /** First row (or column) inserted or deleted, and how many. */
  readonly at: number;
  readonly n: number;
  /** The columns (or rows) that move: the range's extent across the axis. */
  readonly lo: number;
  readonly hi: number;
  /** The whole sheet width (or height) moves: entire rows (or columns). */
  readonly entire: boolean;
}

function shiftOf(sheet: HostSheet, r: Rect, axis: ShiftAxis, kind: 'insert' | 'delete'): Shift {
  return axis === 'rows'
    ? { sheet, axis, kind, at: r.top, n: r.bottom - r.top + 1, lo: r.left, hi: r.right, entire: r.left === 0 && r.right === MAX_COLUMNS - 1 }
    : { sheet, axis, kind, at: r.left, n: r.right - r.left + 1, lo: r.top, hi: r.bottom, entire: r.top === 0 && r.bottom === MAX_ROWS - 1 };
}

const limitOf = (axis: ShiftAxis): number => (axis === 'rows' ? MAX_ROWS : MAX_COLUMNS);

/** Along the axis / across it. */
const major = (axis: ShiftAxis, row: number, col: number): number => (axis === 'rows' ? row : col);
const minor = (axis: ShiftAxis, row: number, col: number): number => (axis === 'rows' ? col : row);

/** Where a position along the axis goes; null when deleted. */
function moved(s: Shift, p: number): number | null {
  if (s.kind === 'insert') return p >= s.at ? p + s.n : p;
  if (p < s.at) return p;
  return p < s.at + s.n ? null : p - s.n;
}

/**
 * A rectangle after the shift: the same (undefined), moved/grown/shrunk, or null when all its cells are deleted.
 * A reference moves only when the moving band spans it across the axis, as in Excel.
 */
export function adjustRect(s: Shift, r: Rect): Rect | null | undefined {
  const [start, end, crossLo, crossHi] = s.axis === 'rows' ? [r.top, r.bottom, r.left, r.right] : [r.left, r.right, r.top, r.bottom];
  if (crossLo < s.lo || crossHi > s.hi) return undefined;
  // Whole columns (for a row shift) stay whole.
  if (start === 0 && end === limitOf(s.axis) - 1) return undefined;
  let a: number;
  let b: number;
  if (s.kind === 'insert') {
    if (end < s.at) return undefined;
    a = start >= s.at ? start + s.n : start;
    b = end + s.n;
    if (a >= limitOf(s.axis)) return null;
    b = Math.min(b, limitOf(s.axis) - 1);
  } else {
    const last = s.at + s.n - 1;
    if (end < s.at) return undefined;
    if (start >= s.at && end <= last) return null;
    a = start < s.at ? start : start > last ? start - s.n : s.at;
    b = end > last ? end - s.n : s.at - 1;
  }
  return s.axis === 'rows' ? { top: a, bottom: b, left: r.left, right: r.right } : { top: r.top, bottom: r.bottom, left: a, right: b };
}

export function insertCells(model: HostWorkbookModel, sheet: HostSheet, r: Rect, axis: ShiftAxis, location: string): void {
  applyShift(model, shiftOf(sheet, r, axis, 'insert'), location);
}

export function deleteCells(model: HostWorkbookModel, sheet: HostSheet, r: Rect, axis: ShiftAxis, location: string): void {
  applyShift(model, shiftOf(sheet, r, axis, 'delete'), location);
}

function applyShift(model: HostWorkbookModel, s: Shift, location: string): void {
  const sheet = s.sheet;
  // Merged areas first: a conflict must stop the command before anything moves.
  const merges: Rect[] = [];
  for (const m of sheet.merges) {
    const [start, end, crossLo, crossHi] = s.axis === 'rows' ? [m.top, m.bottom, m.left, m.right] : [m.left, m.right, m.top, m.bottom];
    const affected = end >= s.at;
    const across = crossLo >= s.lo && crossHi <= s.hi;
    const apart = crossHi < s.lo || crossLo > s.hi;
    if (!affected || apart) {
      merges.push(m);
      continue;
    }
    if (!across) throw officeError('InsertDeleteConflict', location);
    void start;
    const next = adjustRect(s, m);
    if (next === null) continue;
    const area = next ?? m;
    if (area.top === area.bottom && area.left === area.right) continue;
    merges.push(area);
  }
  if (s.kind === 'insert') {
    // Cells pushed off the sheet must be empty (Excel's NonBlankCellOffSheet).
    const limit = limitOf(s.axis);
    for (const [row, line] of sheet.cells) {
      for (const col of line.keys()) {
        const p = major(s.axis, row, col);
        const q = minor(s.axis, row, col);
        if (q >= s.lo && q <= s.hi && p + s.n >= limit) throw officeError('InsertDeleteConflict', location);
      }
    }
  }

  const inheritFrom = s.kind === 'insert' && s.entire && s.at > 0 ? s.at - 1 : null;
  const cells = new Map<number, Map<number, HostCell>>();
  const put = (row: number, col: number, cell: HostCell): void => {
    let line = cells.get(row);
    if (!line) cells.set(row, (line = new Map()));
    line.set(col, cell);
  };
  const inherited: [number, HostCell][] = [];
  for (const [row, line] of sheet.cells) {
    for (const [col, cell] of line) {
      const q = minor(s.axis, row, col);
      const p = major(s.axis, row, col);
      if (inheritFrom !== null && p === inheritFrom) inherited.push([q, cell]);
      if (q < s.lo || q > s.hi) {
        put(row, col, cell);
        continue;
      }
      const to = moved(s, p);
      if (to === null) continue;
      if (s.axis === 'rows') put(to, col, cell);
      else put(row, to, cell);
    }
  }
  // Inserted rows (columns) take the format of the one before, as Excel's "Format Same As Above".
  for (const [q, src] of inherited) {
    const format = formatOnly(src);
    if (!format) continue;
    for (let k = 0; k < s.n; k++) {
      const p = s.at + k;
      if (s.axis === 'rows') put(p, q, { ...format });
      else put(q, p, { ...format });
    }
  }
  sheet.cells = cells;
  sheet.merges = merges;

  if (s.entire) {
    if (s.axis === 'rows') sheet.hiddenRows = movedSet(s, sheet.hiddenRows);
    else {
      sheet.hiddenColumns = movedSet(s, sheet.hiddenColumns);
      const widths = new Map<number, number>();
      for (const [c, w] of sheet.columnWidths) {
        const to = moved(s, c);
        if (to !== null && to < MAX_COLUMNS) widths.set(to, w);
      }
      sheet.columnWidths = widths;
    }
  }

  // References in every sheet's formulas, and the workbook's names.
  const lower = sheet.name.toLowerCase();
  for (const other of model.sheets) {
    for (const line of other.cells.values()) {
      for (const cell of line.values()) {
        if (!cell.formula) continue;
        const next = rewriteReferences(cell.formula, other.name, (name, r) => (name.toLowerCase() === lower ? adjustRect(s, r) : undefined));
        // A reference into deleted cells: the formula now shows #REF!.
        if (next.includes('#REF!') && !cell.formula.includes('#REF!')) cell.value = { error: '#REF!' };
        cell.formula = next;
      }
    }
  }
  for (const name of model.names) {
    if (name.target.kind !== 'range' || name.target.sheetId !== sheet.id) continue;
    const next = adjustRect(s, name.target.rect);
    if (next === null) name.target = { kind: 'formula', formula: `=${quoteForName(sheet.name)}!#REF!` };
    else if (next) name.target = { ...name.target, rect: next };
  }
}

function movedSet(s: Shift, set: Set<number>): Set<number> {
  const out = new Set<number>();
  for (const p of set) {
    const to = moved(s, p);
    if (to !== null && to < limitOf(s.axis)) out.add(to);
  }
  return out;
}

function formatOnly(cell: HostCell): HostCell | null {
  const out: HostCell = {};
  if (cell.numberFormat !== undefined) out.numberFormat = cell.numberFormat;
  if (cell.fill) out.fill = { ...cell.fill };
  if (cell.font) out.font = { ...cell.font };
  if (cell.wrapText !== undefined) out.wrapText = cell.wrapText;
  if (cell.horizontalAlignment !== undefined) out.horizontalAlignment = cell.horizontalAlignment;
  return Object.keys(out).length > 0 ? out : null;
}

function quoteForName(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** After a rename: formulas that name the sheet use its new name. */
export function renameSheetReferences(model: HostWorkbookModel, oldName: string, newName: string): void {
  const lower = oldName.toLowerCase();
  for (const sheet of model.sheets) {
    for (const line of sheet.cells.values()) {
      for (const cell of line.values()) {
        if (!cell.formula) continue;
        cell.formula = rewriteReferences(cell.formula, sheet.name, () => undefined, (written) => (written.toLowerCase() === lower ? newName : undefined));
      }
    }
  }
}

/** Before a sheet goes: references to it become #REF!, names that point into it too. */
export function dropSheetReferences(model: HostWorkbookModel, gone: HostSheet): void {
  const lower = gone.name.toLowerCase();
  for (const sheet of model.sheets) {
    if (sheet === gone) continue;
    for (const line of sheet.cells.values()) {
      for (const cell of line.values()) {
        if (!cell.formula) continue;
        const next = rewriteReferences(cell.formula, sheet.name, () => undefined, (written) => (written.toLowerCase() === lower ? null : undefined));
        if (next !== cell.formula) {
          cell.formula = next;
          cell.value = { error: '#REF!' };
        }
      }
    }
  }
  for (const name of model.names) {
    if (name.target.kind === 'range' && name.target.sheetId === gone.id) name.target = { kind: 'formula', formula: '=#REF!' };
  }
}
