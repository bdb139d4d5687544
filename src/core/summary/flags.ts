/**
 * Where to flag the user's own sheets: a fill by status on each evaluated cell, and a note listing the findings
 * of a cell. Only formats and notes: the plan never carries a value for a user's cell.
 */
import type { CheckResult } from '../check';
import type { Finding } from '../report';
import { translator, type Lang } from '../i18n';
import { STYLES, type StyleKey } from './styles';
import { PointList, shownCellAt, statusAt, statusMask } from '../evaluate/points';
import type { Status } from '../evaluate/ratio';

export interface CellFlag {
  readonly sheet: string;
  readonly cell: string;
  /** The style whose fill the cell gets, or null to leave the fill as it is. */
  readonly style: StyleKey | null;
  readonly fill: string | null;
  /** Lines of the note, or none. */
  readonly note: readonly string[];
}

/**
 * The flags of a check, made as they are read (each walk starts again from the first): a workbook of 20,000
 * indicators flags some 60,000 cells, and a writer needs each flag only until it has written it. Kept as objects,
 * they outlived the check's reading and the garbage collector copied every one of them.
 */
export interface FlagPlan extends Iterable<CellFlag> {
  /** How many cells are flagged (counted by a walk, once). */
  readonly length: number;
}

const NO_NOTE: readonly string[] = Object.freeze([]);
const FLAGGED_SEVERITIES = new Set(['error', 'warning']);
const SEVERITY_RANK: Record<string, number> = { 'severity.error': 3, 'status.gap': 2, 'severity.warning': 1 };
const rank = (style: StyleKey | null): number => (style === null ? 0 : (SEVERITY_RANK[style] ?? 0));
const STATUS_STYLE: Partial<Record<Status, StyleKey>> = { met: 'status.met', nearly: 'status.nearly', gap: 'status.gap', pending: 'status.pending' };
const STYLED = statusMask(Object.keys(STATUS_STYLE) as Status[]);

/** What the findings say of one cell: their note lines in order, and the strongest of their styles. */
interface Noted {
  readonly sheet: string;
  readonly cell: string;
  readonly note: string[];
  style: StyleKey | null;
  /** The walk that flagged this cell with a point's: its finding-only flag is then not made again. */
  walk: number;
}

/**
 * Each evaluated cell gets the fill of its status; a cell with findings gets their note, and the fill of the
 * strongest signal: an error over a gap over a warning over a status. Flags come in the order of the points, then
 * of the findings on cells no point is shown at. A cell shown by several points (labelled values of one cell) is
 * flagged once, where it is first met, with the status of the last.
 */
export function flagPlan(result: CheckResult, findings: readonly Finding[], lang: Lang = 'ja'): FlagPlan {
  const t = translator(lang);
  const severityWord: Record<string, string> = { error: t('severity.error'), warning: t('severity.warning'), info: t('severity.info') };
  const noted: Noted[] = [];
  const notedBy = new Map<string, Map<string, Noted>>();
  for (const f of findings) {
    if (f.sheet === null || f.cell === null || !FLAGGED_SEVERITIES.has(f.severity)) continue;
    let cells = notedBy.get(f.sheet);
    if (!cells) notedBy.set(f.sheet, (cells = new Map()));
    let n = cells.get(f.cell);
    if (!n) {
      n = { sheet: f.sheet, cell: f.cell, note: [], style: null, walk: 0 };
      cells.set(f.cell, n);
      noted.push(n);
    }
    n.note.push(`[${severityWord[f.severity]}] ${f.message}`);
    const style = `severity.${f.severity}` as StyleKey;
    if (rank(style) > rank(n.style)) n.style = style;
  }
  const repeated = repeatedCells(result.indicators);
  let walks = 0;
  let length: number | null = null;

  function* walk(): Generator<CellFlag> {
    const w = ++walks;
    const met = repeated.size > 0 ? new Set<string>() : null;
    for (const ind of result.indicators) {
      const points = ind.points;
      const cells = notedBy.get(ind.sheet);
      for (let i = 0; i < points.length; i++) {
        let style = STATUS_STYLE[statusAt(points, i)];
        if (!style) continue;
        const cell = shownCellAt(points, i);
        if (!cell) continue;
        if (met !== null) {
          const key = cellKey(ind.sheet, cell);
          const last = repeated.get(key);
          if (last !== undefined) {
            if (met.has(key)) continue;
            met.add(key);
            style = last;
          }
        }
        const n = cells?.get(cell);
        if (n !== undefined) n.walk = w;
        const strongest = n !== undefined && rank(n.style) > rank(style) ? n.style! : style;
        yield { sheet: ind.sheet, cell, style: strongest, fill: STYLES[strongest].fill, note: n !== undefined ? n.note : NO_NOTE };
      }
    }
    for (const n of noted) {
      if (n.walk === w) continue;
      yield { sheet: n.sheet, cell: n.cell, style: n.style, fill: n.style ? STYLES[n.style].fill : null, note: n.note };
    }
  }

  return {
    [Symbol.iterator]: walk,
    get length(): number {
      if (length === null) {
        let k = 0;
        for (const _ of walk()) k++;
        length = k;
      }
      return length;
    },
  };
}

const cellKey = (sheet: string, cell: string): string => `${sheet}\u0000${cell}`;

/**
 * Cells shown by more than one point that gets a fill, with the fill of the last. Found by sorting the points'
 * cell numbers (no map of every cell is built); almost always none.
 */
function repeatedCells(indicators: CheckResult['indicators']): Map<string, StyleKey> {
  const sheets = new Map<string, number>();
  let n = 0;
  for (const ind of indicators) n += ind.points.length;
  const keys = new Float64Array(n);
  let k = 0;
  for (const ind of indicators) {
    if (k < 0) break;
    let sheet = sheets.get(ind.sheet);
    if (sheet === undefined) sheets.set(ind.sheet, (sheet = sheets.size));
    // Points not in columns, or too many sheets for the numbers: compared by their text below.
    k = ind.points instanceof PointList && sheet < 1 << 12 ? ind.points.shownKeys(STYLED, sheet * 2 ** 40, keys, k) : ind.points.length > 0 ? -1 : k;
  }
  const byText = k < 0;
  const repeated = new Map<string, StyleKey>();
  if (!byText) {
    const sorted = keys.subarray(0, k).sort();
    let any = false;
    for (let i = 1; i < k && !any; i++) any = sorted[i] === sorted[i - 1];
    if (!any) return repeated;
  }
  // Some cell repeats (or the points are not in columns): by their text, how often each cell is shown, and the fill
  // of its last point.
  const shown = new Map<string, { count: number; last: StyleKey }>();
  for (const ind of indicators) {
    for (let i = 0; i < ind.points.length; i++) {
      const style = STATUS_STYLE[statusAt(ind.points, i)];
      const cell = style ? shownCellAt(ind.points, i) : null;
      if (!style || !cell) continue;
      const key = cellKey(ind.sheet, cell);
      const seen = shown.get(key);
      if (seen) {
        seen.count++;
        seen.last = style;
      } else shown.set(key, { count: 1, last: style });
    }
  }
  for (const [key, { count, last }] of shown) if (count > 1) repeated.set(key, last);
  return repeated;
}
