/**
 * Fiscal years as the sheets write them. A fiscal year (年度) runs April to March and is named by the Western year
 * in which it starts: 令和元年度 = 平成31年度 = FY2019.
 *
 * Forms read: 令和元年度, 平成 24 年度, R5年度, H27, (R2), 2018, 2018年度, and era-less ones (２年度, 23年度, (30), 30)
 * that take their era from the context. An era-less number with no context is never guessed: it gives null.
 */
import { foldAndCollapse } from './values/units';

export type Era = 'heisei' | 'reiwa';

export interface FiscalYear {
  /** The Western year in which the fiscal year starts. */
  readonly fy: number;
  /** How the year was written (or, for an era-less number, the era the context gave it). */
  readonly era: Era | 'western';
}

export interface FiscalYearContext {
  /** The era of the document, for era-less numbers such as '２年度' or '(30)'. */
  readonly era?: Era | null;
}

/** 平成 N = 1988 + N, 令和 N = 2018 + N. */
const ERA_OFFSET: Readonly<Record<Era, number>> = { heisei: 1988, reiwa: 2018 };

const ERA_NAMES: ReadonlyArray<readonly [name: string, era: Era, isLetter: boolean]> = [
  ['令和', 'reiwa', false],
  ['平成', 'heisei', false],
  ['R', 'reiwa', true],
  ['H', 'heisei', true],
];

const MIN_WESTERN = 1900;
const MAX_WESTERN = 2199;
const MAX_ERA_YEAR = 99;
/** Headers are short; a year is looked for in the first characters only. */
const MAX_HEADER_SCAN = 200;
/** 年 followed by these is a duration or an ordinal, not a year: 3年間, 2年目, 5年後. */
const NOT_A_YEAR_AFTER = new Set(['間', '目', '後', '前', '分', '生']);

export function parseFiscalYear(input: string | number, ctx?: FiscalYearContext): FiscalYear | null {
  const era = ctx?.era ?? null;
  if (typeof input === 'number') return fromNumber(input, era);
  const s = foldAndCollapse(input.length > MAX_HEADER_SCAN ? input.slice(0, MAX_HEADER_SCAN) : input);
  const whole = wholeNumber(s);
  if (whole !== null) return fromNumber(whole, era);
  let first: FiscalYear | null = null;
  forEachYear(s, era, (y) => {
    first = y;
    return true;
  });
  return first;
}

/**
 * Fiscal years of a header row, left to right. An era written in one header carries forward to the era-less ones
 * after it: '令和元年度', '２年度', '３年度' → 2019, 2020, 2021.
 */
export function parseFiscalYearHeaders(
  values: ReadonlyArray<string | number | null>,
  ctx?: FiscalYearContext,
): Array<FiscalYear | null> {
  let era = ctx?.era ?? null;
  return values.map((v) => {
    if (v === null) return null;
    const y = parseFiscalYear(v, { era });
    if (y !== null && y.era !== 'western') era = y.era;
    return y;
  });
}

/**
 * The era a document is written in, from its title and body text. The name 令和 was announced in April 2019, so a
 * text that writes any 令和 (or R-) year was written in 令和 even if it also cites 平成 years (a baseline
 * '平成30年度実績'); a text with only 平成 years is a 平成 document. null when the texts name no era.
 */
export function inferEra(texts: readonly string[]): Era | null {
  let sawHeisei = false;
  for (const text of texts) {
    const s = foldAndCollapse(text);
    if (s.includes('令和')) return 'reiwa';
    if (s.includes('平成')) sawHeisei = true;
    let sawReiwa = false;
    forEachYear(s, null, (y) => {
      if (y.era === 'reiwa') sawReiwa = true;
      else if (y.era === 'heisei') sawHeisei = true;
      return sawReiwa;
    });
    if (sawReiwa) return 'reiwa';
  }
  return sawHeisei ? 'heisei' : null;
}

function fromNumber(n: number, era: Era | null): FiscalYear | null {
  if (!Number.isInteger(n)) return null;
  if (n >= MIN_WESTERN && n <= MAX_WESTERN) return { fy: n, era: 'western' };
  if (era !== null && n >= 1 && n <= MAX_ERA_YEAR) return { fy: ERA_OFFSET[era] + n, era };
  return null;
}

