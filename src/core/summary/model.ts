/**
 * The summary sheets as plain data: 達成状況 (one row per indicator and year), 予算 (per project, with totals per
 * 財源) and 検証結果 (the findings), each cell with its value, its style key and, where it came from a cell of the
 * workbook, a link to it. The command line (ExcelJS) and the add-in (Office.js) render this same model.
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

export interface SummaryCell {
  readonly value: SummaryValue;
  readonly style?: StyleKey;
  /** Excel number format of the value. */
  readonly numFmt?: string;
  /** The cell of the workbook this value came from. */
  readonly link?: { readonly sheet: string; readonly cell: string };
}

export interface SummaryColumn {
  readonly header: string;
  readonly width: number;
  readonly numFmt?: string;
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

const NULL_CELL: SummaryCell = Object.freeze({ value: null });
const plain = (value: SummaryValue, numFmt?: string): SummaryCell => (value === null ? NULL_CELL : numFmt === undefined ? { value } : { value, numFmt });
const linked = (value: SummaryValue, sheet: string, cell: string | null, numFmt?: string): SummaryCell =>
  cell === null || value === null ? plain(value, numFmt) : numFmt === undefined ? { value, link: { sheet, cell } } : { value, numFmt, link: { sheet, cell } };

/** The few words a summary repeats on every row, translated once. */
function wordsOf(t: Translate) {
  const status = (s: string): SummaryCell => Object.freeze({ value: t(`status.${s}`), style: `status.${s}` as StyleKey });
  return {
    status: { met: status('met'), nearly: status('nearly'), gap: status('gap'), pending: status('pending'), noTarget: status('noTarget'), future: status('future') },
    qualifier: { atLeast: Object.freeze(plain(t('qualifier.atLeast'))), atMost: Object.freeze(plain(t('qualifier.atMost'))) },
    continuation: { continuing: Object.freeze(plain(t('continuation.continuing'))), new: Object.freeze(plain(t('continuation.new'))) },
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
  const years = new Map<number, SummaryCell>();
  const year = (fy: number): SummaryCell => {
    let c = years.get(fy);
    if (!c) years.set(fy, (c = Object.freeze({ value: fy })));
    return c;
  };
  return lazyRows(count, () => {
    // Rows are made in order: the k-th indicator's j-th point, then its planned targets.
    let k = 0;
    let j = 0;
    let fixed: { sheet: SummaryCell; name: SummaryCell; unit: SummaryCell } | null = null;
    const p: PointValues = { fy: 0, target: null, targetQualifier: null, actual: null, ratio: null, status: 'pending', statedRatio: null };
    return () => {
      let ind = indicators[k]!;
      while (j >= ind.points.length + ind.plannedTargets.length) {
        ind = indicators[++k]!;
        j = 0;
        fixed = null;
      }
      fixed ??= { sheet: plain(ind.sheet), name: plain(ind.name), unit: plain(ind.unit) };
      if (j < ind.points.length) {
        // The point's values read into one reused object: no point is made for its row.
        valuesAt(ind.points, j, p);
        const cell = shownCellAt(ind.points, j++);
        return [
          fixed.sheet,
          fixed.name,
          fixed.unit,
          year(p.fy),
          plain(p.target, NUMBER_FORMAT),
          p.targetQualifier ? w.qualifier[p.targetQualifier] : NULL_CELL,
          plain(p.actual, NUMBER_FORMAT),
          plain(p.ratio, RATIO_FORMAT),
          w.status[p.status],
          plain(p.statedRatio, RATIO_FORMAT),
          linked(cell, ind.sheet, cell),
        ];
      }
      const f = ind.plannedTargets.at(j++ - ind.points.length)!;
      return [
        fixed.sheet,
        fixed.name,
        fixed.unit,
        year(f.fy),
        plain(f.target, NUMBER_FORMAT),
        f.targetQualifier ? w.qualifier[f.targetQualifier] : NULL_CELL,
        NULL_CELL,
        NULL_CELL,
        w.status.future,
        NULL_CELL,
        linked(f.cell, ind.sheet, f.cell),
      ];
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
    plain(b.sheet),
    linked(b.name, b.sheet, b.cells.name),
    linked(b.source, b.sheet, b.cells.source),
    b.continuation ? w.continuation[b.continuation] : NULL_CELL,
    plain(b.fy),
    linked(b.amount, b.sheet, b.cells.amount, AMOUNT_FORMAT),
    plain(b.previousFy),
    linked(b.previousAmount, b.sheet, b.cells.previousAmount, AMOUNT_FORMAT),
    plain(b.change, AMOUNT_FORMAT),
    plain(changeRate(b.change, b.previousAmount), PERCENT_FORMAT),
    linked(b.statedChange, b.sheet, b.cells.change, AMOUNT_FORMAT),
    plain(b.unit),
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
      plain(null),
      { value: label, style: 'total' },
      plain(null),
      plain(null),
      plain(null),
      { value: amount, numFmt: AMOUNT_FORMAT, style: 'total' },
      plain(null),
      { value: previous, numFmt: AMOUNT_FORMAT, style: 'total' },
      { value: change, numFmt: AMOUNT_FORMAT, style: 'total' },
      plain(changeRate(change, previous), PERCENT_FORMAT),
      plain(null),
      plain(unit),
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
    return [
      severity[f.severity],
      plain(f.rule),
      plain(f.sheet),
      f.sheet !== null && f.cell !== null ? linked(f.cell, f.sheet, f.cell) : plain(f.cell),
      plain(f.message),
      plain(f.expected, typeof f.expected === 'number' ? NUMBER_FORMAT : undefined),
      plain(f.found, typeof f.found === 'number' ? NUMBER_FORMAT : undefined),
    ];
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
        columns: [col('sheet', 14), col('name', 48), col('unit', 8), col('fy', 8), col('target', 12), col('qualifier', 8), col('actual', 12), col('ratio', 9), col('status', 11), col('statedRatio', 12), col('link', 10)],
        rowCount: achievementCount,
        rows: () => achievementRows(result.indicators, achievementCount, w),
      },
      {
        key: 'budget',
        name: t('sheet.budget'),
        columns: [col('sheet', 14), col('project', 40), col('source', 10), col('continuation', 10), col('fy', 8), col('amount', 13), col('previousFy', 8), col('previousAmount', 13), col('change', 12), col('changePct', 10), col('statedChange', 13), col('unit', 8)],
        get rowCount() {
          return budgetList().length;
        },
        rows: () => budgetList(),
      },
      {
        key: 'findings',
        name: t('sheet.findings'),
        columns: [col('severity', 9), col('rule', 30), col('sheet', 14), col('cell', 8), col('message', 70), col('expected', 12), col('found', 12)],
        rowCount: findings.length,
        rows: () => findingRows(findings, t),
      },
    ],
  };
}
