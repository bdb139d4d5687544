/**
 * Reads a cell in a numeric role: a target, an actual, an amount. Numbers are taken as they are (with the unit their
 * number format writes); text is read with the grammar below after folding full-width characters.
 *
 * Text grammar (after folding, spaces collapsed):
 *
 *   cell      = [relative "+"] item { [" " | "、"] labelled-item }
 *   item      = [label] [prefix [":"] " "] [sign] number [" "] [unit] [qualifier] { [" "] "(" note ")" } [見込]
 *   label     = ① … ⑳ ㉑ … ㊿            prefix = 見込 | 見込み | 目標 | 実績 | 約
 *   An item with no circled label whose prefix is 目標 or 実績 is labelled by that word ('目標 130件' → 目標), so that
 *   a target and an actual written in one cell read as two labelled items: '目標 130件 実績 112件'. Further items
 *   carry the same kind of label as the first, each label once: '20件 30件', '目標 3件 ②2件', '目標 1件 目標 2件'
 *   do not fit.
 *   sign      = ▲ | △ | - | +  (a space may follow: '▲ 7,133')
 *   number    = digits { "," 3 digits } [ "." digits ]
 *   qualifier = 以上 | 以下
 *   note      = a percentage (the stated ratio: 160件(123.1%)), a lone unit (305(人)), or words kept as annotation
 *   relative  = words naming a base: '2018年 3月末実績 +720件'
 *
 * Text that does not fit, in this order of decisions:
 *   - blank markers (—, －, -, ―, ‐, ー, or nothing) → blank; a marker followed only by a unit ('- 千円') too;
 *   - '/' and the words 対象外, 該当なし → notApplicable (the cell is not meant to hold a value, as with '/');
 *   - a known status word (調査中, 未定, 同左, 3月末実績 …), alone or followed by a note → status with that word;
 *   - text with no digit → status text (word null), unless it holds control or replacement characters → invalid;
 *   - a five-digit number followed by words ('33101 国際交流の推進') → invalid 'code';
 *   - prose → status text: every number in it is part of a date or an ordinal (2019年度中に 検討, 次期中期目標
 *     (2019年度), 平成31年度中に決定, 第4次), or it is a sentence (has 、 or 。 and at least 10 kana/kanji);
 *   - anything else with digits (12a34, 1.2.3件, 20件 30件) → invalid 'unrecognized'.
 *
 * The reader is a hand-written scanner: no regular expression runs over cell text, nothing throws, and text longer
 * than MAX_TEXT_LENGTH is refused before it is scanned.
 */
import type { CellValue } from '../grid';
import { parseFiscalYear } from '../fiscalYear';
import type {
  Blank,
  NotApplicable,
  ParsedValue,
  ParseFailure,
  ParseFailureReason,
  Qualifier,
  Quantity,
  StatusText,
} from './types';
import { readNumberFormat, scaleByPowerOfTen } from './numberFormat';
import { foldAndCollapse, isKnownUnit, matchUnitAt, normalizeUnit } from './units';

export interface ParseOptions {
  /** The unit the column or row header names ('事業費(単位:千円)'), used when the cell names none. */
  readonly headerUnit?: string | null;
}

/** Longer text is not a value: refused without being scanned. */
export const MAX_TEXT_LENGTH = 1000;
/** How much of a refused text a failure keeps for the message. */
const SHORTENED_LENGTH = 40;

/** The words that stand for "no value yet" or "see elsewhere". */
export const STATUS_WORDS: ReadonlySet<string> = new Set([
  '調査中', '未確定', '未定', '同左', '同上', '集計中', '算出中', '確定前', '未集計', '未公表', '公表前', '3月末実績',
]);

/** Words that say the cell is not meant to hold a value, like '/'. */
export const NOT_APPLICABLE_WORDS: ReadonlySet<string> = new Set(['/', '対象外', '該当なし']);

