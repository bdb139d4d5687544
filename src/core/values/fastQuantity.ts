/**
 * The commonest cell texts in one pass: digits (grouped by commas or not, maybe with decimals), maybe one space,
 * maybe one known unit, and nothing else — '26 件', '5,554 千人', '366社', '59.4%', '100', and the same written in
 * full-width characters ('６，２６５　千人'), read after folding them as the full grammar does. A sheet of 20,000
 * indicators holds tens of thousands of them, and the full grammar (parse.ts) walks each several times.
 *
 * Anything else gives undefined and goes to the full grammar. For what it accepts, the result is the one the full
 * grammar gives (test/values.fast.test.ts holds it to that on generated texts and on every text of the samples).
 */
import { foldWidth, matchUnitAt, normalizeUnit } from './units';
import { quantity } from './parse';
import type { Quantity } from './types';

/** Longer texts are rare and may hold anything: the full grammar reads them. */
const MAX_FAST_LENGTH = 32;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

export function fastQuantity(text: string, headerUnit: string | null): Quantity | undefined {
  const q = scan(text, headerUnit);
  if (q !== undefined || text.length > MAX_FAST_LENGTH) return q;
  // Full-width digits, separators, spaces and units: folded, they may read as above (foldWidth gives the text
  // itself back when nothing folds).
  const folded = foldWidth(text);
  return folded === text ? undefined : scan(folded, headerUnit);
}

function scan(text: string, headerUnit: string | null): Quantity | undefined {
  const n = text.length;
  if (n === 0 || n > MAX_FAST_LENGTH) return undefined;
  let i = 0;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  const leading = i;
  if (leading === 0) return undefined;
  let grouped = false;
  while (text.charCodeAt(i) === 44 /* , */ && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3)) && !isDigit(text.charCodeAt(i + 4))) {
    grouped = true;
    i += 4;
  }
  if (grouped && leading > 3) return undefined;
  if (text.charCodeAt(i) === 46 /* . */ && isDigit(text.charCodeAt(i + 1))) {
    i++;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const end = i;
  let unit: string | null = null;
  if (i < n) {
    if (text.charCodeAt(i) === 32) i++;
    const m = matchUnitAt(text, i);
    if (m === null || i + m.length !== n) return undefined;
    unit = m.unit;
  }
  const written = text.slice(0, end);
  const value = Number(grouped ? written.replaceAll(',', '') : written);
  if (unit === null && headerUnit !== null) unit = normalizeUnit(headerUnit);
  return quantity(value, unit, null);
}
