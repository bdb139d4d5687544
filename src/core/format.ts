/** Numbers as officials read them in messages: thousands separators, ▲ for negatives (Japanese), ratios to 2 places. */
import type { Lang } from './i18n';

const grouping = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6, useGrouping: true });

export function formatAmount(n: number, lang: Lang): string {
  const abs = grouping.format(Math.abs(n));
  if (n >= 0) return abs;
  return lang === 'ja' ? `▲ ${abs}` : `-${abs}`;
}

/** 0.6 → '0.60', 1.231 → '1.231': at least two decimals, as the sheets write 目標達成状況. */
export function formatRatio(r: number): string {
  const s = String(r);
  const dot = s.indexOf('.');
  const places = dot < 0 ? 0 : s.length - dot - 1;
  return places >= 2 || s.includes('e') ? s : r.toFixed(2);
}
