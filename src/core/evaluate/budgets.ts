/**
 * Budget tables: per project the amount of the year, the previous year's amount, the change (前年度比) computed
 * and as stated, 財源 and 継続/新規, and the findings of the budget rules.
 */
import { cellAddress, columnLetters, parseAddress, type SheetGrid } from '../grid';
import type { ParsedValue } from '../values/types';
import { parseCell, parseBudgetLine, unitFromHeader } from '../values';
import type { BudgetProjectMapping, BudgetTableMapping } from '../schema/mapping';
import { finding, type RawFinding } from '../findings';
import { difference, sum } from './ratio';
import { cellAt, cellText, pushValueFindings, resolveYear, textOf, type YearContext } from './cells';
import { normalizeSource, type Source } from './sources';
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

/** A cell of a project template: its column and its row in the first block (col 0: the template has no such cell). */
interface TemplateCell {
  readonly col: number;
  readonly row: number;
}

const NO_CELL: TemplateCell = Object.freeze({ col: 0, row: 0 });
const templateCell = (address: string | undefined): TemplateCell => (address === undefined ? NO_CELL : (parseAddress(address) ?? NO_CELL));

/**
 * A project template with its addresses read once: block k reads the same cells `k × rowStep` rows down. A
 * workbook may hold thousands of blocks, and none of their addresses is written out unless it is shown.
 */
function compileTemplate(p: BudgetProjectMapping) {
  const fyCell = (fy: number | string | undefined) => (typeof fy === 'string' ? templateCell(fy) : NO_CELL);
  return {
    p,
    name: templateCell(p.name),
    source: templateCell(p.source),
    continuation: templateCell(p.continuation),
    fy: fyCell(p.fy),
    previousFy: fyCell(p.previousFy),
    amount: templateCell(p.amount),
    previousAmount: templateCell(p.previousAmount),
    statedChange: templateCell(p.statedChange),
    line: templateCell(p.line),
  };
}

type ProjectTemplate = ReturnType<typeof compileTemplate>;

export function evaluateBudgetTable(sheet: SheetGrid, m: BudgetTableMapping, tableIndex: number, ctx: YearContext, opts: BudgetOptions): BudgetTableResult {
  const headerUnit = m.unitHeader ? unitFromHeader(cellText(sheet, m.unitHeader)) : null;
  const reader = new BlockReader(sheet, tableIndex, m.unit ?? headerUnit, ctx, opts);
  const count = m.repeat?.count ?? 1;
  const step = m.repeat?.rowStep ?? 0;
  const templates = m.projects.map(compileTemplate);
  const budgets: Budget[] = [];
  for (let k = 0; k < count; k++) for (const t of templates) budgets.push(reader.project(t, k * step));
  if (m.total) checkTotals(sheet, m, budgets, opts, reader.findings);
  return { budgets, findings: reader.findings };
}

/**
 * Reads the projects of one table, block by block. A method per project (rather than one long loop) so that the
 * engine optimises it after a few blocks of the thousands a plan may hold.
 */
class BlockReader {
  readonly findings: RawFinding[] = [];
  private readonly cache: ParseCache;
  // Blocks repeat the same few texts (令和6年度, 県, 継続): each is read once.
  private readonly sources = new Map<string, Source>();
  private readonly years = new Map<string, number | null>();

  constructor(
    private readonly sheet: SheetGrid,
    private readonly tableIndex: number,
    private readonly tableUnit: string | null,
    private readonly ctx: YearContext,
    private readonly opts: BudgetOptions,
  ) {
    this.cache = ctx.cache ?? new ParseCache();
  }

