/**
 * Budget tables: per project the amount of the year, the previous year's amount, the change (前年度比) computed
 * and as stated, 財源 and 継続/新規, and the findings of the budget rules.
 */
import { columnLetters, parseAddress, type SheetGrid } from '../grid';
import type { ParsedValue } from '../values/types';
import { parseCell, parseBudgetLine, unitFromHeader } from '../values';
import type { BudgetProjectMapping, BudgetTableMapping } from '../schema/mapping';
import { finding, type RawFinding } from '../findings';
import { difference, sum } from './ratio';
import { cellAt, cellText, pushValueFindings, resolveYear, type YearContext } from './cells';
import { normalizeSource } from './sources';
import { ParseCache } from '../values/parseCache';

export type Continuation = 'continuing' | 'new';

export interface BudgetCells {
  readonly amount: string | null;
  readonly previousAmount: string | null;
  readonly change: string | null;
}

export interface Budget {
  readonly sheet: string;
  readonly table: number;
  readonly name: string;
  readonly source: string | null;
  readonly continuation: Continuation | null;
  readonly unit: string | null;
  readonly fy: number | null;
  readonly amount: number | null;
  readonly previousFy: number | null;
  readonly previousAmount: number | null;
  readonly change: number | null;
  readonly statedChange: number | null;
  readonly cells: BudgetCells & { readonly name: string; readonly source: string | null };
}

export interface BudgetTableResult {
  readonly budgets: Budget[];
  readonly findings: RawFinding[];
}

export interface BudgetOptions {
  /** The year of a project whose mapping names none (the report year). */
  readonly defaultFy: number | null;
  /** Allowed difference between a stated and a computed figure, in display units. */
  readonly tolerance: number;
}

/** The projects of a table: the template repeated `count` times, `rowStep` rows apart (addresses parsed once). */
export function expandProjects(m: BudgetTableMapping): BudgetProjectMapping[] {
  const count = m.repeat?.count ?? 1;
  const step = m.repeat?.rowStep ?? 0;
  const templates = m.projects.map((p) =>
    Object.entries(p).map(([key, v]) => {
      const ref = typeof v === 'string' ? parseAddress(v) : null;
      return { key, v, letters: ref ? columnLetters(ref.col) : '', row: ref ? ref.row : 0 };
    }),
  );
  const out: BudgetProjectMapping[] = [];
  for (let k = 0; k < count; k++) {
    for (const fields of templates) {
      const p: Record<string, unknown> = {};
      for (const f of fields) p[f.key] = f.row > 0 ? f.letters + (f.row + k * step) : f.v;
      out.push(p as BudgetProjectMapping);
    }
  }
  return out;
}

function numberOf(v: ParsedValue): number | null {
  return v.kind === 'quantity' ? v.value : null;
}

function continuationOf(text: string): Continuation | null {
  const t = text.trim();
  if (t.includes('新規')) return 'new';
  if (t.includes('継続')) return 'continuing';
  return null;
}