const DASH_MARKERS = new Set(['—', '－', '-', '―', '‐', 'ー', '−', '–', '─']);
const PREFIX_WORDS: readonly string[] = ['見込み', '見込', '目標', '実績', '約'];
const ESTIMATE_WORD = '見込';
/** Prefixes that label a value: a target and an actual may share a cell ('目標 130件 実績 112件'). */
const WORD_LABELS: readonly string[] = ['目標', '実績'];
const isWordLabel = (label: string | null): boolean => label !== null && WORD_LABELS.includes(label);
const NO_MORE: readonly Quantity[] = Object.freeze([]);
const EMPTY_BLANK: Blank = Object.freeze({ kind: 'blank', marker: '' });
/** Sentences are status text: they have 、 or 。 and at least this many kana/kanji. */
const MIN_SENTENCE_WORD_CHARS = 10;
const CODE_DIGITS = 5;

export function parseCell(cell: CellValue, options?: ParseOptions): ParsedValue {
  switch (cell.kind) {
    case 'empty':
      return EMPTY_BLANK;
    case 'number':
      return parseNumberCell(cell.value, cell.numFmt, options?.headerUnit ?? null);
    case 'text':
      return withHeaderUnit(parseText(cell.text), options?.headerUnit ?? null);
    case 'boolean':
      return failure('boolean', cell.value ? 'TRUE' : 'FALSE');
    case 'date':
      return failure('date', cell.iso);
    case 'error':
      return failure('error-cell', cell.code);
  }
}

export function parseText(text: string): ParsedValue {
  if (text.length > MAX_TEXT_LENGTH) return failure('too-long', shorten(text));
  const raw = text.trim();
  if (raw === '') return EMPTY_BLANK;
  if (isAllDashes(raw, 0, raw.length)) return blank(raw);
  const s = foldAndCollapse(raw);
  if (NOT_APPLICABLE_WORDS.has(s)) return notApplicable(raw);
  const word = statusWordOf(s);
  if (word !== null) return status(raw, word);
  if (!hasAsciiDigit(s)) {
    const dashed = dashWithUnit(raw, s);
    if (dashed !== null) return dashed;
    return isBroken(s) ? failure('unrecognized', raw) : status(raw, null);
  }
  const q = readQuantities(s, 0, null) ?? readRelative(s);
  if (q !== null) return q;
  if (startsWithCode(s)) return failure('code', raw);
  if (isProse(s)) return status(raw, null);
  return failure('unrecognized', raw);
}

// ---------------------------------------------------------------------------------------------------------------
// Number cells

function parseNumberCell(value: number, numFmt: string | undefined, headerUnit: string | null): ParsedValue {
  if (!Number.isFinite(value)) return failure('unrecognized', String(value));
  const meaning = readNumberFormat(numFmt, value);
  if (meaning.isDate) return failure('date', String(value));
  let shown = value;
  // Read the number as the format shows it: 0.594 under 0.0% is 59.4 (%), 51835000 under #,##0, is 51,835.
  const exponent = (meaning.percent ? 2 : 0) - 3 * meaning.thousandsScale;
  if (exponent !== 0) shown = scaleByPowerOfTen(value, exponent);
  const unit = meaning.unit ?? (headerUnit === null ? null : normalizeUnit(headerUnit));
  return quantity(shown, unit, meaning.qualifier);
}

function withHeaderUnit(parsed: ParsedValue, headerUnit: string | null): ParsedValue {
  if (headerUnit === null || parsed.kind !== 'quantity') return parsed;
  if (parsed.unit !== null && parsed.more.every((q) => q.unit !== null)) return parsed;
  const unit = normalizeUnit(headerUnit);
  const fill = (q: Quantity): Quantity => (q.unit === null ? { ...q, unit } : q);
  return { ...fill(parsed), more: parsed.more.length === 0 ? NO_MORE : parsed.more.map(fill) };
}

// ---------------------------------------------------------------------------------------------------------------
// The grammar

interface Draft {
  value: number;
  unit: string | null;
  qualifier: Qualifier | null;
  statedRatio: number | null;
  annotation: string | null;
  annotationFy: number | null;
  label: string | null;
  estimate: boolean;
}

