/**
 * How sure a proposal is, from what it rests on: header words found, how many value cells read as figures, and
 * how many parts are left for the user to confirm. A plain additive score, clamped to 0–1, so that the reasons a
 * user reads explain the number they see.
 */
export interface Evidence {
  /** Header rows recognised by their words (a years row, a roles row, a budget header …). */
  readonly headerWords: number;
  /** Share of the filled value cells that read as figures (0–1). */
  readonly quantityShare: number;
  /** Parts marked unsure. */
  readonly unsure: number;
  /** Years (or amount columns) mapped. */
  readonly years: number;
}

export function confidenceOf(e: Evidence): number {
  let score = 0.35;
  score += Math.min(2, e.headerWords) * 0.15;
  score += 0.25 * e.quantityShare;
  if (e.years > 0) score += 0.05;
  score -= 0.12 * e.unsure;
  return Math.round(Math.max(0, Math.min(1, score)) * 100) / 100;
}
