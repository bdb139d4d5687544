/**
 * An in-memory Excel host: the subset of the Excel JavaScript API (Office.js) the add-in uses, with Excel's
 * behaviour — proxies and load/sync, PropertyNotLoaded, commands applied in order with no rollback, 5 MB payload
 * limits, protection, requirement sets — over a workbook model. Browser-safe (no Node APIs).
 */
export { createExcelHost, type ExcelHost, type ExcelHostOptions, type HostExcelNamespace } from './host';
export { hostModelFromExcelJs } from './fromExcelJs';
export {
  emptyWorkbookModel,
  newSheet,
  sheetByName,
  getCell,
  workbookModel,
  type CellSpec,
  type HostCell,
  type HostCellValue,
  type HostErrorValue,
  type HostFill,
  type HostFont,
  type HostHyperlink,
  type HostName,
  type HostSheet,
  type HostWorkbookModel,
  type SheetSpec,
  type WorkbookSpec,
} from './model';
export { HostOfficeError, ErrorCodes } from './errors';
export { HostStats, type SyncRecord } from './runtime/context';
export { PAYLOAD_LIMIT_BYTES } from './runtime/payload';
export { DEFAULT_REQUIREMENT_SETS } from './runtime/requirements';
export { parseA1, formatA1, qualifiedA1, type Rect } from './addresses';