/** One or more items from `start` to the end of `s`, or null when the text does not fit the grammar. */
function readQuantities(s: string, start: number, relativeTo: string | null): Quantity | null {
  const first = readItem(s, start, false);
  if (first === null) return null;
  let i = first.end;
  let more: Quantity[] | null = null;
  while (i < s.length) {
    const sep = s.charAt(i);
    if (sep === ' ' || sep === '、') {
      i++;
      if (s.charAt(i) === ' ') i++;
    }
    const next = readItem(s, i, true); // further values must be labelled: '②2件 ③1件', never '20件 30件'
    if (next === null) return null;
    // Words label with words only, each once: '目標 130件 実績 112件'.
    if (isWordLabel(next.draft.label) !== isWordLabel(first.draft.label)) return null;
    if (isWordLabel(next.draft.label) && (next.draft.label === first.draft.label || more?.some((q) => q.label === next.draft.label))) return null;
    (more ??= []).push(toQuantity(next.draft, null, NO_MORE));
    i = next.end;
  }
  return toQuantity(first.draft, relativeTo, more ?? NO_MORE);
}

/** '2018年 3月末実績 +720件': words naming a base, then a signed value relative to it. */
function readRelative(s: string): Quantity | null {
  const plus = s.indexOf('+');
  if (plus <= 0) return null;
  const base = s.slice(0, plus).trim();
  if (!hasWordChar(base)) return null;
  return readQuantities(s, plus, base);
}

function readItem(s: string, start: number, requireLabel: boolean): { draft: Draft; end: number } | null {
  let i = start;
  let label: string | null = null;
  if (isCircledNumber(s.charCodeAt(i))) {
    label = s.charAt(i);
    i = skipSpace(s, i + 1);
  } else if (requireLabel && !WORD_LABELS.some((w) => s.startsWith(w, i))) {
    return null;
  }

  let annotation: string | null = null;
  let estimate = false;
  for (const w of PREFIX_WORDS) {
    if (s.startsWith(w, i)) {
      annotation = w;
      if (label === null && WORD_LABELS.includes(w)) label = w;
      estimate = w.startsWith(ESTIMATE_WORD);
      i = skipSpace(s, i + w.length);
      if (s.charAt(i) === ':') i = skipSpace(s, i + 1);
      break;
    }
  }

  let negative = false;
  const signChar = s.charAt(i);
  if (signChar === '▲' || signChar === '△' || signChar === '-') {
    negative = true;
    i = skipSpace(s, i + 1);
  } else if (signChar === '+') {
    i = skipSpace(s, i + 1);
  }

  const num = readNumber(s, i);
  if (num === null) return null;
  i = num.end;
  const magnitude = Number(num.digits);
  if (!Number.isFinite(magnitude)) return null;
  const draft: Draft = {
    value: negative && magnitude !== 0 ? -magnitude : magnitude,
    unit: null,
    qualifier: null,
    statedRatio: null,
    annotation,
    annotationFy: null,
    label,
    estimate,
  };

  const unit = matchUnitAt(s, skipSpace(s, i));
  if (unit !== null) {
    draft.unit = unit.unit;
    i = skipSpace(s, i) + unit.length;
  }
  const q = skipSpace(s, i);
  if (s.startsWith('以上', q)) {
    draft.qualifier = 'atLeast';
    i = q + 2;
  } else if (s.startsWith('以下', q)) {
    draft.qualifier = 'atMost';
    i = q + 2;
  }

  for (let open = skipSpace(s, i); s.charAt(open) === '('; open = skipSpace(s, i)) {
    const close = s.indexOf(')', open + 1);
    if (close < 0) return null;
    readNote(s.slice(open + 1, close).trim(), draft);
    i = close + 1;
  }
  const suffix = skipSpace(s, i);
  if (s.startsWith(ESTIMATE_WORD, suffix)) {
    draft.estimate = true;
    draft.annotation = joinAnnotation(draft.annotation, ESTIMATE_WORD);
    i = suffix + ESTIMATE_WORD.length + (s.startsWith('み', suffix + ESTIMATE_WORD.length) ? 1 : 0);
  }
  // The item ends at the end of the text or before a separator / the next label.
  const after = s.charAt(i);
  if (i < s.length && after !== ' ' && after !== '、' && !isCircledNumber(s.charCodeAt(i))) return null;
  return { draft, end: i };
}

