/**
 * A small builder of sheets for the detection corpus: values put by address, rows of values, merged areas, hidden
 * rows, numbers with their number format. The result is a SheetGrid that behaves as the ExcelJS adapter does
 * (a cell inside a merged area reads as the area's top-left cell), indexed so that large sheets stay cheap.
 * It imports nothing at run time (bench/detection.js loads it without jest).
 */
import type { CellRange, CellValue, SheetGrid, WorkbookGrid } from '../../src/core/grid';

export type Value = string | number | null | { n: number; fmt: string };

function ref(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`not an address: ${address}`);
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

export class SheetBuilder {
  private readonly cells = new Map<number, Map<number, CellValue>>();
  private readonly merges: CellRange[] = [];
  private readonly hidden = new Set<number>();
  private maxRow = 0;
  private maxCol = 0;

  constructor(readonly name: string) {}

  /** Values from `address` rightwards; null leaves a cell empty. */
  put(address: string, ...values: Value[]): this {
    const { row, col } = ref(address);
    values.forEach((v, i) => this.set(row, col + i, v));
    return this;
  }

  /** Rows of values from `address` downwards. */
  rows(address: string, rows: readonly (readonly Value[])[]): this {
    const { row, col } = ref(address);
    rows.forEach((r, i) => r.forEach((v, j) => this.set(row + i, col + j, v)));
    return this;
  }

  merge(...ranges: string[]): this {
    for (const r of ranges) {
      const [a, b] = r.split(':');
      const s = ref(a!);
      const e = ref(b!);
      this.merges.push({ top: s.row, left: s.col, bottom: e.row, right: e.col });
      this.maxRow = Math.max(this.maxRow, e.row);
      this.maxCol = Math.max(this.maxCol, e.col);
    }
    return this;
  }

  hide(...rows: number[]): this {
    for (const r of rows) this.hidden.add(r);
    return this;
  }

  private set(row: number, col: number, v: Value): void {
    if (v === null || v === '') return;
    const cell: CellValue = typeof v === 'string' ? { kind: 'text', text: v } : typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'number', value: v.n, numFmt: v.fmt };
    let r = this.cells.get(row);
    if (!r) this.cells.set(row, (r = new Map()));
    r.set(col, cell);
    this.maxRow = Math.max(this.maxRow, row);
    this.maxCol = Math.max(this.maxCol, col);
  }

  grid(): SheetGrid {
    const cells = this.cells;
    // Merged areas indexed by row: a lookup looks only at the areas of its row.
    // (a plain loop, no callback: the cost measure reads this grid as a real one would be read, not a test helper)
    const byRow = new Map<number, CellRange[]>();
    for (const m of this.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        const list = byRow.get(r);
        if (list) list.push(m);
        else byRow.set(r, [m]);
      }
    }
    const area = (row: number, col: number): CellRange | null => {
      const list = byRow.get(row);
      if (list === undefined) return null;
      for (const m of list) if (col >= m.left && col <= m.right) return m;
      return null;
    };
    const hidden = new Set(this.hidden);
    return {
      name: this.name,
      rowCount: this.maxRow,
      columnCount: this.maxCol,
      cell(row, col) {
        const m = area(row, col);
        const v = m ? cells.get(m.top)?.get(m.left) : cells.get(row)?.get(col);
        return v ?? { kind: 'empty' };
      },
      isRowHidden: (row) => hidden.has(row),
      mergedArea: area,
    };
  }
}

export function workbookOf(...sheets: SheetGrid[]): WorkbookGrid {
  return { sheets, sheet: (name) => sheets.find((s) => s.name === name) };
}
