/**
 * The trend of an indicator's targets, for its direction: the first and the last target that read as figures,
 * compared. Shared by the fast reading of regular tables (extent.ts) and the refinement of rows (indicators.ts).
 */
import type { CellValue } from '../grid';
import type { ParseCache } from '../values/parseCache';
import type { Quantity } from '../values/types';

export type Trend = 'rising' | 'falling' | 'flat' | null;

export function compare(a: number | null, b: number | null): Trend {
  if (a === null || b === null) return null;
  return b < a ? 'falling' : b > a ? 'rising' : 'flat';
}

/** A target as a figure (the value labelled `label` in a cell of several), or null (blank, a word, relative). */
export function targetValue(cell: CellValue, label: string | null, cache: ParseCache): number | null {
  if (cell.kind === 'empty') return null;
  if (cell.kind === 'number' && label === null) return cell.value;
  const v = cache.parse(cell, null);
  if (v.kind !== 'quantity' || v.relativeTo !== null) return null;
  if (label === null) return v.value;
  const q: Quantity | undefined = v.label === label ? v : v.more.find((x) => x.label === label);
  return q ? q.value : null;
}

/** The first and the last target that read as figures, compared. */
export function trendOf(cells: readonly CellValue[], label: string | null, cache: ParseCache): Trend {
  let a: number | null = null;
  let i = 0;
  for (; i < cells.length && a === null; i++) a = targetValue(cells[i]!, label, cache);
  let b: number | null = null;
  for (let j = cells.length - 1; j >= i && b === null; j--) b = targetValue(cells[j]!, label, cache);
  return compare(a, b);
}
