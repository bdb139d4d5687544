/** What range-like proxies resolve to, and lookups several object types share. */
import { MAX_COLUMNS, MAX_ROWS, parseA1, parseQualified, type Rect } from '../addresses';
import { officeError } from '../errors';
import { hasContent, isBlankCell, sheetById, sheetByName, type HostSheet, type HostWorkbookModel } from '../model';

export interface RangeTarget {
  readonly sheet: HostSheet;
  readonly rect: Rect;
}

/** The standard sizes of Excel's default style (Calibri/游ゴシック 11). */
export const DEFAULT_FONT_NAME = '游ゴシック';
export const DEFAULT_FONT_SIZE = 11;
export const DEFAULT_FONT_COLOR = '#000000';
/** What Excel answers for the fill color of a cell with no fill. */
export const NO_FILL_COLOR = '#FFFFFF';

/**
 * An address given to Worksheet.getRange: "A1", "A1:B2", "A:A", "3:5", a sheet-qualified address of this sheet,
 * or a workbook name of a range on this sheet. InvalidArgument otherwise.
 */
export function rectOnSheet(model: HostWorkbookModel, sheet: HostSheet, address: string | undefined, location: string): Rect {
  if (address === undefined || address === '') return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };
  if (typeof address !== 'string') throw officeError('InvalidArgument', location);
  const plain = parseA1(address);
  if (plain) return plain;
  const q = parseQualified(address);
  if (q) {
    if (q.sheet !== undefined && q.sheet.toLowerCase() !== sheet.name.toLowerCase()) throw officeError('InvalidArgument', location);
    return q.rect;
  }
  const name = model.names.find((n) => n.name.toLowerCase() === address.trim().toLowerCase());
  if (name?.target.kind === 'range' && name.target.sheetId === sheet.id) return name.target.rect;
  throw officeError('InvalidArgument', location);
}

/** A workbook-level address: "Sheet1!A1" (or a bare address on the active sheet), or a workbook name. */
export function rangeInWorkbook(model: HostWorkbookModel, address: string, location: string): RangeTarget {
  const q = parseQualified(address);
  if (q) {
    const sheet = q.sheet === undefined ? activeSheet(model) : sheetByName(model, q.sheet);
    if (!sheet) throw officeError(q.sheet === undefined ? 'InvalidArgument' : 'ItemNotFound', location);
    return { sheet, rect: q.rect };
  }
  const name = model.names.find((n) => n.name.toLowerCase() === address.trim().toLowerCase());
  if (name?.target.kind === 'range') {
    const sheet = sheetById(model, name.target.sheetId);
    if (sheet) return { sheet, rect: name.target.rect };
  }
  throw officeError('InvalidArgument', location);
}

export function activeSheet(model: HostWorkbookModel): HostSheet | undefined {
  return (model.activeSheetId ? sheetById(model, model.activeSheetId) : undefined) ?? model.sheets.find((s) => s.visibility === 'Visible') ?? model.sheets[0];
}

/** The used range: the smallest rectangle holding every value (valuesOnly) or every value and format. */
export function usedRect(sheet: HostSheet, valuesOnly: boolean): Rect | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [row, line] of sheet.cells) {
    for (const [col, cell] of line) {
      if (valuesOnly ? !hasContent(cell) || cell.value === '' : isBlankCell(cell)) continue;
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      left = Math.min(left, col);
      right = Math.max(right, col);
    }
  }
  if (!valuesOnly) {
    for (const m of sheet.merges) {
      top = Math.min(top, m.top);
      bottom = Math.max(bottom, m.bottom);
      left = Math.min(left, m.left);
      right = Math.max(right, m.right);
    }
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], not blank, no ' at either end. */
export function checkSheetName(model: HostWorkbookModel, name: unknown, location: string, self?: HostSheet): string {
  if (typeof name !== 'string' || name.trim() === '' || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw officeError('InvalidArgument', location);
  }
  // "History" is reserved by Excel.
  if (name.toLowerCase() === 'history') throw officeError('InvalidArgument', location);
  const other = sheetByName(model, name);
  if (other && other !== self) throw officeError('ItemAlreadyExists', location);
  return name;
}

/** A new sheet's default name: Sheet1, Sheet2 … the first free. */
export function nextSheetName(model: HostWorkbookModel): string {
  for (let i = 1; ; i++) if (!sheetByName(model, `Sheet${i}`)) return `Sheet${i}`;
}
