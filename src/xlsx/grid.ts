/**
 * The engine's WorkbookGrid over ExcelJS worksheets. Reads are lazy, straight from ExcelJS's own rows: nothing is
 * copied (a submitted workbook may hold hundreds of thousands of cells). Only the merged areas of a sheet are
 * indexed, once, on first use.
 */
import * as ExcelJS from 'exceljs';
import { EMPTY, type CellRange, type CellValue, type SheetGrid, type WorkbookGrid } from '../core/grid';

export function workbookGrid(wb: ExcelJS.Workbook): WorkbookGrid {
  const sheets: readonly SheetGrid[] = wb.worksheets.map((ws) => new WorksheetGrid(ws));
  return {
    sheets,
    // Excel treats sheet names case-insensitively; an exact match wins.
    sheet: (name) => sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()),
  };
}

/** Excel's largest sheet; beyond it ExcelJS's address helpers throw. */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

class WorksheetGrid implements SheetGrid {
  readonly name: string;
  private merges: MergeIndex | undefined;
  private extent: { rows: number; cols: number } | undefined;

  constructor(private readonly ws: ExcelJS.Worksheet) {
    this.name = ws.name;
  }

  cell(row: number, col: number): CellValue {
    if (!inSheet(row, col)) return EMPTY;
    this.merges ??= new MergeIndex(mergeRanges(this.ws));
    if (this.merges.empty) {
      // No merged area: no cell is a merge cell, and its type need not be asked (a call per cell saved).
      const cell = this.find(row, col);
      return cell ? valueOf(cell.value, cell) : EMPTY;
    }
    // ExcelJS makes every cell a merged area covers, each pointing to the area's top-left (its master): the cell's
    // own type says whether it is one, with no lookup among the sheet's areas.
    const cell = this.find(row, col);
    return cell ? cellValueOf(cell) : EMPTY;
  }

  get rowCount(): number {
    return this.usedExtent().rows;
  }

  get columnCount(): number {
    return this.usedExtent().cols;
  }

  isRowHidden(row: number): boolean {
    return inSheet(row, 1) && (this.ws.findRow(row)?.hidden ?? false);
  }

  mergedArea(row: number, col: number): CellRange | null {
    if (!inSheet(row, col)) return null;
    this.merges ??= new MergeIndex(mergeRanges(this.ws));
    return this.merges.at(row, col);
  }

  /** findRow/findCell, never getRow/getCell: those create the row or cell they do not find. */
  private find(row: number, col: number): ExcelJS.Cell | undefined {
    return this.ws.findRow(row)?.findCell(col);
  }

  /** The last row and column holding a value (a merged area counts as used throughout). */
  private usedExtent(): { rows: number; cols: number } {
    if (!this.extent) {
      let rows = 0;
      let cols = 0;
      // eachRow visits only rows with a value; cells past the last one with a value may carry just a style.
      this.ws.eachRow((row, n) => {
        rows = n;
        for (let c = row.cellCount; c > cols; c--) {
          const cell = row.findCell(c);
          if (cell && cell.type !== ExcelJS.ValueType.Null) {
            cols = c;
            break;
          }
        }
      });
      this.extent = { rows, cols };
    }
    return this.extent;
  }
}

/** Whole numbers within Excel's sheet (NaN fails every comparison); `| 0` keeps them whole within that range. */
function inSheet(row: number, col: number): boolean {
  return row >= 1 && row <= MAX_ROW && col >= 1 && col <= MAX_COL && (row | 0) === row && (col | 0) === col;
}

/**
 * ExcelJS keeps a sheet's merges in a private map (master address → range); the public `model.merges` would
 * rebuild the model of every row. Pinned to exceljs 4.4.0, and covered by tests.
 */
function mergeRanges(ws: ExcelJS.Worksheet): CellRange[] {
  const merges = (ws as unknown as { _merges?: Record<string, CellRange | undefined> })._merges ?? {};
  const out: CellRange[] = [];
  for (const m of Object.values(merges)) {
    if (m) out.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
  }
  return out;
}

