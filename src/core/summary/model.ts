/**
 * The summary sheets as plain data: 達成状況 (one row per indicator and year), 予算 (per project, with totals per
 * 財源) and 検証結果 (the findings), each cell with its value, its style key and, where it came from a cell of the
 * workbook, a link to it. Number formats belong to the columns, as in a spreadsheet. The command line (ExcelJS) and
 * the add-in (Office.js) render this same model.
 */
import type { CheckResult } from '../check';
import type { Indicator } from '../evaluate/indicators';
import type { Budget } from '../evaluate/budgets';
import type { Finding } from '../report';
import { difference, ratioAt, sum } from '../evaluate/ratio';
import { translator, type Lang, type Translate } from '../i18n';
import { STYLES, type StyleKey } from './styles';
import { shownCellAt, valuesAt, type PointValues } from '../evaluate/points';

export type SummaryValue = string | number | null;

/**
 * A cell of a summary sheet: its value alone, or an object when it has more to say — a style, a link, a number
 * format of its own. Most cells are values alone: a summary of 100,000 rows makes no object for them.
 */
export type SummaryCell = SummaryValue | DecoratedCell;

export interface DecoratedCell {
  readonly value: SummaryValue;
  readonly style?: StyleKey;
  /** Excel number format of the value, when not its column's. */
  readonly numFmt?: string;
  /** The cell of the workbook this value came from. */
  readonly link?: { readonly sheet: string; readonly cell: string };
}

export interface SummaryColumn {
  readonly header: string;
  readonly width: number;
  /** Excel number format of the column's numbers. */
  readonly numFmt?: string;
}

/** A summary cell's parts, for the renderers (a missing cell at the end of a short row is an empty one). */
export function cellValue(c: SummaryCell | undefined): SummaryValue {
  return c !== null && typeof c === 'object' ? c.value : (c ?? null);
}

export function cellStyle(c: SummaryCell | undefined): StyleKey | undefined {
  return c !== null && typeof c === 'object' ? c.style : undefined;
}

export function cellLink(c: SummaryCell | undefined): DecoratedCell['link'] {
  return c !== null && typeof c === 'object' ? c.link : undefined;
}

/** The number format a cell shows its value with: its own, else its column's; none for text and empty cells. */
export function cellNumFmt(c: SummaryCell | undefined, column: SummaryColumn | undefined): string | undefined {
  if (typeof cellValue(c) !== 'number') return undefined;
  return (c !== null && typeof c === 'object' ? c.numFmt : undefined) ?? column?.numFmt;
}

export type SummaryKey = 'achievement' | 'budget' | 'findings';

export interface SummarySheet {
  readonly key: SummaryKey;
  /** The sheet name wanted (達成状況 …); the renderer makes it unique in the workbook. */
  readonly name: string;
  readonly columns: readonly SummaryColumn[];
  readonly rowCount: number;
  /**
   * The rows, made as they are read: a summary of 100,000 rows is never held in memory at once (the renderers
   * write it in bands). Each call starts again from the first row.
   */
  rows(): Iterable<readonly SummaryCell[]>;
}

export interface SummaryModel {
  readonly sheets: readonly SummarySheet[];
  readonly styles: typeof STYLES;
}

export const NUMBER_FORMAT = '#,##0.##;"▲ "#,##0.##';
export const AMOUNT_FORMAT = '#,##0;"▲ "#,##0';
export const RATIO_FORMAT = '0.00';
export const PERCENT_FORMAT = '0.0%;"▲ "0.0%';

/** A value with a link to the cell of the workbook it came from (none for an empty value or no cell). */
const linked = (value: SummaryValue, sheet: string, cell: string | null): SummaryCell => (cell === null || value === null ? value : { value, link: { sheet, cell } });

/** The few words a summary repeats on every row, translated once. */
function wordsOf(t: Translate) {
  const status = (s: string): SummaryCell => Object.freeze({ value: t(`status.${s}`), style: `status.${s}` as StyleKey });
  return {
    status: { met: status('met'), nearly: status('nearly'), gap: status('gap'), pending: status('pending'), noTarget: status('noTarget'), future: status('future') },
    qualifier: { atLeast: t('qualifier.atLeast'), atMost: t('qualifier.atMost') },
    continuation: { continuing: t('continuation.continuing'), new: t('continuation.new') },
  };
}
type Words = ReturnType<typeof wordsOf>;

