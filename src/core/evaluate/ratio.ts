/**
 * Achievement ratios and status bands. Ratios are computed and rounded half-up in decimal arithmetic, as the
 * prefecture's sheets do by hand (29/30 → 0.97, 47.4/50 → 0.95), never in binary floating point.
 */
import Decimal from 'decimal.js';
import type { Qualifier } from '../values/types';
import type { RatioMethod } from '../schema/mapping';

// A private Decimal class, so that nobody else's configuration of the global one changes our rounding.
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export type Status = 'met' | 'nearly' | 'gap' | 'pending' | 'noTarget';

export interface Thresholds {
  /** A ratio at or above this is achieved (達成). */
  readonly met: number;
  /** A ratio at or above this, below met, is nearly achieved (概ね達成); below it is a gap to review. */
  readonly nearly: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { met: 1, nearly: 0.85 };

/** The exact ratio as a Decimal, or null when it cannot be computed (division by zero, no baseline). */
export function exactRatio(actual: number, target: number, method: RatioMethod, baseline: number | null): Decimal | null {
  const a = new D(actual);
  const t = new D(target);
  switch (method) {
    case 'ratio':
      return t.isZero() ? null : a.div(t);
    case 'inverse':
      return a.isZero() ? null : t.div(a);
    case 'progress': {
      if (baseline === null) return null;
      const b = new D(baseline);
      const span = t.minus(b);
      return span.isZero() ? null : a.minus(b).div(span);
    }
  }
}

export function roundRatio(r: Decimal, places = 2): number {
  return r.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toNumber();
}

// Doubles, so that the products below are worked out in floating point from the first call: they pass the small
// integers' range on large amounts, and code first compiled for small integers would be thrown away then.
const POW10 = Float64Array.of(1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8);

/** Decimals of a number as written in its shortest form (47.4 → 1), or -1 when it has an exponent. */
function decimals(x: number): number {
  if (Number.isInteger(x)) return 0;
  const s = String(x);
  if (s.includes('e')) return -1;
  return s.length - s.indexOf('.') - 1;
}

/**
 * num / den rounded half-up to `places`, for non-negative numbers with few decimals, in exact integer arithmetic:
 * the same result as decimal arithmetic, without its cost on a hot path. Null when the fast path does not apply.
 */
function quotientFast(num: number, den: number, places: number): number | null {
  if (!(num >= 0 && den > 0) || places > 8) return null;
  const k = Math.max(decimals(num), decimals(den));
  if (k < 0 || k > 8) return null;
  const n = Math.round(num * POW10[k]!);
  const d = Math.round(den * POW10[k]!);
  const big = 2 * n * POW10[places]! + d;
  if (!Number.isSafeInteger(big) || !Number.isSafeInteger(2 * d)) return null;
  let q = Math.floor(big / (2 * d));
  if (q * 2 * d > big) q--;
  else if ((q + 1) * 2 * d <= big) q++;
  return q / POW10[places]!;
}

/** The ratio by the method, rounded half-up to `places` (2 for 目標達成状況), or null when it cannot be computed. */
export function ratioAt(actual: number, target: number, method: RatioMethod, baseline: number | null, places = 2): number | null {
  if (method === 'ratio' || method === 'inverse') {
    const ratio = method === 'ratio';
    const den = ratio ? target : actual;
    if (den === 0) return null;
    const fast = quotientFast(ratio ? actual : target, den, places);
    if (fast !== null) return fast;
  }
  const exact = exactRatio(actual, target, method, baseline);
  return exact === null ? null : roundRatio(exact, places);
}

/** Round any number half-up in decimal (for amounts and percentages shown to users). */
export function roundHalfUp(x: number, places: number): number {
  return new D(x).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toNumber();
}

/** Exact difference a − b in decimal (0.3 − 0.1 is 0.2 here); integers, the usual case, need no decimal. */
export function difference(a: number, b: number): number {
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(a - b)) return a - b;
  return new D(a).minus(b).toNumber();
}

/** Exact sum in decimal; integers (amounts in 千円, the usual case) need no decimal while the sum stays exact. */
export function sum(values: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    total += v;
    if (!Number.isSafeInteger(v) || !Number.isSafeInteger(total)) return decimalSum(values);
  }
  return total;
}

function decimalSum(values: readonly number[]): number {
  let s = new D(0);
  for (const v of values) s = s.plus(v);
  return s.toNumber();
}

/** Whether a qualified target (以上 / 以下) is satisfied. */
export function qualifierMet(actual: number, target: number, q: Qualifier): boolean {
  return q === 'atLeast' ? actual >= target : actual <= target;
}

/**
 * The band of a point whose target and actual are both known. The band is read off the ratio as shown
 * (two decimals), as officials read the sheet's 目標達成状況; a 以上/以下 target that is satisfied is met.
 */
export function band(ratio: number | null, actual: number, target: number, qualifier: Qualifier | null, down: boolean, th: Thresholds): Status {
  if (qualifier !== null && qualifierMet(actual, target, qualifier)) return 'met';
  if (ratio === null) {
    // No ratio (a zero target): met when the actual is on the right side of the target.
    return (down ? actual <= target : actual >= target) ? 'met' : 'gap';
  }
  if (ratio >= th.met) return 'met';
  if (ratio >= th.nearly) return 'nearly';
  return 'gap';
}

/** How many decimals a stated ratio is written with (1.231 → 3), at least 2. */
export function statedPlaces(stated: number): number {
  const s = String(stated);
  const dot = s.indexOf('.');
  if (s.includes('e')) return 2;
  return Math.max(2, dot < 0 ? 0 : s.length - dot - 1);
}
