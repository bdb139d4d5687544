/** Numbers as officials read them in messages: thousands separators, ▲ for negatives (Japanese), ratios to 2 places. */
import type { Lang } from './i18n';

const grouping = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6, useGrouping: true });

export function formatAmount(n: number, lang: Lang): string {
  const a = Math.abs(n);
  // Whole amounts, nearly all of them, grouped by hand: the same text as the formatter's, at a fraction of its cost.
  const abs = Number.isSafeInteger(a) ? groupDigits(String(a)) : grouping.format(a);
  if (n >= 0) return abs;
  return lang === 'ja' ? `▲ ${abs}` : `-${abs}`;
}

/** '1234567' → '1,234,567'. */
function groupDigits(digits: string): string {
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/** 0.6 → '0.60', 1.231 → '1.231': at least two decimals, as the sheets write 目標達成状況. */
export function formatRatio(r: number): string {
  const s = String(r);
  const dot = s.indexOf('.');
  const places = dot < 0 ? 0 : s.length - dot - 1;
  return places >= 2 || s.includes('e') ? s : r.toFixed(2);
}
