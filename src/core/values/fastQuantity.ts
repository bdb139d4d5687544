/**
 * The commonest cell texts in one pass: maybe a sign, digits (grouped by commas or not, maybe with decimals), maybe
 * one space, maybe one known unit, and nothing else — '26 件', '5,554 千人', '366社', '59.4%', '100', '▲ 7,133', and
 * the same written in
 * full-width characters ('６，２６５　千人'), read as the full grammar reads them after folding. A sheet of 20,000
 * indicators holds tens of thousands of them, and the full grammar (parse.ts) walks each several times.
 *
 * The text is read where it is: full-width characters are folded one at a time as they are met, the number is
 * built from its digits (no slice of the text, no folded copy), the unit found by its first character's code.
 *
 * Anything else gives undefined and goes to the full grammar. For what it accepts, the result is the one the full
 * grammar gives (test/values.fast.test.ts holds it to that on generated texts and on every text of the samples).
 */
import { foldCharCode, unitsStartingWith, normalizeUnit } from './units';
import { quantity } from './parse';
import type { Quantity } from './types';

/** Longer texts are rare and may hold anything: the full grammar reads them. */
const MAX_FAST_LENGTH = 32;
/** More digits than this may not be exact in a double built digit by digit: the full grammar reads them. */
const MAX_DIGITS = 15;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** The digit a (width-folded) character code stands for, or -1. */
const digitOf = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : c >= 0xff10 && c <= 0xff19 ? c - 0xff10 : -1);
const isComma = (c: number): boolean => c === 44 || c === 0xff0c;
const isPoint = (c: number): boolean => c === 46 || c === 0xff0e;

export function fastQuantity(text: string, headerUnit: string | null): Quantity | undefined {
  const n = text.length;
  if (n === 0 || n > MAX_FAST_LENGTH) return undefined;
  let i = 0;
  // A sign, as budgets write a fall ('▲ 7,133'), maybe followed by one space.
  const sign = signOf(text.charCodeAt(0));
  if (sign !== 0) {
    i = 1;
    if (i < n && foldCharCode(text.charCodeAt(i)) === 32) i++;
  }
  const start = i;
  let mantissa = 0;
  let d: number;
  for (; i < n && (d = digitOf(text.charCodeAt(i))) >= 0; i++) mantissa = mantissa * 10 + d;
  const leading = i - start;
  if (leading === 0) return undefined;
  let digits = leading;
  // Groups of exactly three digits after a comma, only after at most three leading digits.
  let grouped = false;
  while (i < n && isComma(text.charCodeAt(i)) && groupAt(text, i + 1, n)) {
    grouped = true;
    for (let k = i + 1; k <= i + 3; k++) mantissa = mantissa * 10 + digitOf(text.charCodeAt(k));
    digits += 3;
    i += 4;
  }
  if (grouped && leading > 3) return undefined;
  let decimals = 0;
  if (i + 1 < n && isPoint(text.charCodeAt(i)) && digitOf(text.charCodeAt(i + 1)) >= 0) {
    for (i++; i < n && (d = digitOf(text.charCodeAt(i))) >= 0; i++, decimals++) mantissa = mantissa * 10 + d;
    digits += decimals;
  }
  if (digits > MAX_DIGITS) return undefined;
  let unit: string | null = null;
  if (i < n) {
    if (foldCharCode(text.charCodeAt(i)) === 32) i++;
    unit = unitToEnd(text, i);
    if (unit === null) return undefined;
  }
  // An integer of at most 15 digits divided by a power of ten is the double nearest the decimal written, as
  // Number() reads it: both operands are exact and the division is correctly rounded.
  const magnitude = decimals === 0 ? mantissa : mantissa / POW10[decimals]!;
  const value = sign < 0 ? -magnitude : magnitude;
  if (unit === null && headerUnit !== null) unit = normalizeUnit(headerUnit);
  return quantity(value, unit, null);
}

/** -1 for the signs of a fall (▲ △ and minus signs of any width), 1 for a plus sign, else 0. */
function signOf(c: number): number {
  if (c === 0x25b2 || c === 0x25b3) return -1; // ▲ △
  const f = foldCharCode(c);
  return f === 45 ? -1 : f === 43 ? 1 : 0;
}

/** Three digits at `at`, and no fourth after them. */
function groupAt(text: string, at: number, n: number): boolean {
  if (at + 3 > n) return false;
  if (digitOf(text.charCodeAt(at)) < 0 || digitOf(text.charCodeAt(at + 1)) < 0 || digitOf(text.charCodeAt(at + 2)) < 0) return false;
  return at + 3 === n || digitOf(text.charCodeAt(at + 3)) < 0;
}

/** The normalized unit written from `at` to the end of the text, folded as the full grammar folds it, or null. */
function unitToEnd(text: string, at: number): string | null {
  const n = text.length;
  if (at >= n) return null;
  const candidates = unitsStartingWith(foldCharCode(text.charCodeAt(at)));
  if (candidates === undefined) return null;
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k]!;
    if (c.length !== n - at) continue;
    if (text.endsWith(c.written)) return c.unit; // as written, the usual case; else folded character by character
    let j = 0;
    while (j < c.length && foldCharCode(text.charCodeAt(at + j)) === c.written.charCodeAt(j)) j++;
    if (j === c.length) return c.unit;
  }
  return null;
}