export function evaluateBudgetTable(sheet: SheetGrid, m: BudgetTableMapping, tableIndex: number, ctx: YearContext, opts: BudgetOptions): BudgetTableResult {
  const findings: RawFinding[] = [];
  const headerUnit = m.unitHeader ? unitFromHeader(cellText(sheet, m.unitHeader)) : null;
  const tableUnit = m.unit ?? headerUnit;
  const cache = ctx.cache ?? new ParseCache();

  const readAmount = (address: string | undefined, role: string): { value: number | null; parsed: ParsedValue | null; unit: string | null } => {
    if (address === undefined) return { value: null, parsed: null, unit: null };
    const parsed = cache.parse(cellAt(sheet, address), tableUnit ?? null);
    pushValueFindings(findings, parsed, sheet.name, address, role);
    return { value: numberOf(parsed), parsed, unit: parsed.kind === 'quantity' ? parsed.unit : null };
  };

  // Blocks repeat the same few texts (令和6年度, 県, 継続): each is read once.
  const sources = new Map<string, ReturnType<typeof normalizeSource>>();
  const years = new Map<string, number | null>();
  const yearOf = (fy: number | string | undefined, fallback: number | null): number | null => {
    if (fy === undefined) return fallback;
    if (typeof fy === 'number') return fy;
    const text = cellText(sheet, fy);
    const known = years.get(text);
    if (known !== undefined) return known;
    const found = resolveYear(sheet, fy, ctx, findings);
    // A header that could not be read is a finding at each of its cells: cache only what was read.
    if (found !== null) years.set(text, found);
    return found;
  };

  const budgets = expandProjects(m).map((p): Budget => {
    const name = cellText(sheet, p.name).trim();
    const sourceText = p.source ? cellText(sheet, p.source).trim() : '';
    let source: ReturnType<typeof normalizeSource> | null = null;
    if (sourceText !== '') {
      source = sources.get(sourceText) ?? normalizeSource(sourceText);
      sources.set(sourceText, source);
    }
    if (source !== null && !source.known && p.source) {
      findings.push(finding('budget.source-unknown', sheet.name, p.source, source.text, source.suggestion, { suggestion: source.suggestion ? `（「${source.suggestion}」の誤りでは？）` : '' }));
    }
    const continuation = p.continuation ? continuationOf(cellText(sheet, p.continuation)) : null;

    let fy = yearOf(p.fy, opts.defaultFy);
    let previousFy = yearOf(p.previousFy, null);
    let amount: number | null;
    let previousAmount: number | null;
    let unit: string | null;
    let statedChange: number | null = null;
    let cells: BudgetCells;

    if (p.line !== undefined) {
      const text = cellText(sheet, p.line);
      const line = parseBudgetLine(text, { era: ctx.era });
      if (!line) {
        findings.push(finding('value.unparseable', sheet.name, p.line, text.slice(0, 60), null, { role: 'budgetLine', reason: 'unrecognized', text: text.slice(0, 60) }));
      }
      fy = line?.current.fy ?? fy;
      previousFy = line?.previous?.fy ?? previousFy;
      amount = line?.current.amount ?? null;
      previousAmount = line?.previous?.amount ?? null;
      unit = line?.unit ?? tableUnit;
      cells = { amount: p.line, previousAmount: p.line, change: null };
    } else {
      const a = readAmount(p.amount, 'amount');
      const prev = readAmount(p.previousAmount, 'previousAmount');
      const stated = readAmount(p.statedChange, 'statedChange');
      amount = a.value;
      previousAmount = prev.value;
      statedChange = stated.value;
      unit = tableUnit ?? a.unit;
      cells = { amount: p.amount ?? null, previousAmount: p.previousAmount ?? null, change: p.statedChange ?? null };
    }
    if (previousFy === null && fy !== null) previousFy = fy - 1;

    // A new project has no previous amount: its change is its whole amount, as the sheets write it.
    const change = amount === null ? null : difference(amount, previousAmount ?? 0);
    if (statedChange !== null && change !== null && Math.abs(difference(statedChange, change)) > opts.tolerance) {
      findings.push(finding('budget.change-mismatch', sheet.name, cells.change, statedChange, change));
    }
    if (continuation === 'new' && previousAmount !== null && previousAmount !== 0) {
      findings.push(finding('budget.new-with-previous', sheet.name, cells.previousAmount, previousAmount));
    }
    return {
      sheet: sheet.name,
      table: tableIndex,
      name,
      source: source?.text ?? null,
      continuation,
      unit,
      fy,
      amount,
      previousFy,
      previousAmount,
      change,
      statedChange,
      cells: { ...cells, name: p.name, source: p.source ?? null },
    };
  });

  if (m.total) checkTotals(sheet, m, budgets, opts, findings);
  return { budgets, findings };
}

/** A 合計 row must equal the sum of the projects, within the rounding of each amount to its display unit. */
function checkTotals(sheet: SheetGrid, m: BudgetTableMapping, budgets: readonly Budget[], opts: BudgetOptions, findings: RawFinding[]): void {
  const tolerance = Math.max(opts.tolerance, budgets.length * 0.5);
  const check = (address: string | undefined, values: (number | null)[]): void => {
    if (address === undefined) return;
    const v = parseCell(cellAt(sheet, address));
    if (v.kind !== 'quantity') return;
    const expected = sum(values.filter((x): x is number => x !== null));
    if (Math.abs(difference(v.value, expected)) > tolerance) findings.push(finding('budget.total-mismatch', sheet.name, address, v.value, expected));
  };
  check(m.total?.amount, budgets.map((b) => b.amount));
  check(m.total?.previousAmount, budgets.map((b) => b.previousAmount));
  check(m.total?.change, budgets.map((b) => b.change));
}