/**
 * Rows made one at a time, in order, by the maker that `start()` gives for each walk (a walk may start again from
 * the first row). A plain iterator rather than a generator: the writers pull 100,000 rows, and a generator
 * allocates a result object for each of them.
 */
function lazyRows(count: number, start: () => (i: number) => SummaryCell[]): Iterable<SummaryCell[]> {
  return {
    [Symbol.iterator](): Iterator<SummaryCell[]> {
      const make = start();
      let i = 0;
      const result = { done: false, value: [] as SummaryCell[] };
      return {
        next(): IteratorResult<SummaryCell[]> {
          if (i >= count) return { done: true, value: undefined };
          result.value = make(i++);
          return result;
        },
      };
    },
  };
}

/** One row per indicator and year; the last column links to the cell the row comes from (one link a row: a
 * summary of 100,000 rows must fit Excel's request limits). */
function achievementRows(indicators: readonly Indicator[], count: number, w: Words): Iterable<SummaryCell[]> {
  return lazyRows(count, () => {
    // Rows are made in order: the k-th indicator's j-th point, then its planned targets.
    let k = 0;
    let j = 0;
    const p: PointValues = { fy: 0, target: null, targetQualifier: null, actual: null, ratio: null, status: 'pending', statedRatio: null };
    return () => {
      let ind = indicators[k]!;
      while (j >= ind.points.length + ind.plannedTargets.length) {
        ind = indicators[++k]!;
        j = 0;
      }
      if (j < ind.points.length) {
        // The point's values read into one reused object: no point is made for its row.
        valuesAt(ind.points, j, p);
        const cell = shownCellAt(ind.points, j++);
        return [
          ind.sheet,
          ind.name,
          ind.unit,
          p.fy,
          p.target,
          p.targetQualifier ? w.qualifier[p.targetQualifier] : null,
          p.actual,
          p.ratio,
          w.status[p.status],
          p.statedRatio,
          linked(cell, ind.sheet, cell),
        ];
      }
      const f = ind.plannedTargets.at(j++ - ind.points.length)!;
      return [ind.sheet, ind.name, ind.unit, f.fy, f.target, f.targetQualifier ? w.qualifier[f.targetQualifier] : null, null, null, w.status.future, null, linked(f.cell, ind.sheet, f.cell)];
    };
  });
}

/** Change as a fraction of the previous amount (shown as %), in decimal; none for a new project. */
function changeRate(change: number | null, previous: number | null): number | null {
  if (change === null || previous === null) return null;
  if (previous === 0) return null;
  // A fall is a negative rate: the sign is taken apart, the size computed as a ratio.
  const r = ratioAt(Math.abs(change), Math.abs(previous), 'ratio', null, 4);
  return r === null ? null : change < 0 !== previous < 0 ? -r : r;
}

