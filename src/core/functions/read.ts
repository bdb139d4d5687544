/**
 * Reading the arguments of the formula functions with the engine's own readers (parseText, parseFiscalYear), so
 * that a formula reads a cell exactly as a check does. Anything that is not a clean value becomes a typed error
 * with a message: a formula never turns unreadable text into a number.
 */
import { parseText } from '../values/parse';
import { foldAndCollapse } from '../values/units';
import type { Qualifier } from '../values/types';
import { inferEra, type Era } from '../fiscalYear';
import type { RatioMethod } from '../schema/mapping';
import { fillTemplate, type Lang } from '../i18n';
import type { FunctionMessageKey } from './messages';
import { isFormulaError, type FormulaCell, type FormulaError, type FormulaErrorCode } from './types';

/** A value the functions can compute with: the number as written, its unit and its 以上/以下. */
export interface Amount {
  readonly kind: 'amount';
  readonly value: number;
  readonly unit: string | null;
  readonly qualifier: Qualifier | null;
}

/** What a cell holds, as far as the functions care. */
export type Read =
  | Amount
  | { readonly kind: 'blank' }
  | { readonly kind: 'notApplicable'; readonly text: string } // '/', 対象外
  | { readonly kind: 'status'; readonly text: string } // 調査中, 未定, words
  | { readonly kind: 'error'; readonly error: FormulaError };

/** The names of the arguments in messages: the engine's own role labels, or the functions' ones. */
export type Role = 'role.target' | 'role.actual' | 'role.baseline' | 'fn.role.value' | 'fn.role.fy' | 'fn.role.current' | 'fn.role.previous';

/** How much of a cell's text a message quotes. */
const QUOTED_LENGTH = 60;

export function message(lang: Lang, key: FunctionMessageKey, params: Readonly<Record<string, unknown>> = {}): string {
  const text = params.text;
  if (typeof text === 'string' && text.length > QUOTED_LENGTH) params = { ...params, text: `${text.slice(0, QUOTED_LENGTH)}…` };
  return fillTemplate(lang, `fn.${key}`, params);
}

export function fail(code: FormulaErrorCode, lang: Lang, key: FunctionMessageKey, params?: Readonly<Record<string, unknown>>): FormulaError {
  return { error: code, message: message(lang, key, params) };
}

export function roleName(lang: Lang, role: Role): string {
  return fillTemplate(lang, role, {});
}

const BLANK: Read = Object.freeze({ kind: 'blank' });

export function isBlank(cell: FormulaCell): cell is null | undefined | '' {
  return cell === null || cell === undefined || cell === '';
}

/** A cell in a numeric role (a target, an actual, an amount). */
export function readAmount(cell: FormulaCell, role: Role, lang: Lang): Read {
  if (isBlank(cell)) return BLANK;
  switch (typeof cell) {
    case 'number':
      if (!Number.isFinite(cell)) return error(fail('num', lang, 'notFinite', { role: roleName(lang, role) }));
      return { kind: 'amount', value: cell === 0 ? 0 : cell, unit: null, qualifier: null };
    case 'boolean':
      return invalid(lang, role, 'boolean', cell ? 'TRUE' : 'FALSE');
    case 'string':
      return readText(cell, role, lang);
    default:
      return isFormulaError(cell) ? error(cell) : invalid(lang, role, 'unrecognized', String(cell));
  }
}

function readText(text: string, role: Role, lang: Lang): Read {
  const p = parseText(text);
  switch (p.kind) {
    case 'quantity':
      // Two values in one cell ('②2件 ③1件') or a value relative to an unstated base: no single number to give.
      if (p.more.length > 0) return error(fail('value', lang, 'several', { role: roleName(lang, role), text }));
      if (p.relativeTo !== null) return error(fail('value', lang, 'relative', { role: roleName(lang, role), text }));
      return { kind: 'amount', value: p.value, unit: p.unit, qualifier: p.qualifier };
    case 'blank':
      return BLANK;
    case 'notApplicable':
      return { kind: 'notApplicable', text };
    case 'status':
      return { kind: 'status', text };
    case 'invalid':
      return invalid(lang, role, p.reason, p.text);
  }
}

