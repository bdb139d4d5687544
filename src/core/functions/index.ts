/**
 * The TASSEI.* formula functions over single cells and ranges: a range argument gives a range result, broadcast
 * as Excel does (src/core/functions/arrays.ts). Adapters: Excel's custom functions (src/functions/functions.ts)
 * and the demo's HyperFormula plugin (src/demo/hyperformulaTassei.ts).
 */
import type { Lang } from '../i18n';
import { broadcast } from './arrays';
import { fail } from './read';
import { changeOf, fyOf, ratioOf, statusOf, unitOf, valueOf } from './scalar';
import type { FormulaArg, FormulaResult } from './types';

export * from './types';
export { ratioOf, statusOf, valueOf, unitOf, fyOf, changeOf } from './scalar';

export interface FormulaOptions {
  /** The language of status words and messages; Japanese by default. */
  readonly lang?: Lang;
}

const langOf = (o?: FormulaOptions): Lang => o?.lang ?? 'ja';
const outsideOf = (lang: Lang) => () => fail('na', lang, 'outside');

/** =TASSEI.RATIO(actual, target, [baseline], [method]) */
export function ratioFormula(actual: FormulaArg, target: FormulaArg, baseline?: FormulaArg, method?: FormulaArg, o?: FormulaOptions): FormulaResult {
  const lang = langOf(o);
  return broadcast([actual, target, baseline, method], (c) => ratioOf(c[0], c[1], c[2], c[3], lang), outsideOf(lang));
}

/** =TASSEI.STATUS(actual, target, [method], [qualifier], [baseline]) */
export function statusFormula(actual: FormulaArg, target: FormulaArg, method?: FormulaArg, qualifier?: FormulaArg, baseline?: FormulaArg, o?: FormulaOptions): FormulaResult {
  const lang = langOf(o);
  return broadcast([actual, target, method, qualifier, baseline], (c) => statusOf(c[0], c[1], c[2], c[3], c[4], lang), outsideOf(lang));
}

/** =TASSEI.VALUE(text) */
export function valueFormula(text: FormulaArg, o?: FormulaOptions): FormulaResult {
  const lang = langOf(o);
  return broadcast([text], (c) => valueOf(c[0], lang), outsideOf(lang));
}

/** =TASSEI.UNIT(text) */
export function unitFormula(text: FormulaArg, o?: FormulaOptions): FormulaResult {
  const lang = langOf(o);
  return broadcast([text], (c) => unitOf(c[0], lang), outsideOf(lang));
}

/** =TASSEI.FY(text, [era]) */
export function fyFormula(text: FormulaArg, era?: FormulaArg, o?: FormulaOptions): FormulaResult {
  const lang = langOf(o);
  return broadcast([text, era], (c) => fyOf(c[0], c[1], lang), outsideOf(lang));
}

/** =TASSEI.CHANGE(current, [previous]) */
export function changeFormula(current: FormulaArg, previous?: FormulaArg, o?: FormulaOptions): FormulaResult {
  const lang = langOf(o);
  return broadcast([current, previous], (c) => changeOf(c[0], c[1], lang), outsideOf(lang));
}

/** The functions by their name after TASSEI., with their parameters (the optional ones last): for adapters and tests. */
export const FORMULA_FUNCTIONS = {
  RATIO: { params: ['actual', 'target', 'baseline', 'method'], required: 2, run: (a: readonly FormulaArg[], o?: FormulaOptions) => ratioFormula(a[0], a[1], a[2], a[3], o) },
  STATUS: { params: ['actual', 'target', 'method', 'qualifier', 'baseline'], required: 2, run: (a: readonly FormulaArg[], o?: FormulaOptions) => statusFormula(a[0], a[1], a[2], a[3], a[4], o) },
  VALUE: { params: ['text'], required: 1, run: (a: readonly FormulaArg[], o?: FormulaOptions) => valueFormula(a[0], o) },
  UNIT: { params: ['text'], required: 1, run: (a: readonly FormulaArg[], o?: FormulaOptions) => unitFormula(a[0], o) },
  FY: { params: ['text', 'era'], required: 1, run: (a: readonly FormulaArg[], o?: FormulaOptions) => fyFormula(a[0], a[1], o) },
  CHANGE: { params: ['current', 'previous'], required: 1, run: (a: readonly FormulaArg[], o?: FormulaOptions) => changeFormula(a[0], a[1], o) },
} as const;

export type FormulaFunctionName = keyof typeof FORMULA_FUNCTIONS;
