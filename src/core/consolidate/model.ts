/**
 * The consolidated summary of many submissions: one row per file, one per indicator and year across all files,
 * every budget line with totals per 財源 and per fiscal year, and every finding. Each row keeps the file, sheet
 * and cell it came from. Rows of different files are never merged: a sheet name shared by two files, the same
 * file sent twice, files of different years all stay as they are, with a note in the file's row.
 */
import type { Budget } from '../evaluate/budgets';
import { difference, ratioAt, sum } from '../evaluate/ratio';
import { totalsOf, type FileReport, type Finding } from '../report';
import { translator, type Lang, type Translate } from '../i18n';
import { AMOUNT_FORMAT, NUMBER_FORMAT, PERCENT_FORMAT, RATIO_FORMAT, type SummaryColumn, type SummaryValue } from '../summary/model';
import { STYLES, type StyleKey } from '../summary/styles';
import { batchNotes } from './notes';
import type { BudgetTotal, ConsolidatedCell, ConsolidatedModel, ConsolidatedSheet, FileStatus, FileSummary, SourceRef, Submission } from './types';

const NULL_CELL: ConsolidatedCell = Object.freeze({ value: null });

const plain = (value: SummaryValue, numFmt?: string): ConsolidatedCell => (value === null ? NULL_CELL : numFmt === undefined ? { value } : { value, numFmt });

/** A value linked to the cell it came from (no link for an empty value or an unknown cell). */
function from(value: SummaryValue, file: string, sheet: string, cell: string | null, numFmt?: string): ConsolidatedCell {
  if (cell === null || value === null) return plain(value, numFmt);
  const source: SourceRef = { file, sheet, cell };
  return numFmt === undefined ? { value, source } : { value, numFmt, source };
}

/** A file in one word: unreadable, with errors, with warnings, or fine. */
export function fileStatus(f: FileReport): FileStatus {
  if (f.error) return 'failed';
  if (f.findings.some((x) => x.severity === 'error')) return 'errors';
  return f.findings.some((x) => x.severity === 'warning') ? 'warnings' : 'ok';
}

const STATUS_STYLE: Record<FileStatus, StyleKey | undefined> = { failed: 'severity.error', errors: 'severity.error', warnings: 'severity.warning', ok: 'status.met' };

/** Change as a fraction of the previous amount, in decimal; none for a new project or a zero base. */
function changeRate(change: number | null, previous: number | null): number | null {
  if (change === null || previous === null || previous === 0) return null;
  const r = ratioAt(Math.abs(change), Math.abs(previous), 'ratio', null, 4);
  return r === null ? null : change < 0 !== previous < 0 ? -r : r;
}

/** Totals per 財源 within each unit and fiscal year, each year followed by its own total. */
export function budgetTotals(reports: readonly FileReport[]): BudgetTotal[] {
  type Group = { unit: string | null; fy: number | null; source: string | null; budgets: Budget[]; files: Set<number> };
  const byYear = new Map<string, { unit: string | null; fy: number | null; sources: Map<string, Group>; all: Group }>();
  reports.forEach((r, i) => {
    for (const b of r.budgets) {
      const yearKey = `${b.unit ?? ''}\u0000${b.fy ?? ''}`;
      let year = byYear.get(yearKey);
      if (!year) byYear.set(yearKey, (year = { unit: b.unit, fy: b.fy, sources: new Map(), all: { unit: b.unit, fy: b.fy, source: null, budgets: [], files: new Set() } }));
      const sourceKey = b.source ?? '\u0000';
      let g = year.sources.get(sourceKey);
      if (!g) year.sources.set(sourceKey, (g = { unit: b.unit, fy: b.fy, source: b.source, budgets: [], files: new Set() }));
      g.budgets.push(b);
      g.files.add(i);
      year.all.budgets.push(b);
      year.all.files.add(i);
    }
  });
  const total = (kind: BudgetTotal['kind'], g: Group): BudgetTotal => {
    const amount = sum(g.budgets.map((b) => b.amount ?? 0));
    const previousAmount = sum(g.budgets.map((b) => b.previousAmount ?? 0));
    return { kind, unit: g.unit, fy: g.fy, source: kind === 'fy' ? null : g.source, projects: g.budgets.length, files: g.files.size, amount, previousAmount, change: difference(amount, previousAmount) };
  };
  const units = [...new Set([...byYear.values()].map((y) => y.unit))];
  const years = [...byYear.values()].sort((a, b) => units.indexOf(a.unit) - units.indexOf(b.unit) || (a.fy ?? Infinity) - (b.fy ?? Infinity));
  const out: BudgetTotal[] = [];
  for (const y of years) {
    // Sources in the order of the Japanese syllabary; a line with no 財源 last.
    const sources = [...y.sources.values()].sort((a, b) => (a.source === null ? 1 : b.source === null ? -1 : a.source.localeCompare(b.source, 'ja')));
    for (const g of sources) out.push(total('source', g));
    out.push(total('fy', y.all));
  }
  return out;
}