function invalid(lang: Lang, role: Role, reason: string, text: string): Read {
  const detail = fillTemplate(lang, `value.${reason}`, { text });
  return error({ error: 'value', message: message(lang, 'invalid', { role: roleName(lang, role), detail }) });
}

function error(e: FormulaError): Read {
  return { kind: 'error', error: e };
}

/** The #N/A of a cell that holds no value (blank, '/', a status word), or null when it holds one. */
export function notAvailable(r: Read, role: Role, lang: Lang): FormulaError | null {
  switch (r.kind) {
    case 'blank':
      return fail('na', lang, 'blank', { role: roleName(lang, role) });
    case 'notApplicable':
      return fail('na', lang, 'notApplicable', { role: roleName(lang, role), text: r.text });
    case 'status':
      return fail('na', lang, 'status', { role: roleName(lang, role), text: r.text });
    default:
      return null;
  }
}

/**
 * Whether two amounts can be compared: the same unit, or a unit on one side only (a number cell carries none). A
 * percentage against a bare number is refused: 59.4% against 0.6 or against 60 cannot be told apart.
 */
export function unitsClash(a: Amount, aRole: Role, b: Amount, bRole: Role, lang: Lang): FormulaError | null {
  if (a.unit !== null && b.unit !== null) {
    if (a.unit === b.unit) return null;
    return fail('value', lang, 'unitMismatch', { a: roleName(lang, aRole), ua: a.unit, b: roleName(lang, bRole), ub: b.unit });
  }
  if (a.unit === '%' && b.unit === null) return fail('value', lang, 'percentBare', { a: roleName(lang, aRole), b: roleName(lang, bRole) });
  if (b.unit === '%' && a.unit === null) return fail('value', lang, 'percentBare', { a: roleName(lang, bRole), b: roleName(lang, aRole) });
  return null;
}

/** The words of an option argument: a string, folded and trimmed; blank when omitted. */
function optionText(cell: FormulaCell): string | FormulaError | null {
  if (isBlank(cell)) return null;
  if (isFormulaError(cell)) return cell;
  if (typeof cell !== 'string') return String(cell);
  const s = foldAndCollapse(cell);
  return s === '' ? null : s;
}

const METHODS: ReadonlyMap<string, RatioMethod> = new Map([
  ['ratio', 'ratio'],
  ['inverse', 'inverse'],
  ['progress', 'progress'],
]);

/** 'ratio' (the default), 'inverse' or 'progress', in any case. */
export function readMethod(cell: FormulaCell, lang: Lang): RatioMethod | FormulaError {
  const s = optionText(cell);
  if (s === null) return 'ratio';
  if (typeof s !== 'string') return s;
  return METHODS.get(s.toLowerCase()) ?? fail('value', lang, 'method', { text: s });
}

const QUALIFIERS: ReadonlyMap<string, Qualifier> = new Map([
  ['以上', 'atLeast'],
  ['以下', 'atMost'],
  ['atleast', 'atLeast'],
  ['atmost', 'atMost'],
  ['>=', 'atLeast'],
  ['<=', 'atMost'],
]);

/** 以上 / 以下 (also atLeast, atMost, >=, <=); null when omitted: the target's own, if it writes one. */
export function readQualifier(cell: FormulaCell, lang: Lang): Qualifier | null | FormulaError {
  const s = optionText(cell);
  if (s === null || typeof s !== 'string') return s;
  return QUALIFIERS.get(s.toLowerCase()) ?? fail('value', lang, 'qualifier', { text: s });
}

const ERAS: ReadonlyMap<string, Era> = new Map([
  ['令和', 'reiwa'],
  ['r', 'reiwa'],
  ['reiwa', 'reiwa'],
  ['平成', 'heisei'],
  ['h', 'heisei'],
  ['heisei', 'heisei'],
]);

/** An era for era-less years: 令和 / 平成 / R / H, or any text that names one (a title, a header: inferEra). */
export function readEra(cell: FormulaCell, lang: Lang): Era | null | FormulaError {
  const s = optionText(cell);
  if (s === null || typeof s !== 'string') return s;
  return ERAS.get(s.toLowerCase()) ?? inferEra([s]) ?? fail('value', lang, 'era', { text: s });
}
