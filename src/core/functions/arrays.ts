/**
 * Array in, array out, as Excel broadcasts: the result has as many rows and columns as the largest argument; an
 * argument of one row (or one column) repeats along the other rows (columns), and a cell that falls outside a
 * smaller argument is #N/A — as in Excel, where {1;2;3}+{1;2} is {2;4;#N/A}.
 */
import type { FormulaArg, FormulaCell, FormulaError, FormulaResult, FormulaValue } from './types';

type Rows = readonly (readonly FormulaCell[])[];

/** Marks a position past the end of a shorter row. */
const OUTSIDE = Symbol('outside') as unknown as FormulaCell;

function isRows(a: FormulaArg): a is Rows {
  return Array.isArray(a);
}

/**
 * Applies `f` to the cells of `args` at each position of the broadcast result. With no range among the arguments
 * the result is one value. `outside` is the error of a position that some argument does not reach.
 */
export function broadcast(args: readonly FormulaArg[], f: (cells: FormulaCell[]) => FormulaValue, outside: () => FormulaError): FormulaResult {
  let anyRange = false;
  let rows = 1;
  let cols = 1;
  for (const a of args) {
    if (!isRows(a)) continue;
    anyRange = true;
    rows = Math.max(rows, a.length);
    for (const r of a) cols = Math.max(cols, r.length);
  }
  if (!anyRange) return f(args as FormulaCell[]);

  const out: FormulaValue[][] = new Array(rows);
  const cells: FormulaCell[] = new Array(args.length);
  let missing: FormulaError | null = null;
  for (let r = 0; r < rows; r++) {
    const line: FormulaValue[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      let reached = true;
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (!isRows(a)) {
          cells[i] = a;
          continue;
        }
        const row = a.length === 1 ? a[0] : a[r];
        // An argument with no cells at all (an empty array) reaches nowhere.
        const cell = row === undefined ? undefined : row.length === 1 ? row[0] : c < row.length ? row[c] : OUTSIDE;
        if (row === undefined || cell === OUTSIDE) {
          reached = false;
          break;
        }
        cells[i] = cell;
      }
      line[c] = reached ? f(cells) : (missing ??= outside());
    }
    out[r] = line;
  }
  return out;
}
