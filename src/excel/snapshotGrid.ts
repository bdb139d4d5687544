/**
 * The engine's grid over what the add-in loaded from Excel: rectangles of values, number formats and value types,
 * the merged areas and the hidden rows. Pure data: no Office call here, so it is tested without a host.
 */
import type { CellRange, CellValue, SheetGrid, WorkbookGrid } from '../core';

/** One rectangle read from a sheet, as Excel returns it (values, numberFormat, valueTypes are row-major 2D). */
export interface LoadedBlock {
  readonly top: number;
  readonly left: number;
  readonly values: readonly (readonly unknown[])[];
  readonly numberFormat: readonly (readonly unknown[])[];
  readonly valueTypes: readonly (readonly string[])[];
}

export interface LoadedSheet {
  readonly name: string;
  readonly blocks: readonly LoadedBlock[];
  readonly merges: readonly CellRange[];
  readonly hiddenRows: ReadonlySet<number>;
  /** Last used row and column (0 for an empty sheet). */
  readonly rowCount: number;
  readonly columnCount: number;
}

const EMPTY: CellValue = { kind: 'empty' };

/** Excel's value and value type → the engine's cell. */
export function cellFromExcel(value: unknown, valueType: string | undefined, numberFormat: unknown): CellValue {
  switch (valueType) {
    case 'Empty':
      return EMPTY;
    case 'Error':
      return { kind: 'error', code: String(value) };
    case 'Boolean':
      return { kind: 'boolean', value: Boolean(value) };
    case 'Double':
    case 'Integer': {
      const n = Number(value);
      const fmt = typeof numberFormat === 'string' && numberFormat !== 'General' ? numberFormat : undefined;
      // One shape for every number cell, with or without a format (as the ExcelJS grid gives them).
      return { kind: 'number', value: n, numFmt: fmt };
    }
    default: {
      if (value === null || value === undefined || value === '') return EMPTY;
      if (typeof value === 'number') return { kind: 'number', value, numFmt: undefined };
      if (typeof value === 'boolean') return { kind: 'boolean', value };
      return { kind: 'text', text: String(value) };
    }
  }
}

export function snapshotSheet(s: LoadedSheet): SheetGrid {
  // Merged areas by row, so that a lookup costs the few areas of one row (tables have one per indicator name).
  const byRow = new Map<number, CellRange[]>();
  for (const m of s.merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const list = byRow.get(r);
      if (list) list.push(m);
      else byRow.set(r, [m]);
    }
  }
  const area = (row: number, col: number): CellRange | null => byRow.get(row)?.find((m) => col >= m.left && col <= m.right) ?? null;
  const raw = (row: number, col: number): CellValue => {
    for (const b of s.blocks) {
      const r = row - b.top;
      const c = col - b.left;
      const line = b.values[r];
      if (r >= 0 && c >= 0 && line !== undefined && c < line.length) {
        return cellFromExcel(line[c], b.valueTypes[r]?.[c], b.numberFormat[r]?.[c]);
      }
    }
    return EMPTY;
  };
  return {
    name: s.name,
    rowCount: s.rowCount,
    columnCount: s.columnCount,
    // Excel gives a merged area's value in its top-left cell only; the engine reads the whole area as that cell.
    cell(row, col) {
      const m = area(row, col);
      return m ? raw(m.top, m.left) : raw(row, col);
    },
    isRowHidden: (row) => s.hiddenRows.has(row),
    mergedArea: area,
  };
}

export function snapshotWorkbook(sheets: readonly LoadedSheet[]): WorkbookGrid {
  const grids = sheets.map(snapshotSheet);
  return { sheets: grids, sheet: (name) => grids.find((g) => g.name === name) };
}
