/**
 * Compile-time proof that the host matches @types/office-js where it claims to: for each covered member, the
 * property has the typings' type, and a method accepts every argument list the typings allow. Nothing here runs;
 * `tsc` fails when a signature drifts. (Methods that take another proxy — getBoundingRect(range), names.add(name,
 * range) — are left out: the typings want Excel.Range there, which the host's Range is only at the boundary.)
 */
import type { HostRangeFill, HostRangeFont, HostRangeFormat } from './objects/format';
import type { HostNamedItem, HostNamedItemCollection } from './objects/names';
import type { HostNote, HostNoteCollection } from './objects/notes';
import type { HostRange } from './objects/range';
import type { HostRangeAreas } from './objects/rangeAreas';
import type { HostSetting, HostSettingCollection } from './objects/settings';
import type { HostWorkbook, HostWorkbookProtection } from './objects/workbook';
import type { HostWorksheet, HostWorksheetCollection, HostWorksheetFreezePanes, HostWorksheetProtection } from './objects/worksheet';
import type { HostExcelNamespace } from './host';

type Check<T extends true> = T;

/** Every listed property reads as the typings' type. */
type PropertiesMatch<Mine, Real, K extends keyof Mine & keyof Real> = [Pick<Mine, K>] extends [Pick<Real, K>] ? true : false;

/** Every listed method accepts what the typings let a caller pass (the last overload, as TypeScript picks it). */
type MethodsAccept<Mine, Real, K extends keyof Mine & keyof Real> = false extends {
  [P in K]: Real[P] extends (...args: infer A) => unknown ? (Mine[P] extends (...args: infer B) => unknown ? (A extends B ? true : false) : false) : false;
}[K]
  ? false
  : true;

export type CoveredRangeProperties =
  | 'address'
  | 'addressLocal'
  | 'cellCount'
  | 'columnCount'
  | 'columnHidden'
  | 'columnIndex'
  | 'formulas'
  | 'formulasLocal'
  | 'hidden'
  | 'hyperlink'
  | 'isEntireColumn'
  | 'isEntireRow'
  | 'numberFormat'
  | 'numberFormatLocal'
  | 'rowCount'
  | 'rowHidden'
  | 'rowIndex'
  | 'text'
  | 'valueTypes'
  | 'values'
  | 'isNullObject';

export type CoveredRangeMethods =
  | 'load'
  | 'set'
  | 'getCell'
  | 'getOffsetRange'
  | 'getResizedRange'
  | 'getAbsoluteResizedRange'
  | 'getRow'
  | 'getColumn'
  | 'getEntireRow'
  | 'getEntireColumn'
  | 'getLastCell'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getRowsAbove'
  | 'getRowsBelow'
  | 'getColumnsBefore'
  | 'getColumnsAfter'
  | 'getUsedRange'
  | 'getUsedRangeOrNullObject'
  | 'getMergedAreasOrNullObject'
  | 'getCellProperties'
  | 'setCellProperties'
  | 'merge'
  | 'unmerge'
  | 'select'
  | 'clear'
  | 'insert'
  | 'delete'
  | 'calculate'
  | 'track'
  | 'untrack';

export type Checks = [
  Check<PropertiesMatch<HostRange, Excel.Range, CoveredRangeProperties>>,
  Check<MethodsAccept<HostRange, Excel.Range, CoveredRangeMethods>>,
  Check<PropertiesMatch<HostRangeFormat, Excel.RangeFormat, 'columnWidth' | 'wrapText' | 'horizontalAlignment'>>,
  Check<MethodsAccept<HostRangeFormat, Excel.RangeFormat, 'autofitColumns' | 'autofitRows' | 'load'>>,
  Check<PropertiesMatch<HostRangeFill, Excel.RangeFill, 'color' | 'pattern' | 'patternColor' | 'tintAndShade'>>,
  Check<MethodsAccept<HostRangeFill, Excel.RangeFill, 'clear' | 'load'>>,
  Check<PropertiesMatch<HostRangeFont, Excel.RangeFont, 'bold' | 'italic' | 'color' | 'name' | 'size'>>,
  Check<PropertiesMatch<HostRangeAreas, Excel.RangeAreas, 'address' | 'addressLocal' | 'areaCount' | 'cellCount' | 'isNullObject'>>,
  Check<PropertiesMatch<HostWorksheet, Excel.Worksheet, 'id' | 'name' | 'position' | 'visibility' | 'standardWidth' | 'isNullObject'>>,
  Check<
    MethodsAccept<
      HostWorksheet,
      Excel.Worksheet,
      'getRange' | 'getRangeByIndexes' | 'getCell' | 'getUsedRange' | 'getUsedRangeOrNullObject' | 'activate' | 'delete' | 'load'
    >
  >,
  Check<MethodsAccept<HostWorksheetCollection, Excel.WorksheetCollection, 'getItem' | 'getItemOrNullObject' | 'add' | 'getActiveWorksheet' | 'getFirst' | 'getLast' | 'getCount' | 'load'>>,
  Check<PropertiesMatch<HostWorksheetProtection, Excel.WorksheetProtection, 'protected'>>,
  Check<MethodsAccept<HostWorksheetProtection, Excel.WorksheetProtection, 'protect' | 'unprotect'>>,
  Check<MethodsAccept<HostWorksheetFreezePanes, Excel.WorksheetFreezePanes, 'freezeRows' | 'freezeColumns' | 'unfreeze'>>,
  Check<PropertiesMatch<HostWorkbook, Excel.Workbook, 'name' | 'readOnly'>>,
  Check<MethodsAccept<HostWorkbook, Excel.Workbook, 'getSelectedRange' | 'getActiveCell' | 'load'>>,
  Check<PropertiesMatch<HostWorkbookProtection, Excel.WorkbookProtection, 'protected'>>,
  Check<MethodsAccept<HostNamedItemCollection, Excel.NamedItemCollection, 'getItem' | 'getItemOrNullObject' | 'getCount' | 'load'>>,
  Check<PropertiesMatch<HostNamedItem, Excel.NamedItem, 'name' | 'type' | 'value' | 'formula' | 'comment' | 'visible' | 'scope'>>,
  Check<MethodsAccept<HostNamedItem, Excel.NamedItem, 'delete' | 'getRange' | 'getRangeOrNullObject'>>,
  Check<MethodsAccept<HostSettingCollection, Excel.SettingCollection, 'add' | 'getItem' | 'getItemOrNullObject' | 'getCount'>>,
  Check<PropertiesMatch<HostSetting, Excel.Setting, 'key' | 'value'>>,
  Check<MethodsAccept<HostSetting, Excel.Setting, 'delete'>>,
  Check<MethodsAccept<HostNoteCollection, Excel.NoteCollection, 'getItem' | 'getItemOrNullObject' | 'getItemAt' | 'getCount'>>,
  Check<PropertiesMatch<HostNote, Excel.Note, 'content' | 'authorName' | 'height' | 'width' | 'visible'>>,
  Check<MethodsAccept<HostNote, Excel.Note, 'delete' | 'getLocation'>>,
  // What the Office.js adapter asks of Excel: a `run` that hands over an Excel.RequestContext.
  Check<[HostExcelNamespace] extends [{ run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> }] ? true : false>,
];
