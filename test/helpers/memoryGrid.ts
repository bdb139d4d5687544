/** A workbook grid built in memory from rows of plain values, for engine tests that need odd sheets. */
import { parseRange, type CellRange, type CellValue, type SheetGrid, type WorkbookGrid } from '../../src/core';

export type Plain = string | number | boolean | null | CellValue;

function toCell(v: Plain): CellValue {
  if (v === null || v === '') return { kind: 'empty' };
  if (typeof v === 'string') return { kind: 'text', text: v };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  return v;
}

export interface SheetSpec {
  readonly name: string;
  /** rows[0] is row 1; each row's [0] is column A. */
  readonly rows: readonly (readonly Plain[])[];
  readonly hiddenRows?: readonly number[];
  readonly merges?: readonly string[];
}

export function sheetGrid(spec: SheetSpec): SheetGrid {
  const merges = (spec.merges ?? []).map((m) => parseRange(m)!);
  const area = (row: number, col: number): CellRange | null =>
    merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) ?? null;
  return {
    name: spec.name,
    rowCount: spec.rows.length,
    columnCount: Math.max(0, ...spec.rows.map((r) => r.length)),
    cell(row, col) {
      const m = area(row, col);
      const r = m ? m.top : row;
      const c = m ? m.left : col;
      return toCell(spec.rows[r - 1]?.[c - 1] ?? null);
    },
    isRowHidden: (row) => (spec.hiddenRows ?? []).includes(row),
    mergedArea: area,
  };
}

export function workbook(...sheets: SheetSpec[]): WorkbookGrid {
  const grids = sheets.map(sheetGrid);
  return { sheets: grids, sheet: (name) => grids.find((g) => g.name === name) };
}
