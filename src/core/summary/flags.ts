/**
 * Where to flag the user's own sheets: a fill by status on each evaluated cell, and a note listing the findings
 * of a cell. Only formats and notes: the plan never carries a value for a user's cell.
 */
import type { CheckResult } from '../check';
import type { Finding } from '../report';
import { translator, type Lang } from '../i18n';
import { STYLES, type StyleKey } from './styles';
import { PointList, shownCellAt, statusAt, statusMask, type Point, type PointStore, type PointsView } from '../evaluate/points';
import { cellNumber, parseAddress } from '../grid';
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
const SEVERITY_STYLE: Readonly<Record<string, StyleKey>> = { error: 'severity.error', warning: 'severity.warning' };
const STATUS_STYLE: Partial<Record<Status, StyleKey>> = { met: 'status.met', nearly: 'status.nearly', gap: 'status.gap', pending: 'status.pending' };
const STYLED = statusMask(Object.keys(STATUS_STYLE) as Status[]);

/**
 * What the findings say of one cell: the findings in order (their note lines are written when the cell's flag is
 * made: a plan may be kept while a writer works, and ten thousand notes need not live that long), and the strongest
 * of their styles.
 */
interface Noted {
  readonly sheet: string;
  readonly cell: string;
  readonly findings: Finding[];
  style: StyleKey | null;
  /** The walk that flagged this cell with a point's: its finding-only flag is then not made again. */
  walk: number;
}

/**
 * A cell of a sheet as a key: the number of its address (grid.ts cellNumber, as the point store keys its cells), so
 * that a point's cell is looked up without writing its address; text that is no address is its own key.
 */
type CellKey = number | string;
const cellKeyOf = (cell: string): CellKey => {
  const ref = parseAddress(cell);
  return ref === null ? cell : cellNumber(ref.col, ref.row);
};

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
  const notedBy = new Map<string, Map<CellKey, Noted>>();
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    if (f.sheet === null || f.cell === null || !FLAGGED_SEVERITIES.has(f.severity)) continue;
    let cells = notedBy.get(f.sheet);
    if (!cells) notedBy.set(f.sheet, (cells = new Map()));
    const key = cellKeyOf(f.cell);
    let n = cells.get(key);
    if (!n) {
      n = { sheet: f.sheet, cell: f.cell, findings: [], style: null, walk: 0 };
      cells.set(key, n);
      noted.push(n);
    }
    n.findings.push(f);
    const style = SEVERITY_STYLE[f.severity]!;
    if (rank(style) > rank(n.style)) n.style = style;
  }
  const repeated = repeatedCells(result.indicators);
  let walks = 0;
  let length: number | null = null;
  const noteOf = (n: Noted): string[] => n.findings.map((f) => `[${severityWord[f.severity]}] ${f.message}`);
  const walk = (): Iterator<CellFlag> => new FlagWalk(result.indicators, notedBy, noted, repeated, noteOf, ++walks);

  return {
    [Symbol.iterator]: walk,
    get length(): number {
      if (length === null) {
        let k = 0;
        for (const it = walk(); !it.next().done; ) k++;
        length = k;
      }
      return length;
    },
  };
}

/**
 * One walk of the plan: the points' flags, indicator by indicator, then those of the findings on other cells. A
 * plain iterator (no generator): a walk makes some 60,000 flags, and each is all it allocates.
 */
class FlagWalk implements Iterator<CellFlag> {
  private k = -1;
  private i = 0;
  private n = 0;
  private sheet = '';
  private points: PointsView<Point> | null = null;
  private columns: PointList | null = null;
  private notedHere: ReadonlyMap<CellKey, Noted> | undefined = undefined;
  private readonly met: Map<string, Set<CellKey>> | null;
  private readonly result: { done: boolean; value: CellFlag } = { done: false, value: undefined as unknown as CellFlag };

  constructor(
    private readonly indicators: CheckResult['indicators'],
    private readonly notedBy: ReadonlyMap<string, ReadonlyMap<CellKey, Noted>>,
    private readonly noted: readonly Noted[],
    private readonly repeated: ReadonlyMap<string, ReadonlyMap<CellKey, StyleKey>>,
    private readonly noteOf: (n: Noted) => string[],
    private readonly walk: number,
  ) {
    this.met = repeated.size > 0 ? new Map() : null;
  }

  next(): IteratorResult<CellFlag> {
    const flag = this.pointFlag() ?? this.findingFlag();
    if (flag === null) return { done: true, value: undefined };
    this.result.value = flag;
    return this.result;
  }