/** A parenthesized note after a value: a stated ratio, a unit, or words (with perhaps a fiscal year). */
function readNote(note: string, draft: Draft): void {
  const ratio = percentageIn(note);
  if (ratio !== null && draft.statedRatio === null) {
    draft.statedRatio = ratio;
    return;
  }
  if (draft.unit === null && isKnownUnit(note)) {
    draft.unit = matchUnitAt(note, 0)!.unit;
    return;
  }
  draft.annotation = joinAnnotation(draft.annotation, `(${note})`);
  if (draft.annotationFy === null) draft.annotationFy = parseFiscalYear(note)?.fy ?? null;
  if (note.includes(ESTIMATE_WORD)) draft.estimate = true;
}

/** '123.1%' → 1.231 (as a fraction), else null. */
function percentageIn(note: string): number | null {
  const num = readNumber(note, 0);
  if (num === null) return null;
  const rest = skipSpace(note, num.end);
  if (note.charAt(rest) !== '%' || rest + 1 !== note.length) return null;
  return scaleByPowerOfTen(Number(num.digits), -2);
}

/**
 * Digits with optional thousands separators and decimals at `at`: '74,990' → '74990'. null when there is no
 * number or it is malformed ('1.2.3', '12,34').
 */
function readNumber(s: string, at: number): { digits: string; end: number } | null {
  let i = at;
  while (isDigit(s.charCodeAt(i))) i++;
  const leading = i - at;
  if (leading === 0) return null;
  let grouped = false;
  while (
    s.charAt(i) === ',' &&
    isDigit(s.charCodeAt(i + 1)) &&
    isDigit(s.charCodeAt(i + 2)) &&
    isDigit(s.charCodeAt(i + 3)) &&
    !isDigit(s.charCodeAt(i + 4))
  ) {
    grouped = true;
    i += 4;
  }
  if (grouped && leading > 3) return null;
  if (s.charAt(i) === '.' && isDigit(s.charCodeAt(i + 1))) {
    i++;
    while (isDigit(s.charCodeAt(i))) i++;
  }
  // A second point or a stray separator glued to digits: not a number we can trust.
  const next = s.charAt(i);
  if ((next === '.' || next === ',') && isDigit(s.charCodeAt(i + 1))) return null;
  const written = s.slice(at, i);
  return { digits: grouped ? written.replaceAll(',', '') : written, end: i };
}

function toQuantity(d: Draft, relativeTo: string | null, more: readonly Quantity[]): Quantity {
  return {
    kind: 'quantity',
    value: d.value,
    unit: d.unit,
    qualifier: d.qualifier,
    statedRatio: d.statedRatio,
    annotation: d.annotation,
    annotationFy: d.annotationFy,
    label: d.label,
    estimate: d.estimate,
    relativeTo,
    more,
  };
}

