/**
 * The six functions on single cells. Ratios, statuses and differences come from the engine's own code
 * (evaluate/ratio.ts: ratioAt, band, difference), the readers from values/ and fiscalYear.ts, so that a formula
 * and a check can never disagree. Each returns a number, a word, or a typed error — never a guessed number.
 */
import { band, difference, ratioAt, DEFAULT_THRESHOLDS } from '../evaluate/ratio';
import { parseFiscalYear } from '../fiscalYear';
import { parseBudgetLine } from '../values/budgetLine';
import { fillTemplate, type Lang } from '../i18n';
import type { RatioMethod } from '../schema/mapping';
import { fail, isBlank, notAvailable, readAmount, readEra, readMethod, readQualifier, unitsClash, type Amount, type Read, type Role } from './read';
import { isFormulaError, type FormulaCell, type FormulaError, type FormulaValue } from './types';

/** The first error among the reads, in argument order. */
function firstError(...reads: Read[]): FormulaError | null {
  for (const r of reads) if (r.kind === 'error') return r.error;
  return null;
}

/** Actual and target read and checked for a ratio: both amounts with units that agree, or the error to return. */
function pair(actualCell: FormulaCell, targetCell: FormulaCell, lang: Lang): { actual: Amount; target: Amount } | FormulaError {
  const actual = readAmount(actualCell, 'role.actual', lang);
  const target = readAmount(targetCell, 'role.target', lang);
  const err = firstError(actual, target) ?? notAvailable(actual, 'role.actual', lang) ?? notAvailable(target, 'role.target', lang);
  if (err) return err;
  const a = actual as Amount;
  const t = target as Amount;
  return unitsClash(a, 'role.actual', t, 'role.target', lang) ?? { actual: a, target: t };
}

/** The baseline of the progress method (null for the other methods), or the error to return. */
function baselineFor(method: RatioMethod, cell: FormulaCell, target: Amount, lang: Lang): number | null | FormulaError {
  if (method !== 'progress') return null;
  const b = readAmount(cell, 'role.baseline', lang);
  if (b.kind === 'error') return b.error;
  if (b.kind !== 'amount') return fail('value', lang, 'needBaseline');
  return unitsClash(b, 'role.baseline', target, 'role.target', lang) ?? b.value;
}

/** TASSEI.RATIO: the achievement ratio by the method, rounded half-up to 2 decimals. */
export function ratioOf(actualCell: FormulaCell, targetCell: FormulaCell, baselineCell: FormulaCell, methodCell: FormulaCell, lang: Lang): FormulaValue {
  const method = readMethod(methodCell, lang);
  if (isFormulaError(method)) return method;
  const p = pair(actualCell, targetCell, lang);
  if (isFormulaError(p)) return p;
  const baseline = baselineFor(method, baselineCell, p.target, lang);
  if (isFormulaError(baseline)) return baseline;
  const r = ratioAt(p.actual.value, p.target.value, method, baseline);
  if (r !== null) return r;
  if (method === 'progress') return fail('div0', lang, 'noSpan');
  return fail('div0', lang, 'divByZero', { role: fillTemplate(lang, method === 'ratio' ? 'role.target' : 'role.actual', {}) });
}

/**
 * TASSEI.STATUS: 達成 / 概ね達成 / 未達成 as the check bands the point (thresholds 1.00 and 0.85, a satisfied
 * 以上/以下 target is met); 未確定 when the target is there and the actual not yet (blank, 調査中); 目標なし for an
 * actual without a target. A 以上/以下 written in the target counts unless the qualifier argument says otherwise.
 */
export function statusOf(actualCell: FormulaCell, targetCell: FormulaCell, methodCell: FormulaCell, qualifierCell: FormulaCell, baselineCell: FormulaCell, lang: Lang): FormulaValue {
  const method = readMethod(methodCell, lang);
  if (isFormulaError(method)) return method;
  const qualifier = readQualifier(qualifierCell, lang);
  if (isFormulaError(qualifier)) return qualifier;
  const actual = readAmount(actualCell, 'role.actual', lang);
  const target = readAmount(targetCell, 'role.target', lang);
  const err = firstError(actual, target);
  if (err) return err;
  if (actual.kind === 'notApplicable') return notAvailable(actual, 'role.actual', lang)!;
  if (target.kind === 'notApplicable') return notAvailable(target, 'role.target', lang)!;
  if (target.kind !== 'amount') return actual.kind === 'amount' ? statusWord('noTarget', lang) : fail('na', lang, 'nothing');
  if (actual.kind !== 'amount') return statusWord('pending', lang);
  const clash = unitsClash(actual, 'role.actual', target, 'role.target', lang);
  if (clash) return clash;
  const baseline = baselineFor(method, baselineCell, target, lang);
  if (isFormulaError(baseline)) return baseline;
  const ratio = ratioAt(actual.value, target.value, method, baseline);
  return statusWord(band(ratio, actual.value, target.value, qualifier ?? target.qualifier, method === 'inverse', DEFAULT_THRESHOLDS), lang);
}