function budgetRows(budgets: readonly Budget[], t: Translate, w: Words): SummaryCell[][] {
  const rows: SummaryCell[][] = budgets.map((b) => [
    b.sheet,
    linked(b.name, b.sheet, b.cells.name),
    linked(b.source, b.sheet, b.cells.source),
    b.continuation ? w.continuation[b.continuation] : null,
    b.fy,
    linked(b.amount, b.sheet, b.cells.amount),
    b.previousFy,
    linked(b.previousAmount, b.sheet, b.cells.previousAmount),
    b.change,
    changeRate(b.change, b.previousAmount),
    linked(b.statedChange, b.sheet, b.cells.change),
    b.unit,
  ]);
  if (budgets.length === 0) return rows;

  // Totals per 財源, then the grand total: amounts of one unit only are added (千円 with 千円).
  rows.push([]);
  rows.push([{ value: t('summary.totalBySource'), style: 'total' }]);
  const groups = new Map<string, Budget[]>();
  for (const b of budgets) {
    const key = `${b.source ?? ''}\u0000${b.unit ?? ''}`;
    const list = groups.get(key) ?? [];
    list.push(b);
    groups.set(key, list);
  }
  const totalRow = (label: string, list: readonly Budget[], unit: string | null): SummaryCell[] => {
    const amount = sum(list.map((b) => b.amount ?? 0));
    const previous = sum(list.map((b) => b.previousAmount ?? 0));
    const change = difference(amount, previous);
    return [
      null,
      { value: label, style: 'total' },
      null,
      null,
      null,
      { value: amount, style: 'total' },
      null,
      { value: previous, style: 'total' },
      { value: change, style: 'total' },
      changeRate(change, previous),
      null,
      unit,
    ];
  };
  for (const list of [...groups.values()].sort((a, b) => (a[0]!.source ?? '').localeCompare(b[0]!.source ?? '', 'ja'))) {
    rows.push(totalRow(list[0]!.source ?? t('summary.noSource'), list, list[0]!.unit));
  }
  const units = new Set(budgets.map((b) => b.unit));
  for (const unit of units) rows.push(totalRow(t('summary.total'), budgets.filter((b) => b.unit === unit), unit));
  return rows;
}

function findingRows(findings: readonly Finding[], t: Translate): Iterable<SummaryCell[]> {
  const severity = {
    error: Object.freeze({ value: t('severity.error'), style: 'severity.error' as StyleKey }),
    warning: Object.freeze({ value: t('severity.warning'), style: 'severity.warning' as StyleKey }),
    info: Object.freeze({ value: t('severity.info'), style: 'severity.info' as StyleKey }),
  };
  return lazyRows(findings.length, () => (i) => {
    const f = findings[i]!;
    return [severity[f.severity], f.rule, f.sheet, f.sheet !== null && f.cell !== null ? linked(f.cell, f.sheet, f.cell) : f.cell, f.message, f.expected, f.found];
  });
}

export function summaryModel(result: CheckResult, findings: readonly Finding[], lang: Lang = 'ja'): SummaryModel {
  const t = translator(lang);
  const w = wordsOf(t);
  const col = (key: string, width: number, numFmt?: string): SummaryColumn => (numFmt === undefined ? { header: t(`col.${key}`), width } : { header: t(`col.${key}`), width, numFmt });
  const achievementCount = result.indicators.reduce((n, i) => n + i.points.length + i.plannedTargets.length, 0);
  // Budget rows are few (one per project): made once; the totals need them all anyway.
  let budget: SummaryCell[][] | null = null;
  const budgetList = () => (budget ??= budgetRows(result.budgets, t, w));
  return {
    styles: STYLES,
    sheets: [
      {
        key: 'achievement',
        name: t('sheet.achievement'),
        columns: [col('sheet', 14), col('name', 48), col('unit', 8), col('fy', 8), col('target', 12, NUMBER_FORMAT), col('qualifier', 8), col('actual', 12, NUMBER_FORMAT), col('ratio', 9, RATIO_FORMAT), col('status', 11), col('statedRatio', 12, RATIO_FORMAT), col('link', 10)],
        rowCount: achievementCount,
        rows: () => achievementRows(result.indicators, achievementCount, w),
      },
      {
        key: 'budget',
        name: t('sheet.budget'),
        columns: [col('sheet', 14), col('project', 40), col('source', 10), col('continuation', 10), col('fy', 8), col('amount', 13, AMOUNT_FORMAT), col('previousFy', 8), col('previousAmount', 13, AMOUNT_FORMAT), col('change', 12, AMOUNT_FORMAT), col('changePct', 10, PERCENT_FORMAT), col('statedChange', 13, AMOUNT_FORMAT), col('unit', 8)],
        get rowCount() {
          return budgetList().length;
        },
        rows: () => budgetList(),
      },
      {
        key: 'findings',
        name: t('sheet.findings'),
        columns: [col('severity', 9), col('rule', 30), col('sheet', 14), col('cell', 8), col('message', 70), col('expected', 12, NUMBER_FORMAT), col('found', 12, NUMBER_FORMAT)],
        rowCount: findings.length,
        rows: () => findingRows(findings, t),
      },
    ],
  };
}