/** Merged areas by row, so a lookup does not scan every area of the sheet. Very tall areas are kept apart. */
class MergeIndex {
  private static readonly TALL = 1000;
  private readonly byRow = new Map<number, CellRange[]>();
  private readonly tall: CellRange[] = [];

  constructor(ranges: readonly CellRange[]) {
    for (const r of ranges) {
      if (r.bottom - r.top >= MergeIndex.TALL) {
        this.tall.push(r);
        continue;
      }
      for (let row = r.top; row <= r.bottom; row++) {
        const list = this.byRow.get(row);
        if (list) list.push(r);
        else this.byRow.set(row, [r]);
      }
    }
  }

  get empty(): boolean {
    return this.byRow.size === 0 && this.tall.length === 0;
  }

  at(row: number, col: number): CellRange | null {
    // Plain loops: this runs for every cell the engine reads.
    const list = this.byRow.get(row);
    if (list) for (const r of list) if (r.left <= col && col <= r.right) return r;
    for (const r of this.tall) if (r.top <= row && row <= r.bottom && r.left <= col && col <= r.right) return r;
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Cell values

/** An ExcelJS cell as the engine sees it. A merged cell reads as its master (the area's top-left cell). */
export function cellValueOf(cell: ExcelJS.Cell): CellValue {
  const source = cell.type === ExcelJS.ValueType.Merge ? cell.master : cell;
  return valueOf(source.value, source);
}

/** A cell's value as the engine sees it; the cell's number format is asked only of numbers (few text cells need it). */
function valueOf(v: unknown, cell: ExcelJS.Cell | null): CellValue {
  switch (typeof v) {
    case 'number':
      if (!Number.isFinite(v)) return { kind: 'error', code: '#NUM!' };
      // One shape for every number cell, with or without a format: the engine's readers see one kind of object.
      return { kind: 'number', value: v, numFmt: (cell !== null && cell.numFmt) || undefined };
    case 'string':
      return { kind: 'text', text: v };
    case 'boolean':
      return { kind: 'boolean', value: v };
    case 'object':
      return v === null ? EMPTY : objectValueOf(v as Record<string, unknown>, cell);
    default:
      return EMPTY;
  }
}

/** ExcelJS's object values: Date, { error }, { richText }, formulas by their cached result, hyperlinks. */
function objectValueOf(o: Record<string, unknown>, cell: ExcelJS.Cell | null): CellValue {
  // Not instanceof Date: the Date may come from another realm.
  if (Object.prototype.toString.call(o) === '[object Date]') return dateValueOf(o as unknown as Date);
  if (typeof o.error === 'string') return { kind: 'error', code: o.error };
  if (Array.isArray(o.richText)) return { kind: 'text', text: richTextOf(o.richText) };
  if ('formula' in o || 'sharedFormula' in o) return o.result === undefined ? EMPTY : valueOf(o.result, cell);
  if ('hyperlink' in o || 'text' in o) {
    const text = valueOf(o.text, null);
    return text.kind === 'empty' ? { kind: 'text', text: '' } : text;
  }
  return EMPTY;
}

function richTextOf(runs: readonly unknown[]): string {
  return runs.map((r) => (r && typeof (r as { text?: unknown }).text === 'string' ? (r as { text: string }).text : '')).join('');
}

/**
 * Excel dates carry no time zone; ExcelJS gives them as UTC instants. They are written without a zone: a date
 * alone as 'YYYY-MM-DD', with a time of day as 'YYYY-MM-DDTHH:mm:ss'.
 */
function dateValueOf(d: Date): CellValue {
  const ms = d.getTime();
  // A number too large for a date under a date format.
  if (!Number.isFinite(ms)) return { kind: 'error', code: '#VALUE!' };
  const iso = new Date(Math.round(ms / 1000) * 1000).toISOString();
  return { kind: 'date', iso: iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19) };
}
