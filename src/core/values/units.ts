/**
 * Units of measure as the sheets write them, and the character folding that numbers and units share.
 *
 * The folding lives here (and not in the value grammar) because units, headers, fiscal years and budget lines all
 * need it, and this module depends on nothing.
 */

/**
 * The units a quantity may carry, written in their normalized form. Order does not matter: matching takes the
 * longest unit that fits ('人泊' before '人', '千円' before '円').
 */
export const KNOWN_UNITS: readonly string[] = Object.freeze([
  // counts
  '件', '社', '回', '人', '名', '者', '機関', '団体', '課題', '世帯', '千世帯', '箇所', '校', '店舗', '人泊',
  '千人', '万人', '万件', '事業所', '施設', '企業', '品目', '講座', '台', '本', '個', '種', '点', '倍', '日',
  // time
  '時間',
  // money
  '円', '千円', '万円', '百万円', '億円',
  // ratios
  '%', 'ポイント',
]);

/** The units that amounts of money are written in (budget lines accept only these). */
export const MONEY_UNITS: readonly string[] = Object.freeze(['円', '千円', '万円', '百万円', '億円']);

/** Spellings of the same unit that the sheets use interchangeably. */
const UNIT_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['か所', '箇所'],
  ['カ所', '箇所'],
  ['ヵ所', '箇所'],
  ['ヶ所', '箇所'],
  ['ケ所', '箇所'],
  ['pt', 'ポイント'],
]);

/** A known unit as written (after width folding), and the unit it stands for. */
export interface UnitMatch {
  readonly written: string;
  readonly unit: string;
  /** How many characters the written form takes. */
  readonly length: number;
}

/** Written forms (after width folding) → normalized unit, indexed by first character for a cheap longest match.
 * The entries are made once and given out as they are: matching a unit allocates nothing. */
const UNITS_BY_FIRST_CHAR: ReadonlyMap<string, readonly UnitMatch[]> = (() => {
  const byChar = new Map<string, UnitMatch[]>();
  const add = (written: string, unit: string): void => {
    const first = written[0]!;
    const list = byChar.get(first) ?? [];
    list.push(Object.freeze({ written, unit, length: written.length }));
    byChar.set(first, list);
  };
  for (const u of KNOWN_UNITS) add(u, u);
  for (const [written, unit] of UNIT_SYNONYMS) add(written, unit);
  for (const list of byChar.values()) list.sort((a, b) => b.length - a.length);
  return byChar;
})();

/** The same lists by the character code of the first character (no one-character string made to look one up). */
const UNITS_BY_FIRST_CODE: ReadonlyMap<number, readonly UnitMatch[]> = new Map([...UNITS_BY_FIRST_CHAR].map(([ch, list]) => [ch.charCodeAt(0), list]));

/** The units whose written form (after width folding) starts with this character code, longest first. */
export function unitsStartingWith(code: number): readonly UnitMatch[] | undefined {
  return UNITS_BY_FIRST_CODE.get(code);
}

/**
 * The known unit written at `at` in a width-folded string, longest first, or null.
 * Returns the normalized unit and how many characters it took.
 */
export function matchUnitAt(folded: string, at: number): UnitMatch | null {
  if (at >= folded.length) return null;
  const candidates = UNITS_BY_FIRST_CODE.get(folded.charCodeAt(at));
  if (!candidates) return null;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    if (folded.startsWith(c.written, at)) return c;
  }
  return null;
}

/** True when the whole (folded, trimmed) text is one known unit. */
export function isKnownUnit(folded: string): boolean {
  const m = matchUnitAt(folded, 0);
  return m !== null && m.length === folded.length;
}

/**
 * Folds the width variants a Japanese sheet mixes into one form, character by character:
 * full-width ASCII (０–９, ，．（）％＋－：／Ａ–Ｚ …) to ASCII, every kind of space and line break to ' ', and
 * U+2212 MINUS SIGN to '-'. Unlike String.prototype.normalize('NFKC') it leaves circled numbers (①) and
 * everything else alone, so labels survive. Returns the input itself when nothing needs folding.
 */
export function foldWidth(text: string): string {
  const n = text.length;
  let i = 0;
  while (i < n && foldCharCode(text.charCodeAt(i)) === text.charCodeAt(i)) i++;
  if (i === n) return text;
  // Character codes, then one string: no string per character.
  const codes = new Array<number>(n - i);
  for (let k = i; k < n; k++) codes[k - i] = foldCharCode(text.charCodeAt(k));
  return text.slice(0, i) + fromCodes(codes);
}

