/**
 * How a cell reads through Range.values / text / formulas / valueTypes, and how a value written to it is taken —
 * the way Excel takes typed input: "=…" (and "+x", "-x", "@x" that are not numbers) becomes a formula, "123" a
 * number, "1,234" a number shown "#,##0", "50%" 0.5 shown "0%", "'abc" the text "abc" — unless the cell's format
 * is text ("@"): then what is written stays text, exactly.
 */
import { format as formatNumber, parseValue } from 'numfmt';
import { formulaResult } from './formulas';
import { cellForWrite, getCell, pruneCell, type HostCell, type HostCellValue, type HostErrorValue, type HostSheet, type HostWorkbookModel } from './model';
import { officeError } from './errors';

export const ERROR_VALUES = ['#DIV/0!', '#N/A', '#NAME?', '#NULL!', '#NUM!', '#REF!', '#VALUE!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!'];

export function isErrorValue(v: unknown): v is HostErrorValue {
  return typeof v === 'object' && v !== null && 'error' in v && typeof (v as { error: unknown }).error === 'string';
}

/** The value a cell holds now: a formula's result, the stored value, or undefined for an empty cell. */
export function currentValue(model: HostWorkbookModel, sheet: HostSheet, row: number, col: number): HostCellValue | undefined {
  const cell = getCell(sheet, row, col);
  if (!cell) return undefined;
  return cell.formula ? formulaResult(model, sheet, row, col) : cell.value;
}

/** Range.values: numbers, strings, booleans; an error as its text ('#DIV/0!'); '' for an empty cell. */
export function valueForApi(v: HostCellValue | undefined): number | string | boolean {
  if (v === undefined) return '';
  return isErrorValue(v) ? v.error : v;
}

export function formulaForApi(sheet: HostSheet, row: number, col: number): number | string | boolean {
  const cell = getCell(sheet, row, col);
  if (cell?.formula) return cell.formula;
  return valueForApi(cell?.value);
}

export type ValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';

export function valueTypeOf(v: HostCellValue | undefined): ValueType {
  if (v === undefined || v === '') return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return isErrorValue(v) ? 'Error' : 'String';
}

export function numberFormatOf(cell: HostCell | undefined): string {
  return cell?.numberFormat ?? 'General';
}

/** Range.text: the value as the cell's number format shows it (column width and "####" are not modeled). */
export function displayText(v: HostCellValue | undefined, numberFormat: string): string {
  if (v === undefined) return '';
  if (isErrorValue(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  try {
    return formatNumber(numberFormat, v);
  } catch {
    return typeof v === 'number' ? String(v) : v;
  }
}

function isTextFormat(numberFormat: string | undefined): boolean {
  return numberFormat === '@';
}

/**
 * Writes one value as Range.values / Range.formulas does. null leaves the cell as it is (Excel's rule for null
 * inside the array); '' clears the content and keeps the format.
 */
export function writeInput(sheet: HostSheet, row: number, col: number, input: unknown, location: string): void {
  if (input === null || input === undefined) return;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw officeError('InvalidArgument', location);
    setContent(sheet, row, col, input);
    return;
  }
  if (typeof input === 'boolean') {
    setContent(sheet, row, col, input);
    return;
  }
  if (typeof input !== 'string') throw officeError('InvalidArgument', location);
  if (input.length > 32767) throw officeError('InvalidArgument', location);
  const cell = getCell(sheet, row, col);
  if (input === '') {
    if (cell) {
      delete cell.value;
      delete cell.formula;
      pruneCell(sheet, row, col);
    }
    return;
  }
  // A text-formatted cell keeps what is written, whatever it looks like.
  if (isTextFormat(cell?.numberFormat)) {
    setContent(sheet, row, col, input);
    return;
  }
  if (input.startsWith("'")) {
    setContent(sheet, row, col, input.slice(1));
    return;
  }
  const first = input[0]!;
  if (first === '=' && input.length > 1) {
    setFormula(sheet, row, col, input);
    return;
  }
  const upper = input.trim().toUpperCase();
  if (ERROR_VALUES.includes(upper)) {
    setContent(sheet, row, col, { error: upper });
    return;
  }
  const parsed = parseValue(input);
  if (parsed && (typeof parsed.v === 'number' || typeof parsed.v === 'boolean')) {
    setContent(sheet, row, col, parsed.v);
    // Excel gives a General cell the format the input was typed in ("1,234" → #,##0, "50%" → 0%).
    const target = cellForWrite(sheet, row, col);
    if (parsed.z && (target.numberFormat === undefined || target.numberFormat === 'General')) target.numberFormat = parsed.z;
    return;
  }
  if ((first === '+' || first === '-' || first === '@') && input.length > 1) {
    setFormula(sheet, row, col, `=${input}`);
    return;
  }
  setContent(sheet, row, col, input);
}

function setContent(sheet: HostSheet, row: number, col: number, value: HostCellValue): void {
  const cell = cellForWrite(sheet, row, col);
  delete cell.formula;
  cell.value = value;
}

function setFormula(sheet: HostSheet, row: number, col: number, formula: string): void {
  const cell = cellForWrite(sheet, row, col);
  cell.formula = formula;
  // A result cached from a file belongs to the old formula.
  delete cell.value;
}
