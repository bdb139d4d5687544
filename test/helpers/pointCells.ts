/** Points made by hand in tests, put into a point store: their cells' addresses as the store takes them. */
import { parseAddress } from '../../src/core/grid';
import type { PointCellRefs, PointCells } from '../../src/core/evaluate/points';

const refOf = (address: string | null): { col: number; row: number } => {
  if (address === null) return { col: 0, row: 0 };
  const ref = parseAddress(address);
  if (ref === null) throw new Error(`not a cell address: ${address}`);
  return ref;
};

export function cellRefs(cells: PointCells): PointCellRefs {
  const t = refOf(cells.target);
  const a = refOf(cells.actual);
  const s = refOf(cells.stated);
  return { targetCol: t.col, targetRow: t.row, actualCol: a.col, actualRow: a.row, statedCol: s.col, statedRow: s.row };
}
