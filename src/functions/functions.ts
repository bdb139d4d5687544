/**
 * Excel custom functions, namespace TASSEI (manifest.xml): =TASSEI.RATIO, STATUS, VALUE, UNIT, FY, CHANGE.
 *
 * Each is the core's function (src/core/functions) over Excel's values: ranges in, ranges out (a whole column with
 * one formula), errors as Excel's own (#VALUE! and #N/A with a message saying why), status words and messages in
 * Excel's display language. They run in the shared runtime: taskpane.html loads this script (webpack.config.js).
 *
 * functions.json is generated from the JSDoc below by custom-functions-metadata-plugin (webpack.config.js), whose
 * loader also appends `CustomFunctions.associate("RATIO", ratio)` … for each @customfunction to this module when
 * it is bundled. `CustomFunctions` below is the runtime's object inside Excel, and a stand-in that registers nothing
 * elsewhere (a page opened outside Excel, the tests): the appended calls resolve to this binding.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][] */
import { changeFormula, fyFormula, ratioFormula, statusFormula, unitFormula, valueFormula, type FormulaOptions, type FormulaResult } from '../core/functions';
import { argFromExcel, langOfDisplay, resultToExcel, type CustomFunctionsRuntime } from './excelValues';

const notInExcel: CustomFunctionsRuntime = { associate: () => undefined };

const CustomFunctions: CustomFunctionsRuntime = (globalThis as { CustomFunctions?: CustomFunctionsRuntime }).CustomFunctions ?? notInExcel;

/** The display language, read at each call: Office.context exists once Office is ready. */
function options(): FormulaOptions {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  return { lang: langOfDisplay(office?.context?.displayLanguage) };
}

function toExcel(r: FormulaResult): any[][] {
  return resultToExcel(r, CustomFunctions) as any[][];
}

/**
 * 達成率（実績値÷目標値、小数第2位に四捨五入）。Achievement ratio, rounded half-up to 2 decimals.
 * @customfunction RATIO
 * @param actual 実績値（"50 件" など、範囲可） / actual value(s), e.g. "50 件"
 * @param target 目標値（範囲可） / target value(s)
 * @param baseline 現状値（progress のとき） / baseline, for the progress method
 * @param method "ratio"（既定）, "inverse"（低いほど良い）, "progress" / calculation method
 * @returns 達成率 / achievement ratio
 */
export function ratio(actual: any[][], target: any[][], baseline?: any[][], method?: any[][]): any[][] {
  return toExcel(ratioFormula(argFromExcel(actual), argFromExcel(target), argFromExcel(baseline), argFromExcel(method), options()));
}

/**
 * 達成状況（達成／概ね達成／未達成／未確定）。Achievement status.
 * @customfunction STATUS
 * @param actual 実績値（範囲可） / actual value(s)
 * @param target 目標値（範囲可） / target value(s)
 * @param method "ratio"（既定）, "inverse", "progress" / calculation method
 * @param qualifier "以上" または "以下"（省略時は目標値の記載） / at least or at most (default: as the target writes)
 * @param baseline 現状値（progress のとき） / baseline, for the progress method
 * @returns 達成状況 / status
 */
export function status(actual: any[][], target: any[][], method?: any[][], qualifier?: any[][], baseline?: any[][]): any[][] {
  return toExcel(statusFormula(argFromExcel(actual), argFromExcel(target), argFromExcel(method), argFromExcel(qualifier), argFromExcel(baseline), options()));
}

/**
 * セルに書かれた数値（"７３，５９７千円" → 73597）。The number a cell writes.
 * @customfunction VALUE
 * @param text セル（範囲可） / cell(s)
 * @returns 数値 / the number
 */
export function value(text: any[][]): any[][] {
  return toExcel(valueFormula(argFromExcel(text), options()));
}

/**
 * セルに書かれた単位（"７３，５９７千円" → 千円）。The unit a cell writes.
 * @customfunction UNIT
 * @param text セル（範囲可） / cell(s)
 * @returns 単位（なければ空文字） / the unit, empty if none
 */
export function unit(text: any[][]): any[][] {
  return toExcel(unitFormula(argFromExcel(text), options()));
}

/**
 * 年度（西暦の開始年: "令和6年度" → 2024）。The fiscal year, as the Western year it starts in.
 * @customfunction FY
 * @param text "令和6年度", "(R2)", "平成 24 年度", "H27" など（範囲可） / fiscal year header(s)
 * @param era 元号のない年度の元号（"令和", "平成" または元号を含む文） / era for era-less years
 * @returns 年度 / fiscal year
 */
export function fy(text: any[][], era?: any[][]): any[][] {
  return toExcel(fyFormula(argFromExcel(text), argFromExcel(era), options()));
}

/**
 * 前年度比（当年度 − 前年度）。Change from the previous fiscal year.
 * @customfunction CHANGE
 * @param current 当年度の値、または予算額の行 "（R2） 51,835千円 → （R3） 73,597千円" / current value, or a budget line
 * @param previous 前年度の値 / previous value
 * @returns 前年度比 / change
 */
export function change(current: any[][], previous?: any[][]): any[][] {
  return toExcel(changeFormula(argFromExcel(current), argFromExcel(previous), options()));
}
