/**
 * The shapes the TASSEI.* formula functions take and give, free of any spreadsheet engine: Excel's custom functions
 * (src/functions) and the demo's HyperFormula plugin (src/demo/hyperformulaTassei.ts) convert to and from these.
 */

/** Excel's error values that the functions return: #VALUE!, #N/A, #NUM!, #DIV/0!. */
export type FormulaErrorCode = 'value' | 'na' | 'num' | 'div0';

/** An error result (or an error value received as input, passed on unchanged). */
export interface FormulaError {
  readonly error: FormulaErrorCode;
  /** Why, in the language asked for (Excel shows it for #VALUE! and #N/A). */
  readonly message: string;
}

/** One cell given to a function: a blank arrives as null, undefined or ''. */
export type FormulaCell = number | string | boolean | null | undefined | FormulaError;

/** An argument: one cell, or a range as rows of cells. */
export type FormulaArg = FormulaCell | readonly (readonly FormulaCell[])[];

/** One cell of a result. */
export type FormulaValue = number | string | FormulaError;

/** A result: one value when every argument is a single cell, else rows of values (array in, array out). */
export type FormulaResult = FormulaValue | FormulaValue[][];

export function isFormulaError(x: unknown): x is FormulaError {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && typeof (x as { error?: unknown }).error === 'string';
}