/** '2018', '(30)', '元' → the number (元 = 1); null unless the whole text is one number, maybe in parentheses. */
function wholeNumber(s: string): number | null {
  let start = 0;
  let end = s.length;
  if (s.charAt(0) === '(' && s.charAt(end - 1) === ')') {
    start = 1;
    end -= 1;
  }
  while (start < end && s.charAt(start) === ' ') start++;
  while (end > start && s.charAt(end - 1) === ' ') end--;
  if (end - start === 1 && s.charAt(start) === '元') return 1;
  if (end - start < 1 || end - start > 4) return null;
  for (let i = start; i < end; i++) if (!isDigit(s.charCodeAt(i))) return null;
  return Number(s.slice(start, end));
}

/**
 * Calls `visit` with each fiscal year written in `s`, left to right, until it returns true. Returns nothing; the
 * caller keeps what it needs. Linear in the length of `s`.
 */
function forEachYear(s: string, era: Era | null, visit: (y: FiscalYear) => boolean): void {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const named = eraNameAt(s, i);
    if (named !== null) {
      const found = eraYearAfter(s, named.end, named.era, named.isLetter);
      if (found !== null) {
        if (visit(found.year)) return;
        i = found.end - 1;
        continue;
      }
    }
    if (isDigit(code) && !isNumberChar(s.charCodeAt(i - 1))) {
      let end = i;
      while (end < s.length && isDigit(s.charCodeAt(end))) end++;
      const y = eraLessYear(s, i, end, era);
      if (y !== null && visit(y)) return;
      i = end - 1;
    } else if (s.charAt(i) === '元' && era !== null && yearMarkAt(s, i + 1) > 0) {
      if (visit({ fy: ERA_OFFSET[era] + 1, era })) return;
    }
  }
}

function eraNameAt(s: string, i: number): { era: Era; end: number; isLetter: boolean } | null {
  for (const [name, era, isLetter] of ERA_NAMES) {
    if (!s.startsWith(name, i)) continue;
    // R and H are years only when they start a word: not the R of 'HR5' or 'ICTR'.
    if (isLetter && isAsciiAlphanumeric(s.charCodeAt(i - 1))) return null;
    return { era, end: i + name.length, isLetter };
  }
  return null;
}

/** After an era name: '元' or one or two digits, then 年/年度, or (for R/H) a word boundary. */
function eraYearAfter(
  s: string,
  at: number,
  era: Era,
  isLetter: boolean,
): { year: FiscalYear; end: number } | null {
  let i = at;
  if (!isLetter) while (s.charAt(i) === ' ') i++;
  let n: number;
  let end: number;
  if (s.charAt(i) === '元') {
    n = 1;
    end = i + 1;
  } else {
    end = i;
    while (end < s.length && isDigit(s.charCodeAt(end))) end++;
    if (end === i || end - i > 2) return null;
    n = Number(s.slice(i, end));
    if (n < 1) return null;
  }
  const mark = yearMarkAt(s, end);
  if (mark < 0) return null;
  if (mark === 0 && isLetter && isAsciiAlphanumeric(s.charCodeAt(end))) return null;
  return { year: { fy: ERA_OFFSET[era] + n, era }, end: end + mark };
}

/** Digits not preceded by an era name: a Western year before 年, or an era-less year before 年 (context needed). */
function eraLessYear(s: string, start: number, end: number, era: Era | null): FiscalYear | null {
  if (yearMarkAt(s, end) <= 0) return null;
  const n = Number(s.slice(start, end));
  if (end - start === 4) return n >= MIN_WESTERN && n <= MAX_WESTERN ? { fy: n, era: 'western' } : null;
  if (end - start <= 2 && era !== null && n >= 1) return { fy: ERA_OFFSET[era] + n, era };
  return null;
}

/**
 * At `at` (after a number): the length of a year mark ('年度', '年', with an optional space before), 0 when there is
 * none, or -1 when 年 follows but reads as a duration (3年間).
 */
function yearMarkAt(s: string, at: number): number {
  let i = at;
  if (s.charAt(i) === ' ') i++;
  if (s.charAt(i) !== '年') return 0;
  if (s.charAt(i + 1) === '度') return i + 2 - at;
  if (NOT_A_YEAR_AFTER.has(s.charAt(i + 1))) return -1;
  return i + 1 - at;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A digit, or a separator inside a number: '1,2018' and '1.2018' are not years. */
function isNumberChar(code: number): boolean {
  return isDigit(code) || code === 44 || code === 46;
}

function isAsciiAlphanumeric(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
