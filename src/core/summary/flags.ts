/**
 * Where to flag the user's own sheets: a fill by status on each evaluated cell, and a note listing the findings
 * of a cell. Only formats and notes: the plan never carries a value for a user's cell.
 */
import type { CheckResult } from '../check';
import type { Finding } from '../report';
import { translator, type Lang } from '../i18n';
import { STYLES, type StyleKey } from './styles';
import { shownCellAt, statusAt } from '../evaluate/points';

export interface CellFlag {
  readonly sheet: string;
  readonly cell: string;
  /** The style whose fill the cell gets, or null to leave the fill as it is. */
  readonly style: StyleKey | null;
  readonly fill: string | null;
  /** Lines of the note, or none. */
  readonly note: readonly string[];
}

const NO_NOTE: readonly string[] = Object.freeze([]);
const FLAGGED_SEVERITIES = new Set(['error', 'warning']);
const SEVERITY_RANK: Record<string, number> = { 'severity.error': 3, 'status.gap': 2, 'severity.warning': 1 };

export function flagPlan(result: CheckResult, findings: readonly Finding[], lang: Lang = 'ja'): CellFlag[] {
  const t = translator(lang);
  const severityWord: Record<string, string> = { error: t('severity.error'), warning: t('severity.warning'), info: t('severity.info') };
  // Built in place: each flag is made once, as it will be returned (tens of thousands of cells).
  type Draft = { sheet: string; cell: string; style: StyleKey | null; fill: string | null; note: readonly string[] };
  // Per sheet, then per cell: no key string is built for each cell.
  const bySheet = new Map<string, Map<string, Draft>>();
  const all: Draft[] = [];
  const at = (sheet: string, cell: string): Draft => {
    let cells = bySheet.get(sheet);
    if (!cells) bySheet.set(sheet, (cells = new Map()));
    let f = cells.get(cell);
    if (!f) {
      f = { sheet, cell, style: null, fill: null, note: NO_NOTE };
      cells.set(cell, f);
      all.push(f);
    }
    return f;
  };
  const statusStyle: Record<string, StyleKey> = { met: 'status.met', nearly: 'status.nearly', gap: 'status.gap', pending: 'status.pending' };
  for (const ind of result.indicators) {
    // Status and cell read straight from the points' columns: no point is made.
    for (let i = 0; i < ind.points.length; i++) {
      const style = statusStyle[statusAt(ind.points, i)];
      if (!style) continue;
      const cell = shownCellAt(ind.points, i);
      if (cell) at(ind.sheet, cell).style = style;
    }
  }
  for (const f of findings) {
    if (f.sheet === null || f.cell === null || !FLAGGED_SEVERITIES.has(f.severity)) continue;
    const flag = at(f.sheet, f.cell);
    if (flag.note === NO_NOTE) flag.note = [];
    (flag.note as string[]).push(`[${severityWord[f.severity]}] ${f.message}`);
    const style: StyleKey = `severity.${f.severity}` as StyleKey;
    // The strongest signal wins the fill: an error over a gap over a warning over a status.
    if ((SEVERITY_RANK[style] ?? 0) > (SEVERITY_RANK[flag.style ?? ''] ?? 0)) flag.style = style;
  }
  for (const f of all) if (f.style) f.fill = STYLES[f.style].fill;
  return all;
}