function fileSummaries(subs: readonly Submission[], t: Translate, sep: string): FileSummary[] {
  const notes = batchNotes(subs, t, sep);
  return subs.map((s, i) => ({
    file: s.report.file,
    hash: s.hash,
    status: fileStatus(s.report),
    error: s.report.error,
    reportFy: s.report.reportFy,
    tables: s.report.tables.length,
    totals: totalsOf([s.report]),
    notes: notes[i]!,
  }));
}

function* fileRows(files: readonly FileSummary[], t: Translate): Generator<ConsolidatedCell[]> {
  const status = (s: FileStatus): ConsolidatedCell => {
    const style = STATUS_STYLE[s];
    return style ? { value: t(`batch.fileStatus.${s}`), style } : { value: t(`batch.fileStatus.${s}`) };
  };
  for (const f of files) {
    const n = f.totals;
    yield [
      { value: f.file, source: { file: f.file, sheet: null, cell: null } },
      status(f.status),
      plain(f.reportFy),
      plain(f.tables),
      plain(n.indicators),
      plain(n.points),
      plain(n.met),
      plain(n.nearly),
      plain(n.gap),
      plain(n.pending),
      plain(n.noTarget),
      plain(n.budgets),
      plain(n.errors),
      plain(n.warnings),
      plain(n.infos),
      plain(f.error?.code ?? null),
      plain(f.error?.message ?? null),
      plain(f.notes.length > 0 ? f.notes.map((x) => x.message).join('\n') : null),
      plain(f.hash),
    ];
  }
}

/** The file a row comes from, as text: the row's link is on its cell (one link a row keeps Excel's limits far). */
function fileCell(file: string): ConsolidatedCell {
  return { value: file };
}

/**
 * One row per evaluated indicator and year (a point: target, actual, ratio, status). Targets of later years
 * (計画) are not rows here: a folder of 工程表 holds several times more of them than points, and they stay in each
 * file's checked copy and report (plannedTargets).
 */
function* achievementRows(reports: readonly FileReport[], t: Translate): Generator<ConsolidatedCell[]> {
  const status = (s: string): ConsolidatedCell => Object.freeze({ value: t(`status.${s}`), style: `status.${s}` as StyleKey });
  const words = {
    met: status('met'), nearly: status('nearly'), gap: status('gap'), pending: status('pending'), noTarget: status('noTarget'),
    atLeast: Object.freeze(plain(t('qualifier.atLeast'))), atMost: Object.freeze(plain(t('qualifier.atMost'))),
  };
  for (const r of reports) {
    const file = fileCell(r.file);
    for (const ind of r.indicators) {
      const sheet = plain(ind.sheet);
      const name = plain(ind.name);
      const unit = plain(ind.unit);
      for (const p of ind.points) {
        const cell = p.cells.actual ?? p.cells.target;
        yield [
          file, sheet, name, unit, plain(p.fy),
          plain(p.target, NUMBER_FORMAT),
          p.targetQualifier ? words[p.targetQualifier] : NULL_CELL,
          plain(p.actual, NUMBER_FORMAT),
          plain(p.ratio, RATIO_FORMAT),
          words[p.status],
          plain(p.statedRatio, RATIO_FORMAT),
          from(cell, r.file, ind.sheet, cell),
        ];
      }
    }
  }
}

