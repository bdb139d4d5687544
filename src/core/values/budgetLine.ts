/**
 * Budget lines written as text in 施策評価表: the previous and the current fiscal year's amount.
 *
 *   予算額：（R2） ５１，８３５千円 → （R3） ７３，５９７千円
 *   予算額：(30) - 千円 → (31) 9,000千円        a new project: no previous amount
 *
 * Era-less years in parentheses ('(30)') are 平成 unless the caller says otherwise: the 令和 sheets write (R2).
 * An era written on the left carries to the right: '(R2) → (3)' is FY2020 → FY2021.
 */
import { parseFiscalYear, type Era } from '../fiscalYear';
import { parseText } from './parse';
import { foldAndCollapse, MONEY_UNITS } from './units';

export interface BudgetAmount {
  /** The fiscal year (Western year it starts), or null when the line names none. */
  readonly fy: number | null;
  /** The amount, or null when the line writes a blank marker ('-'): nothing was budgeted. */
  readonly amount: number | null;
}

export interface BudgetLine {
  /** The left of the arrow: the previous fiscal year. */
  readonly previous: BudgetAmount;
  readonly current: BudgetAmount;
  /** The money unit both amounts are in ('千円'), or null when the line names none. */
  readonly unit: string | null;
}

export interface BudgetLineContext {
  /** The era of era-less years such as '(30)'; 平成 when not given. */
  readonly era?: Era | null;
}

const LABELS: readonly string[] = ['予算額', '事業費', '予算'];
const ARROWS: readonly string[] = ['→', '⇒', '->', '=>'];
const MAX_LINE_LENGTH = 300;

interface Side {
  readonly fy: number | null;
  readonly fyEra: Era | null;
  readonly amount: number | null;
  readonly unit: string | null;
  readonly hasYear: boolean;
}

/** The budget line in `text`, or null when the text is not one. */
export function parseBudgetLine(text: string, ctx?: BudgetLineContext): BudgetLine | null {
  if (text.length > MAX_LINE_LENGTH) return null;
  let s = foldAndCollapse(text);
  const labelled = LABELS.find((l) => s.startsWith(l));
  if (labelled !== undefined) {
    s = s.slice(labelled.length).trim();
    if (s.startsWith(':')) s = s.slice(1).trim();
  }
  const era = ctx?.era ?? 'heisei';
  const arrow = findArrow(s);
  if (arrow === null) return null; // a budget line always states both years, even when one amount is '-'
  const previous = readSide(s.slice(0, arrow.at), era);
  if (previous === null) return null;
  const current = readSide(s.slice(arrow.at + arrow.length), previous.fyEra ?? era);
  if (current === null) return null;
  // Without the 予算額 label, only '(year) amount → (year) amount' is taken for a budget line.
  if (labelled === undefined && !(previous.hasYear && current.hasYear)) return null;
  if (previous.unit !== null && current.unit !== null && previous.unit !== current.unit) return null;
  return {
    previous: { fy: previous.fy, amount: previous.amount },
    current: { fy: current.fy, amount: current.amount },
    unit: current.unit ?? previous.unit,
  };
}

function findArrow(s: string): { at: number; length: number } | null {
  for (const a of ARROWS) {
    const at = s.indexOf(a);
    if (at >= 0) return { at, length: a.length };
  }
  return null;
}

/** '(R2) 51,835千円', '(30) - 千円', '9,000千円': an optional year in parentheses, then an amount or a blank. */
function readSide(side: string, era: Era): Side | null {
  let s = side.trim();
  let fy: number | null = null;
  let fyEra: Era | null = null;
  let hasYear = false;
  if (s.startsWith('(')) {
    const close = s.indexOf(')');
    if (close < 0) return null;
    const year = parseFiscalYear(s.slice(1, close), { era });
    if (year === null) return null;
    fy = year.fy;
    fyEra = year.era === 'western' ? null : year.era;
    hasYear = true;
    s = s.slice(close + 1).trim();
  }
  const value = parseText(s);
  if (value.kind === 'blank' && value.marker !== '') {
    return { fy, fyEra, amount: null, unit: unitAfterMarker(s), hasYear };
  }
  if (value.kind !== 'quantity' || value.more.length > 0) return null;
  if (value.unit !== null && !MONEY_UNITS.includes(value.unit)) return null;
  return { fy, fyEra, amount: value.value, unit: value.unit, hasYear };
}

/** '- 千円' → '千円' (the longest money unit the text ends with). */
function unitAfterMarker(s: string): string | null {
  let best: string | null = null;
  for (const u of MONEY_UNITS) if (s.endsWith(u) && (best === null || u.length > best.length)) best = u;
  return best;
}
