/**
 * Conversions between Excel's custom-function values and the core's formula values: Excel passes a range (or a
 * single cell, for a parameter declared any[][]) as rows of numbers, strings and booleans, a blank as '' or null,
 * and an error as an object with an Excel code; it takes back values, or CustomFunctions.Error objects.
 */
import type { FormulaArg, FormulaCell, FormulaError, FormulaErrorCode, FormulaResult, FormulaValue } from '../core/functions';
import { isFormulaError } from '../core/functions';
import type { Lang } from '../core/i18n';

/** The part of Excel's custom functions runtime (CustomFunctionsRuntime 1.1–1.3) that the adapter uses. */
export interface CustomFunctionsRuntime {
  associate(id: string, f: (...args: never[]) => unknown): void;
  /** CustomFunctionsRuntime 1.2: an error value with a message (shown for #VALUE! and #N/A). */
  readonly Error?: new (code: string, message?: string) => object;
  readonly ErrorCode?: Readonly<Record<string, string>>;
}

/** Our error codes → the names in CustomFunctions.ErrorCode (divisionByZero and invalidNumber: runtime 1.3). */
const ERROR_CODE_NAMES: Readonly<Record<FormulaErrorCode, string>> = {
  value: 'invalidValue',
  na: 'notAvailable',
  num: 'invalidNumber',
  div0: 'divisionByZero',
};

/** Excel's error texts → ours, for error values received as input. */
const FROM_EXCEL: Readonly<Record<string, FormulaErrorCode>> = { '#N/A': 'na', '#NUM!': 'num', '#DIV/0!': 'div0' };

export function cellFromExcel(v: unknown): FormulaCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && typeof (v as { code?: unknown }).code === 'string') {
    const code = (v as { code: string }).code;
    const message = (v as { message?: unknown }).message;
    return { error: FROM_EXCEL[code] ?? 'value', message: typeof message === 'string' && message !== '' ? message : code };
  }
  return String(v);
}

/** A parameter declared any[][]: rows of cells; an omitted optional parameter stays a single blank. */
export function argFromExcel(v: unknown): FormulaArg {
  if (!Array.isArray(v)) return cellFromExcel(v);
  return v.map((row: unknown) => (Array.isArray(row) ? row.map(cellFromExcel) : [cellFromExcel(row)]));
}

/** The error object Excel shows; without CustomFunctions.Error (runtime 1.1) a thrown Error, which Excel shows as #VALUE!. */
export function errorToExcel(e: FormulaError, runtime: CustomFunctionsRuntime): object {
  const codes = runtime.ErrorCode;
  if (runtime.Error === undefined || codes === undefined) return new Error(e.message);
  // #DIV/0! and #NUM! came with runtime 1.3; before it they are #VALUE! (with the message, which says why).
  const code = codes[ERROR_CODE_NAMES[e.error]] ?? codes.invalidValue ?? '#VALUE!';
  return new runtime.Error(code, e.message);
}

function valueToExcel(v: FormulaValue, runtime: CustomFunctionsRuntime): unknown {
  return isFormulaError(v) ? errorToExcel(v, runtime) : v;
}

/**
 * A result as Excel takes it from a function declared to return any[][]: rows of values, errors in place. A result
 * of one cell that is an error is thrown, which every runtime shows with its message.
 */
export function resultToExcel(r: FormulaResult, runtime: CustomFunctionsRuntime): unknown[][] {
  if (!Array.isArray(r)) {
    if (isFormulaError(r)) throw errorToExcel(r, runtime);
    return [[r]];
  }
  if (r.length === 1 && r[0]!.length === 1 && isFormulaError(r[0]![0])) throw errorToExcel(r[0]![0] as FormulaError, runtime);
  return r.map((row) => row.map((v) => valueToExcel(v, runtime)));
}

/** Japanese unless Excel's display language is another one ('en-US', 'fr-FR' → English). */
export function langOfDisplay(displayLanguage: string | undefined | null): Lang {
  if (!displayLanguage) return 'ja';
  return displayLanguage.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