  /** The next point's flag, or null after the last point. */
  private pointFlag(): CellFlag | null {
    for (;;) {
      // The indicator's points, its list in columns and its sheet's findings, taken once per indicator.
      if (this.points === null || this.i >= this.points.length) {
        if (++this.k >= this.indicators.length) return null;
        const ind = this.indicators[this.k]!;
        this.sheet = ind.sheet;
        this.points = ind.points;
        this.columns = ind.points instanceof PointList ? ind.points : null;
        this.notedHere = this.notedBy.get(ind.sheet);
        this.i = 0;
        continue;
      }
      const points = this.points;
      const columns = this.columns;
      const i = this.i++;
      let style = STATUS_STYLE[columns !== null ? columns.statusAt(i) : statusAt(points, i)];
      if (!style) continue;
      let key: CellKey | null;
      let cell: string | null = null;
      if (columns !== null) {
        key = columns.shownKeyAt(i);
      } else {
        cell = shownCellAt(points, i);
        key = cell === null ? null : cellKeyOf(cell);
      }
      if (key === null) continue;
      if (this.met !== null) {
        const last = this.repeated.get(this.sheet)?.get(key);
        if (last !== undefined) {
          let met = this.met.get(this.sheet);
          if (!met) this.met.set(this.sheet, (met = new Set()));
          if (met.has(key)) continue;
          met.add(key);
          style = last;
        }
      }
      const n = this.notedHere?.get(key);
      if (n !== undefined) n.walk = this.walk;
      const strongest = n !== undefined && rank(n.style) > rank(style) ? n.style! : style;
      return { sheet: this.sheet, cell: cell ?? columns!.shownCellAt(i)!, style: strongest, fill: STYLES[strongest].fill, note: n !== undefined ? this.noteOf(n) : NO_NOTE };
    }
  }

  /** The next flag of findings on a cell no point is shown at, or null after the last. */
  private findingFlag(): CellFlag | null {
    while (this.n < this.noted.length) {
      const n = this.noted[this.n++]!;
      if (n.walk === this.walk) continue;
      return { sheet: n.sheet, cell: n.cell, style: n.style, fill: n.style ? STYLES[n.style].fill : null, note: this.noteOf(n) };
    }
    return null;
  }
}

/**
 * Cells shown by more than one point that gets a fill, by sheet, with the fill of the last. Found from the points'
 * cell numbers, in order or sorted (no map of every cell is built); almost always none.
 */
function repeatedCells(indicators: CheckResult['indicators']): Map<string, Map<CellKey, StyleKey>> {
  const repeated = new Map<string, Map<CellKey, StyleKey>>();
  // The usual case, known without a pass over the points: all in one store, which saw their cells in order.
  if (oneStoreInOrder(indicators)) return repeated;
  const sheets = new Map<string, number>();
  let n = 0;
  for (const ind of indicators) n += ind.points.length;
  const keys = new Float64Array(n);
  let k = 0;
  for (const ind of indicators) {
    if (k < 0) break;
    let sheet = sheets.get(ind.sheet);
    if (sheet === undefined) sheets.set(ind.sheet, (sheet = sheets.size));
    // Points not in columns, or too many sheets for the numbers: compared by their keys below.
    k = ind.points instanceof PointList && sheet < 1 << 12 ? ind.points.shownKeys(STYLED, sheet * 2 ** 40, keys, k) : ind.points.length > 0 ? -1 : k;
  }
  if (k >= 0) {
    // Points come in reading order as a rule (a table read row by row): then no cell can come twice, and nothing
    // needs sorting.
    let ordered = true;
    for (let i = 1; i < k && ordered; i++) ordered = keys[i]! > keys[i - 1]!;
    if (ordered) return repeated;
    const sorted = keys.subarray(0, k).sort();
    let any = false;
    for (let i = 1; i < k && !any; i++) any = sorted[i] === sorted[i - 1];
    if (!any) return repeated;
  }
  // Some cell repeats (or the points are not in columns): how often each cell is shown, and the fill of its last point.
  const shown = new Map<string, Map<CellKey, { count: number; last: StyleKey }>>();
  for (const ind of indicators) {
    const columns = ind.points instanceof PointList ? ind.points : null;
    for (let i = 0; i < ind.points.length; i++) {
      const style = STATUS_STYLE[statusAt(ind.points, i)];
      if (!style) continue;
      let key: CellKey | null;
      if (columns !== null) key = columns.shownKeyAt(i);
      else {
        const cell = shownCellAt(ind.points, i);
        key = cell === null ? null : cellKeyOf(cell);
      }
      if (key === null) continue;
      let cells = shown.get(ind.sheet);
      if (!cells) shown.set(ind.sheet, (cells = new Map()));
      const seen = cells.get(key);
      if (seen) {
        seen.count++;
        seen.last = style;
      } else cells.set(key, { count: 1, last: style });
    }
  }
  for (const [sheet, cells] of shown) {
    for (const [key, { count, last }] of cells) {
      if (count < 2) continue;
      let r = repeated.get(sheet);
      if (!r) repeated.set(sheet, (r = new Map()));
      r.set(key, last);
    }
  }
  return repeated;
}

/** Whether every indicator's points are in one point store whose shown cells came in reading order. */
function oneStoreInOrder(indicators: CheckResult['indicators']): boolean {
  let store: PointStore | null = null;
  for (let i = 0; i < indicators.length; i++) {
    const points = indicators[i]!.points;
    if (points.length === 0) continue;
    if (!(points instanceof PointList) || (store !== null && points.store !== store)) return false;
    store = points.store;
  }
  return store === null || store.shownInOrder;
}