function* budgetRows(reports: readonly FileReport[], t: Translate): Generator<ConsolidatedCell[]> {
  const continuation = { continuing: Object.freeze(plain(t('continuation.continuing'))), new: Object.freeze(plain(t('continuation.new'))) };
  for (const r of reports) {
    const file = fileCell(r.file);
    for (const b of r.budgets) {
      yield [
        file,
        plain(b.sheet),
        from(b.name, r.file, b.sheet, b.cells.name),
        from(b.source, r.file, b.sheet, b.cells.source),
        b.continuation ? continuation[b.continuation] : NULL_CELL,
        plain(b.fy),
        from(b.amount, r.file, b.sheet, b.cells.amount, AMOUNT_FORMAT),
        plain(b.previousFy),
        from(b.previousAmount, r.file, b.sheet, b.cells.previousAmount, AMOUNT_FORMAT),
        plain(b.change, AMOUNT_FORMAT),
        plain(changeRate(b.change, b.previousAmount), PERCENT_FORMAT),
        from(b.statedChange, r.file, b.sheet, b.cells.change, AMOUNT_FORMAT),
        plain(b.unit),
      ];
    }
  }
}

function budgetTotalRows(totals: readonly BudgetTotal[], duplicates: number, t: Translate): ConsolidatedCell[][] {
  const rows: ConsolidatedCell[][] = totals.map((x) => {
    const bold = x.kind === 'fy' ? ('total' as const) : undefined;
    const num = (v: number, numFmt: string): ConsolidatedCell => (bold ? { value: v, numFmt, style: bold } : { value: v, numFmt });
    const label = x.kind === 'fy' ? (x.fy === null ? t('batch.total.noFy') : t('batch.total.fy', { fy: x.fy })) : (x.source ?? t('summary.noSource'));
    return [
      plain(x.fy),
      bold ? { value: label, style: bold } : plain(label),
      plain(x.unit),
      plain(x.projects),
      plain(x.files),
      num(x.amount, AMOUNT_FORMAT),
      num(x.previousAmount, AMOUNT_FORMAT),
      num(x.change, AMOUNT_FORMAT),
      plain(changeRate(x.change, x.previousAmount), PERCENT_FORMAT),
    ];
  });
  if (duplicates > 0 && rows.length > 0) rows.push([], [plain(null), { value: t('batch.note.totalsWithDuplicates', { count: duplicates }), style: 'severity.warning' }]);
  return rows;
}

function* findingRows(reports: readonly FileReport[], t: Translate): Generator<ConsolidatedCell[]> {
  const severity = {
    error: Object.freeze({ value: t('severity.error'), style: 'severity.error' as StyleKey }),
    warning: Object.freeze({ value: t('severity.warning'), style: 'severity.warning' as StyleKey }),
    info: Object.freeze({ value: t('severity.info'), style: 'severity.info' as StyleKey }),
  };
  const value = (v: Finding['expected']): ConsolidatedCell => plain(v, typeof v === 'number' ? NUMBER_FORMAT : undefined);
  for (const r of reports) {
    const file = fileCell(r.file);
    for (const f of r.findings) {
      yield [
        file,
        severity[f.severity],
        plain(f.rule),
        plain(f.sheet),
        f.sheet !== null && f.cell !== null ? from(f.cell, r.file, f.sheet, f.cell) : plain(f.cell),
        plain(f.message),
        value(f.expected),
        value(f.found),
      ];
    }
  }
}