  /** The project of template `t` in the block `shift` rows down. */
  project(t: ProjectTemplate, shift: number): Budget {
    const p = t.p;
    const sheet = this.sheet;
    const findings = this.findings;
    const nameCell = this.addressOf(t.name, shift)!;
    const sourceCell = this.addressOf(t.source, shift);
    const name = this.textAt(t.name, shift).trim();
    const source = sourceCell !== null ? this.sourceOf(this.textAt(t.source, shift).trim()) : null;
    if (source !== null && !source.known && sourceCell !== null) {
      findings.push(finding('budget.source-unknown', sheet.name, sourceCell, source.text, source.suggestion, { suggestion: source.suggestion ? `（「${source.suggestion}」の誤りでは？）` : '' }));
    }
    const continuation = t.continuation.col !== 0 ? continuationOf(this.textAt(t.continuation, shift)) : null;

    let fy = this.yearOf(p.fy, t.fy, shift, this.opts.defaultFy);
    let previousFy = this.yearOf(p.previousFy, t.previousFy, shift, null);
    let amount: number | null;
    let previousAmount: number | null;
    let unit: string | null;
    let statedChange: number | null = null;
    let amountCell: string | null;
    let previousAmountCell: string | null;
    let changeCell: string | null;

    if (t.line.col !== 0) {
      const lineCell = this.addressOf(t.line, shift)!;
      const text = this.textAt(t.line, shift);
      const line = parseBudgetLine(text, { era: this.ctx.era });
      if (!line) {
        findings.push(finding('value.unparseable', sheet.name, lineCell, text.slice(0, 60), null, { role: 'budgetLine', reason: 'unrecognized', text: text.slice(0, 60) }));
      }
      fy = line?.current.fy ?? fy;
      previousFy = line?.previous?.fy ?? previousFy;
      amount = line?.current.amount ?? null;
      previousAmount = line?.previous?.amount ?? null;
      unit = line?.unit ?? this.tableUnit;
      amountCell = lineCell;
      previousAmountCell = lineCell;
      changeCell = null;
    } else {
      const a = this.readAmount(t.amount, shift, 'amount');
      const prev = this.readAmount(t.previousAmount, shift, 'previousAmount');
      const stated = this.readAmount(t.statedChange, shift, 'statedChange');
      amount = a === null ? null : numberOf(a);
      previousAmount = prev === null ? null : numberOf(prev);
      statedChange = stated === null ? null : numberOf(stated);
      unit = this.tableUnit ?? (a !== null && a.kind === 'quantity' ? a.unit : null);
      amountCell = this.addressOf(t.amount, shift);
      previousAmountCell = this.addressOf(t.previousAmount, shift);
      changeCell = this.addressOf(t.statedChange, shift);
    }
    if (previousFy === null && fy !== null) previousFy = fy - 1;

    // A new project has no previous amount: its change is its whole amount, as the sheets write it.
    const change = amount === null ? null : difference(amount, previousAmount ?? 0);
    if (statedChange !== null && change !== null && Math.abs(difference(statedChange, change)) > this.opts.tolerance) {
      findings.push(finding('budget.change-mismatch', sheet.name, changeCell, statedChange, change));
    }
    if (continuation === 'new' && previousAmount !== null && previousAmount !== 0) {
      findings.push(finding('budget.new-with-previous', sheet.name, previousAmountCell, previousAmount));
    }
    return {
      sheet: sheet.name,
      table: this.tableIndex,
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
      cells: { amount: amountCell, previousAmount: previousAmountCell, change: changeCell, name: nameCell, source: sourceCell },
    };
  }

  /** The cell of a template in the block `shift` rows down, as the report names it (or null: no such cell). */
  private addressOf(c: TemplateCell, shift: number): string | null {
    return c.col === 0 ? null : cellAddress(c.col, c.row + shift);
  }

  private textAt(c: TemplateCell, shift: number): string {
    return textOf(this.sheet.cell(c.row + shift, c.col));
  }

  private sourceOf(text: string): Source | null {
    if (text === '') return null;
    let source = this.sources.get(text);
    if (source === undefined) this.sources.set(text, (source = normalizeSource(text)));
    return source;
  }

  private readAmount(c: TemplateCell, shift: number, role: string): ParsedValue | null {
    if (c.col === 0) return null;
    const parsed = this.cache.parse(this.sheet.cell(c.row + shift, c.col), this.tableUnit);
    if (parsed.kind === 'invalid') pushValueFindings(this.findings, parsed, this.sheet.name, this.addressOf(c, shift)!, role);
    return parsed;
  }

  private yearOf(fy: number | string | undefined, c: TemplateCell, shift: number, fallback: number | null): number | null {
    if (fy === undefined) return fallback;
    if (typeof fy === 'number') return fy;
    const text = this.textAt(c, shift);
    const known = this.years.get(text);
    if (known !== undefined) return known;
    const found = resolveYear(this.sheet, this.addressOf(c, shift)!, this.ctx, this.findings);
    // A header that could not be read is a finding at each of its cells: cache only what was read.
    if (found !== null) this.years.set(text, found);
    return found;
  }
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