/** String.fromCharCode over a list, in slices: a call takes a bounded number of arguments. */
function fromCodes(codes: readonly number[]): string {
  const SLICE = 4096;
  if (codes.length <= SLICE) return String.fromCharCode(...codes);
  let out = '';
  for (let k = 0; k < codes.length; k += SLICE) out += String.fromCharCode(...codes.slice(k, k + SLICE));
  return out;
}

/** One character code folded as foldWidth folds it. */
export function foldCharCode(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0; // full-width ASCII block
  if (c === 0x3000 || c === 0x00a0 || c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x2000 && c <= 0x200a)) {
    return 0x20;
  }
  if (c === 0x2212 || c === 0xfe63) return 0x2d; // − MINUS SIGN, ﹣ SMALL HYPHEN-MINUS
  return c;
}

/** Folds widths, then turns each run of spaces into one space and trims. */
export function foldAndCollapse(text: string): string {
  const folded = foldWidth(text);
  if (folded.indexOf('  ') < 0 && folded.charCodeAt(0) !== 0x20 && folded.charCodeAt(folded.length - 1) !== 0x20) {
    return folded;
  }
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < folded.length; i++) {
    const ch = folded.charAt(i);
    if (ch === ' ') {
      pendingSpace = out.length > 0;
    } else {
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      out += ch;
    }
  }
  return out;
}

/** The last unit normalized, and its result: a table gives the same header unit for each of its cells. */
let lastUnit: string | null = null;
let lastNormalized = '';

/** '％' → '%', ' 件 ' → '件', 'ヶ所' → '箇所'. Unknown units are returned folded and without spaces. */
export function normalizeUnit(u: string): string {
  if (u === lastUnit) return lastNormalized;
  const compact = foldWidth(u).split(' ').join('');
  lastNormalized = UNIT_SYNONYMS.get(compact) ?? compact;
  lastUnit = u;
  return lastNormalized;
}

const HEADER_UNIT_MARK = '単位';
/** Characters that end a unit written after 単位 in a header. */
const HEADER_UNIT_END = new Set([')', ']', '】', '」', '』', '〕', '>', '〉', '》', ' ', ',', '、', '。', ';']);
const CLOSING_BRACKET: ReadonlyMap<string, string> = new Map([
  ['(', ')'], ['[', ']'], ['【', '】'], ['「', '」'], ['〔', '〕'], ['<', '>'], ['〈', '〉'], ['《', '》'],
]);
const MAX_HEADER_UNIT_LENGTH = 8;

/**
 * The unit a header names: '事業費(単位:千円)' → '千円', '【単位 千世帯】' → '千世帯', '単位:%' → '%'.
 * Also a bracketed known unit with no 単位: '事業費（千円）' → '千円'. null when the header names none.
 */
export function unitFromHeader(text: string): string | null {
  const s = foldWidth(text.length > 500 ? text.slice(0, 500) : text);
  const mark = s.indexOf(HEADER_UNIT_MARK);
  if (mark >= 0) {
    const after = mark + HEADER_UNIT_MARK.length;
    let i = after;
    while (s.charAt(i) === ' ' || s.charAt(i) === ':' || s.charAt(i) === '=') i++;
    const known = matchUnitAt(s, i);
    if (known && (i + known.length === s.length || HEADER_UNIT_END.has(s.charAt(i + known.length)))) {
      return known.unit;
    }
    // An unknown unit ('(単位:ha)', '【単位 kWh】'), only after a separator: '単位当たり' names no unit.
    let end = i;
    while (end < s.length && !HEADER_UNIT_END.has(s.charAt(end))) end++;
    if (i > after && end > i && end - i <= MAX_HEADER_UNIT_LENGTH) return normalizeUnit(s.slice(i, end));
  }
  return bracketedKnownUnit(s);
}

/** The first bracketed group that holds exactly one known unit: '(千円)', '【件】'. */
function bracketedKnownUnit(s: string): string | null {
  for (let i = 0; i < s.length; i++) {
    const close = CLOSING_BRACKET.get(s.charAt(i));
    if (close === undefined) continue;
    const end = s.indexOf(close, i + 1);
    if (end < 0) return null;
    const inner = s.slice(i + 1, end).trim();
    if (isKnownUnit(inner)) return matchUnitAt(inner, 0)!.unit;
    i = end;
  }
  return null;
}
