/** The ExcelJS adapter: opening a submitted .xlsx safely and reading it as the engine's grid. Browser-safe. */
export { inspectXlsxBytes, resolveLimits, DEFAULT_LIMITS, type InspectResult, type XlsxLimits } from './zipInspect';
export { openWorkbook, type OpenResult } from './open';
export { workbookGrid, cellValueOf } from './grid';