function statusWord(status: string, lang: Lang): string {
  return fillTemplate(lang, `status.${status}`, {});
}

/** The amount in a cell ('７３，５９７千円' → 73597 in 千円), or why there is none. */
function amountIn(cell: FormulaCell, lang: Lang): Amount | FormulaError {
  const r = readAmount(cell, 'fn.role.value', lang);
  if (r.kind === 'error') return r.error;
  return r.kind === 'amount' ? r : notAvailable(r, 'fn.role.value', lang)!;
}

/** TASSEI.VALUE: the number a cell writes, as written ('59.4%(実績)' → 59.4; the unit is TASSEI.UNIT's). */
export function valueOf(cell: FormulaCell, lang: Lang): FormulaValue {
  const a = amountIn(cell, lang);
  return isFormulaError(a) ? a : a.value;
}

/** TASSEI.UNIT: the unit a cell writes ('７３，５９７千円' → 千円), '' for a number without one. */
export function unitOf(cell: FormulaCell, lang: Lang): FormulaValue {
  const a = amountIn(cell, lang);
  return isFormulaError(a) ? a : (a.unit ?? '');
}

/** TASSEI.FY: the fiscal year (the Western year it starts in) that a header or a cell names. */
export function fyOf(cell: FormulaCell, eraCell: FormulaCell, lang: Lang): FormulaValue {
  const era = readEra(eraCell, lang);
  if (isFormulaError(era)) return era;
  if (isBlank(cell)) return fail('na', lang, 'blank', { role: fillTemplate(lang, 'fn.role.fy', {}) });
  if (isFormulaError(cell)) return cell;
  if (typeof cell === 'boolean') return fail('value', lang, 'notFy', { text: cell ? 'TRUE' : 'FALSE' });
  const y = parseFiscalYear(cell, { era });
  if (y !== null) return y.fy;
  // Say so when only the era is missing: '２年度' or '(30)' with no context.
  const text = String(cell);
  if (era === null && parseFiscalYear(cell, { era: 'reiwa' }) !== null) return fail('value', lang, 'needEra', { text });
  return fail('value', lang, 'notFy', { text });
}

/**
 * TASSEI.CHANGE: 前年度比 = current − previous, in decimal (as the check verifies it); a new project's (no previous
 * amount) is its whole amount. With no previous value, the current cell may be a whole budget line:
 * '予算額：（R2） ５１，８３５千円 → （R3） ７３，５９７千円' → 21762.
 */
export function changeOf(currentCell: FormulaCell, previousCell: FormulaCell, lang: Lang): FormulaValue {
  const current = readAmount(currentCell, 'fn.role.current', lang);
  if (isBlank(previousCell) && current.kind !== 'amount' && typeof currentCell === 'string') {
    const line = parseBudgetLine(currentCell);
    if (line !== null) {
      if (line.current.amount === null) return fail('na', lang, 'blank', { role: fillTemplate(lang, 'fn.role.current', {}) });
      return difference(line.current.amount, line.previous.amount ?? 0);
    }
    if (current.kind === 'error') return fail('value', lang, 'notBudgetLine', { text: currentCell });
  }
  const previous = readAmount(previousCell, 'fn.role.previous', lang);
  const err = firstError(current, previous) ?? notAvailable(current, 'fn.role.current', lang);
  if (err) return err;
  const c = current as Amount;
  // A new project has no previous amount ('—', '- 千円'): its change is its whole amount, as the sheets write it
  // and as the check computes it.
  if (previous.kind === 'blank') return c.value;
  if (previous.kind !== 'amount') return notAvailable(previous, 'fn.role.previous', lang)!;
  return unitsClash(c, 'fn.role.current', previous, 'fn.role.previous', lang) ?? difference(c.value, previous.value);
}

export type { Role };