/** A plain quantity: a value with its unit and qualifier, nothing else said beside it (also fastQuantity.ts). */
export function quantity(value: number, unit: string | null, qualifier: Qualifier | null): Quantity {
  return {
    kind: 'quantity',
    value: value === 0 ? 0 : value, // never -0
    unit,
    qualifier,
    statedRatio: null,
    annotation: null,
    annotationFy: null,
    label: null,
    estimate: false,
    relativeTo: null,
    more: NO_MORE,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Text that is not a value

function statusWordOf(s: string): string | null {
  if (STATUS_WORDS.has(s)) return s;
  // '調査中 (12月公表)', '未定(協議中)': the word, then a note.
  let end = 0;
  while (end < s.length && s.charAt(end) !== ' ' && s.charAt(end) !== '(') end++;
  if (end === s.length) return null;
  const head = s.slice(0, end);
  return STATUS_WORDS.has(head) ? head : null;
}

/** '- 千円', '—件': a blank marker with only a unit after it. */
function dashWithUnit(raw: string, folded: string): Blank | null {
  let end = 0;
  while (end < raw.length && DASH_MARKERS.has(raw.charAt(end))) end++;
  if (end === 0) return null;
  const unitAt = skipSpace(folded, end);
  const unit = matchUnitAt(folded, unitAt);
  if (unit === null || unitAt + unit.length !== folded.length) return null;
  return blank(raw.slice(0, end));
}

/** '33101 国際交流の推進（雇用経済部）': a five-digit project code, then words. */
function startsWithCode(s: string): boolean {
  for (let i = 0; i < CODE_DIGITS; i++) if (!isDigit(s.charCodeAt(i))) return false;
  const next = s.charCodeAt(CODE_DIGITS);
  if (Number.isNaN(next) || isDigit(next) || next === 44 || next === 46) return false;
  const wordAt = skipSpace(s, CODE_DIGITS);
  return wordAt < s.length && hasWordChar(s.charAt(wordAt));
}

/** Words with numbers only as dates or ordinals, or a sentence. See the module comment. */
function isProse(s: string): boolean {
  if ((s.includes('、') || s.includes('。')) && countWordChars(s) >= MIN_SENTENCE_WORD_CHARS) return true;
  if (!hasWordChar(s)) return false;
  for (let i = 0; i < s.length; i++) {
    if (!isDigit(s.charCodeAt(i))) continue;
    const start = i;
    while (isDigit(s.charCodeAt(i))) i++;
    if (!isIncidentalNumber(s, start, i)) return false;
  }
  return true;
}

const DATE_MARKS = new Set(['年', '月', '日']);
const ERA_MARKS = ['令和', '平成', '昭和', 'R', 'H'];

/** A number that is part of a date (2019年, 3月, 平成31, R5) or an ordinal (第4). */
function isIncidentalNumber(s: string, start: number, end: number): boolean {
  if (DATE_MARKS.has(s.charAt(skipSpace(s, end)))) return true;
  const before = s.charAt(start - 1) === ' ' ? start - 1 : start;
  if (s.charAt(before - 1) === '第') return true;
  for (const era of ERA_MARKS) {
    if (before >= era.length && s.startsWith(era, before - era.length)) return true;
  }
  return false;
}

/** Control characters, U+FFFD or a lone surrogate: text damaged on its way into the sheet. */
function isBroken(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c === 0xfffd) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const low = s.charCodeAt(i + 1);
      if (!(low >= 0xdc00 && low <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

function blank(marker: string): Blank {
  return { kind: 'blank', marker };
}

function notApplicable(marker: string): NotApplicable {
  return { kind: 'notApplicable', marker };
}

function status(text: string, word: string | null): StatusText {
  return { kind: 'status', text, word };
}

function failure(reason: ParseFailureReason, text: string): ParseFailure {
  return { kind: 'invalid', reason, text };
}

/** The first SHORTENED_LENGTH characters and '…', never cutting a surrogate pair in two. */
function shorten(text: string): string {
  let end = SHORTENED_LENGTH;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

function joinAnnotation(a: string | null, b: string): string {
  return a === null ? b : `${a} ${b}`;
}

function isAllDashes(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!DASH_MARKERS.has(s.charAt(i))) return false;
  return end > start;
}

function skipSpace(s: string, i: number): number {
  return s.charAt(i) === ' ' ? i + 1 : i; // spaces are collapsed: at most one
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function hasAsciiDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isDigit(s.charCodeAt(i))) return true;
  return false;
}

/** ①–⑳, ㉑–㉟, ㊱–㊿. */
function isCircledNumber(code: number): boolean {
  return (code >= 0x2460 && code <= 0x2473) || (code >= 0x3251 && code <= 0x325f) || (code >= 0x32b1 && code <= 0x32bf);
}

/** Kana, kanji or a Latin letter: a character of a word. */
function isWordCharCode(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) || // hiragana, katakana
    (c >= 0x3400 && c <= 0x9fff) || // CJK ideographs
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122)
  );
}

function hasWordChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isWordCharCode(s.charCodeAt(i))) return true;
  return false;
}

function countWordChars(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isWordCharCode(s.charCodeAt(i)) && s.charCodeAt(i) > 0x7f) n++;
  return n;
}
