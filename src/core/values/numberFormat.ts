/**
 * What an Excel number format says about the number it shows: a unit written as literal text (#,##0"件"),
 * a percent format (0.0% shows 0.594 as 59.4%), a thousands scale (#,##0, shows 51835000 as 51,835), a
 * qualifier (0"件以上"), or that the number is a date. Sign decorations such as "▲ " are not units.
 */
import { tokenize } from 'numfmt';
import type { Qualifier } from './types';
import { foldWidth, matchUnitAt } from './units';

export interface NumberFormatMeaning {
  /** The unit the format writes beside the number, normalized, or null. */
  readonly unit: string | null;
  /** The format multiplies by 100 to show a percentage: the stored value is a fraction. */
  readonly percent: boolean;
  /** Powers of 1000 the format divides by before showing the number ('#,##0,' → 1). */
  readonly thousandsScale: number;
  readonly qualifier: Qualifier | null;
  /** The format shows a date or a time, not a quantity. */
  readonly isDate: boolean;
}

/** Every meaning made here, one shape (code that reads them sees one kind of object). */
function meaning(unit: string | null, percent: boolean, thousandsScale: number, qualifier: Qualifier | null, isDate: boolean): NumberFormatMeaning {
  return Object.freeze({ unit, percent, thousandsScale, qualifier, isDate });
}

const NO_MEANING: NumberFormatMeaning = meaning(null, false, 0, null, false);

/**
 * Tokenizing is costly and a workbook uses few formats: remember each format's sections, each section's meaning
 * already completed by the first section's (a negative section often drops the unit: '#,##0"件";"▲ "#,##0').
 */
const sectionCache = new Map<string, readonly NumberFormatMeaning[]>();
const MAX_CACHED_FORMATS = 1000;

/** The meaning of the format section that Excel uses to show `value` (positive; negative; zero). */
export function readNumberFormat(numFmt: string | null | undefined, value: number): NumberFormatMeaning {
  if (!numFmt) return NO_MEANING;
  const sections = sectionsOf(numFmt);
  return sections[sectionIndexFor(value, sections.length)] ?? sections[0] ?? NO_MEANING;
}

/** The unit a number format writes, e.g. '#,##0"件"' → '件'; '#,##0;"▲ "#,##0' → null; '0.0%' → '%'. */
export function unitFromNumberFormat(numFmt: string | null | undefined): string | null {
  return readNumberFormat(numFmt, 1).unit;
}

/** value × 10^exponent computed on the decimal digits, so 0.594 → 59.4 exactly (not 59.39999999999999). */
export function scaleByPowerOfTen(value: number, exponent: number): number {
  if (exponent === 0 || value === 0 || !Number.isFinite(value)) return value;
  const written = String(value);
  const e = written.indexOf('e');
  if (e < 0) return Number(`${written}e${exponent}`);
  return Number(`${written.slice(0, e)}e${Number(written.slice(e + 1)) + exponent}`);
}

/** Excel's rule: 1 section for all; 2 → [≥0, <0]; 3 or 4 → [>0, <0, =0] (the 4th is for text). */
function sectionIndexFor(value: number, count: number): number {
  if (count <= 1 || value > 0) return 0;
  if (value < 0) return 1;
  return count >= 3 ? 2 : 0;
}

function sectionsOf(numFmt: string): readonly NumberFormatMeaning[] {
  const cached = sectionCache.get(numFmt);
  if (cached) return cached;
  const analysed = analyse(numFmt);
  const first = analysed[0] ?? NO_MEANING;
  // The unit and qualifier of the positive section still hold where another section leaves them out.
  const sections = analysed.map((section) =>
    section === first || (section.unit !== null && section.qualifier !== null)
      ? section
      : meaning(section.unit ?? first.unit, section.percent, section.thousandsScale, section.qualifier ?? first.qualifier, section.isDate),
  );
  if (sectionCache.size >= MAX_CACHED_FORMATS) sectionCache.clear();
  sectionCache.set(numFmt, sections);
  return sections;
}

interface FormatToken {
  readonly type: string;
  readonly value: unknown;
  readonly raw: string;
}

function analyse(numFmt: string): readonly NumberFormatMeaning[] {
  let tokens: readonly FormatToken[];
  try {
    tokens = tokenize(numFmt);
  } catch {
    return [NO_MEANING]; // a format numfmt cannot read tells us nothing (called once per format, then cached)
  }
  const sections: NumberFormatMeaning[] = [];
  let current: FormatToken[] = [];
  for (const t of tokens) {
    if (t.type === 'break') {
      sections.push(meaningOf(current));
      current = [];
    } else {
      current.push(t);
    }
  }
  sections.push(meaningOf(current));
  return sections;
}

const LITERAL_TOKENS = new Set(['string', 'escaped', 'char', 'space', 'paren', 'minus', 'plus']);
const DIGIT_TOKENS = new Set(['zero', 'hash', 'digit', 'qmark']);
/** Characters that decorate a sign or a negative number rather than name a unit. */
const SIGN_DECORATIONS = new Set(['▲', '△', '▼', '▽', '-', '+', '(', ')', ' ']);

function meaningOf(tokens: readonly FormatToken[]): NumberFormatMeaning {
  let literal = '';
  let percent = false;
  let thousandsScale = 0;
  let hasDigits = false;
  let hasDateParts = false;
  for (const t of tokens) {
    if (t.type === 'error') return NO_MEANING;
    if (LITERAL_TOKENS.has(t.type) && typeof t.value === 'string') literal += t.value;
    else if (t.type === 'percent') percent = true;
    else if (t.type === 'scale') thousandsScale += countCommas(t.raw);
    else if (DIGIT_TOKENS.has(t.type)) hasDigits = true;
    else if (t.type === 'datetime' || t.type === 'duration' || t.type === 'ampm') hasDateParts = true;
  }
  const { unit, qualifier } = unitInLiteral(literal);
  return meaning(percent ? '%' : unit, percent, thousandsScale, qualifier, hasDateParts && !hasDigits);
}

function countCommas(raw: string): number {
  let n = 0;
  for (const ch of raw) if (ch === ',') n++;
  return n;
}

/** The literal text of a section, sign decorations removed, read as '<unit>[以上|以下]'. */
function unitInLiteral(literal: string): { unit: string | null; qualifier: Qualifier | null } {
  let rest = '';
  for (const ch of foldWidth(literal)) if (!SIGN_DECORATIONS.has(ch)) rest += ch;
  if (rest === '') return { unit: null, qualifier: null };
  const m = matchUnitAt(rest, 0);
  const afterUnit = m ? rest.slice(m.length) : rest;
  const qualifier = afterUnit === '以上' ? 'atLeast' : afterUnit === '以下' ? 'atMost' : null;
  if (afterUnit !== '' && qualifier === null) return { unit: null, qualifier: null }; // other words: not a unit
  return { unit: m ? m.unit : null, qualifier };
}
