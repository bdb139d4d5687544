/** The engine's public surface, for the adapters (command line, add-in) and for tests. */
export * from './grid';
export * from './values';
export { parseFiscalYear, parseFiscalYearHeaders, inferEra } from './fiscalYear';
export * from './schema/mapping';
export * from './check';
export * from './report';
export * from './findings';
export * from './validate/rules';
export * from './summary/model';
export * from './summary/flags';
export * from './summary/styles';
export * from './summary/sheetNames';
export * from './i18n';
export { TOOL } from './version';
export * from './detect';
export * from './consolidate';
export { formatAmount, formatRatio } from './format';
export type { Indicator, Point, PlannedTarget } from './evaluate/indicators';
export { toArray, type PointsView } from './evaluate/points';
export type { Budget } from './evaluate/budgets';
export type { Status, Thresholds } from './evaluate/ratio';
export {
  ratioFormula, statusFormula, valueFormula, unitFormula, fyFormula, changeFormula, FORMULA_FUNCTIONS, isFormulaError,
  type FormulaArg, type FormulaCell, type FormulaError, type FormulaErrorCode, type FormulaResult, type FormulaValue,
  type FormulaOptions, type FormulaFunctionName,
} from './functions';
