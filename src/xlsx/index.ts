/** The ExcelJS adapter: opening a submitted .xlsx safely and reading it as the engine's grid. Browser-safe. */
export {
  inspectXlsxBytes,
  listZipEntries,
  resolveLimits,
  DEFAULT_LIMITS,
  type InspectResult,
  type XlsxLimits,
  type ZipEntryInfo,
  type ZipListing,
} from './zipInspect';
export { verifyInflation, OVERRUN_SLACK } from './inflateGuard';
export { openWorkbook, type OpenResult } from './open';
export { workbookGrid, cellValueOf } from './grid';
