/**
 * The TASSEI.* functions as a HyperFormula function plugin, so that the demo page (and the benchmark) evaluate
 * =TASSEI.RATIO(C2:C5,B2:B5) in a real formula engine, without Excel. The plugin only converts HyperFormula's values
 * to the core's and back: the computing is src/core/functions, the same code as Excel's custom functions.
 *
 * Every parameter is of type ANY, so that a range reaches the core whole (no per-cell vectorization by the
 * engine) and the core broadcasts it as Excel would; the size of the spilled result is predicted from the sizes
 * of the arguments in the same way. Text stays text: HyperFormula reads '59.4%' typed into a cell as a number,
 * so cells holding sheet text are written with contentOf(), which forces a string.
 *
 * HyperFormula is GPL-3.0 (licenseKey 'gpl-v3').
 */
import {
  ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue,
  type ImplementedFunctions,
} from 'hyperformula';
import type { ProcedureAst } from 'hyperformula/typings/parser';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { InterpreterValue } from 'hyperformula/typings/interpreter/InterpreterValue';
import { FORMULA_FUNCTIONS, isFormulaError, type FormulaArg, type FormulaCell, type FormulaErrorCode, type FormulaFunctionName, type FormulaResult, type FormulaValue } from '../core/functions';
import type { Lang } from '../core/i18n';

export const HYPERFORMULA_LICENSE = 'gpl-v3';
const NAMES = Object.keys(FORMULA_FUNCTIONS) as FormulaFunctionName[];

const TO_CORE: Partial<Record<ErrorType, FormulaErrorCode>> = { [ErrorType.NA]: 'na', [ErrorType.NUM]: 'num', [ErrorType.DIV_BY_ZERO]: 'div0' };
const TO_ENGINE: Readonly<Record<FormulaErrorCode, ErrorType>> = { value: ErrorType.VALUE, na: ErrorType.NA, num: ErrorType.NUM, div0: ErrorType.DIV_BY_ZERO };

function cellFromEngine(v: unknown): FormulaCell {
  if (v === EmptyValue || v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof CellError) return { error: TO_CORE[v.type] ?? 'value', message: v.message || `#${v.type}` };
  // A number with a subtype (a date, a currency, 60% typed as 0.6): its value.
  const val = (v as { val?: unknown }).val;
  return typeof val === 'number' ? val : String(v);
}

function argFromEngine(v: unknown): FormulaArg {
  return v instanceof SimpleRangeValue ? v.data.map((row) => row.map(cellFromEngine)) : cellFromEngine(v);
}

function valueToEngine(v: FormulaValue): number | string | CellError {
  return isFormulaError(v) ? new CellError(TO_ENGINE[v.error], v.message) : v;
}

/** A result of one cell is a scalar for the engine, even when it came from ranges of one cell. */
function resultToEngine(r: FormulaResult): InterpreterValue {
  if (!Array.isArray(r)) return valueToEngine(r);
  if (r.length === 1 && r[0]!.length === 1) return valueToEngine(r[0]![0]!);
  return SimpleRangeValue.onlyValues(r.map((row) => row.map(valueToEngine)));
}

export class TasseiPlugin extends FunctionPlugin {
  /** The language of status words and messages, for every engine of the page. */
  static lang: Lang = 'ja';

  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    NAMES.map((name) => {
      const spec = FORMULA_FUNCTIONS[name];
      return [
        `TASSEI.${name}`,
        {
          method: name.toLowerCase(),
          sizeOfResultArrayMethod: 'resultSize',
          parameters: spec.params.map((_, i) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: i >= spec.required })),
        },
      ];
    }),
  );

  private call(name: FormulaFunctionName, ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    const run = FORMULA_FUNCTIONS[name].run;
    return this.runFunction(ast.args, state, this.metadata(`TASSEI.${name}`), (...args: unknown[]) =>
      resultToEngine(run(args.map(argFromEngine), { lang: TasseiPlugin.lang })),
    );
  }

  ratio(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.call('RATIO', ast, state);
  }
  status(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.call('STATUS', ast, state);
  }
  value(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.call('VALUE', ast, state);
  }
  unit(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.call('UNIT', ast, state);
  }
  fy(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.call('FY', ast, state);
  }
  change(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.call('CHANGE', ast, state);
  }

  /** The size of the result, broadcast as the core does: the largest height and width among the arguments. */
  resultSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    let width = 1;
    let height = 1;
    for (const arg of ast.args) {
      const size = this.arraySizeForAst(arg, state);
      width = Math.max(width, size.width);
      height = Math.max(height, size.height);
    }
    return width === 1 && height === 1 ? ArraySize.scalar() : new ArraySize(width, height);
  }
}

/** The function names, the same in every language of the engine (enGB is its default). */
const translations = { enGB: Object.fromEntries(NAMES.map((n) => [`TASSEI.${n}`, `TASSEI.${n}`])) };

/** Registers the plugin once per page and sets the language of its words and messages. */
export function registerTassei(lang: Lang): void {
  TasseiPlugin.lang = lang;
  if (HyperFormula.getFunctionPlugin('TASSEI.RATIO') !== TasseiPlugin) HyperFormula.registerFunctionPlugin(TasseiPlugin, translations);
}

/**
 * What to write into the engine for a value read from a sheet: numbers as they are, text always as text (an
 * apostrophe forces it: '59.4%' stays the text the sheet has, '=1+1' never becomes a formula), blanks as null.
 */
export function contentOf(v: string | number | boolean | null): string | number | boolean | null {
  if (typeof v !== 'string') return v;
  return v === '' ? null : `'${v}`;
}
