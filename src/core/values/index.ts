/** The value readers: what a cell, a header or a budget line says, as data. */
export * from './types';
export { parseCell, parseText, MAX_TEXT_LENGTH, STATUS_WORDS, NOT_APPLICABLE_WORDS, type ParseOptions } from './parse';
export { KNOWN_UNITS, MONEY_UNITS, normalizeUnit, unitFromHeader, foldWidth } from './units';
export { readNumberFormat, unitFromNumberFormat, scaleByPowerOfTen, type NumberFormatMeaning } from './numberFormat';
export { parseBudgetLine, type BudgetLine, type BudgetAmount, type BudgetLineContext } from './budgetLine';