/** The consolidated summary of the submissions, in their order, with labels in one language. */
export function consolidate(subs: readonly Submission[], lang: Lang = 'ja'): ConsolidatedModel {
  const t = translator(lang);
  const sep = lang === 'ja' ? '、' : ', ';
  const reports = subs.map((s) => s.report);
  const files = fileSummaries(subs, t, sep);
  const totals = totalsOf(reports);
  const money = budgetTotals(reports);
  const duplicates = files.filter((f) => f.notes.some((n) => n.code === 'duplicate')).length;
  const col = (key: string, width: number): SummaryColumn => ({ header: t(key), width });
  const count = (pick: (r: FileReport) => number) => reports.reduce((n, r) => n + pick(r), 0);
  let totalRows: ConsolidatedCell[][] | null = null;
  const totalList = () => (totalRows ??= budgetTotalRows(money, duplicates, t));

  const sheets: ConsolidatedSheet[] = [
    {
      key: 'files',
      name: t('batch.sheet.files'),
      columns: [
        col('col.file', 36), col('batch.col.status', 12), col('batch.col.reportFy', 9), col('batch.col.tables', 6), col('batch.col.indicators', 7),
        col('batch.col.points', 7), col('status.met', 7), col('status.nearly', 8), col('status.gap', 8), col('status.pending', 8), col('status.noTarget', 8),
        col('batch.col.budgets', 8), col('batch.col.errors', 7), col('batch.col.warnings', 7), col('batch.col.infos', 7),
        col('batch.col.errorCode', 12), col('batch.col.reason', 50), col('batch.col.notes', 60), col('batch.col.hash', 20),
      ],
      rowCount: files.length,
      rows: () => fileRows(files, t),
    },
    {
      key: 'achievement',
      name: t('batch.sheet.achievement'),
      columns: [
        col('col.file', 28), col('col.sheet', 14), col('col.name', 48), col('col.unit', 8), col('col.fy', 8), col('col.target', 12), col('col.qualifier', 8),
        col('col.actual', 12), col('col.ratio', 9), col('col.status', 11), col('col.statedRatio', 12), col('col.link', 10),
      ],
      rowCount: count((r) => r.indicators.reduce((n, i) => n + i.points.length, 0)),
      rows: () => achievementRows(reports, t),
    },
    {
      key: 'budget',
      name: t('batch.sheet.budget'),
      columns: [
        col('col.file', 28), col('col.sheet', 14), col('col.project', 40), col('col.source', 10), col('col.continuation', 10), col('col.fy', 8), col('col.amount', 13),
        col('col.previousFy', 8), col('col.previousAmount', 13), col('col.change', 12), col('col.changePct', 10), col('col.statedChange', 13), col('col.unit', 8),
      ],
      rowCount: totals.budgets,
      rows: () => budgetRows(reports, t),
    },
    {
      key: 'budgetTotals',
      name: t('batch.sheet.budgetTotals'),
      columns: [
        col('col.fy', 8), col('col.source', 16), col('col.unit', 8), col('batch.col.projects', 8), col('batch.col.files', 9),
        col('col.amount', 14), col('col.previousAmount', 14), col('col.change', 13), col('col.changePct', 10),
      ],
      get rowCount() {
        return totalList().length;
      },
      rows: () => totalList(),
    },
    {
      key: 'findings',
      name: t('batch.sheet.findings'),
      columns: [col('col.file', 28), col('col.severity', 9), col('col.rule', 30), col('col.sheet', 14), col('col.cell', 8), col('col.message', 70), col('col.expected', 12), col('col.found', 12)],
      rowCount: count((r) => r.findings.length),
      rows: () => findingRows(reports, t),
    },
  ];
  return { files, totals, budgetTotals: money, duplicates, sheets, styles: STYLES };
}
