/**
 * A first mapping for a range the user selected and called an indicator or a budget table: which row holds the
 * years, which the roles (現状値 / 目標値 実績値 / 目標達成状況), which rows are targets and which actuals, or how the
 * budget blocks repeat. The user confirms or corrects it in the task pane; nothing here guesses a number.
 */
import { columnLetters, formatAddress, formatRange, type CellRange, type SheetGrid } from './grid';
import { parseFiscalYear } from './fiscalYear';
import { parseBudgetLine } from './values';
import type { BudgetTableMapping, Era, IndicatorTableMapping } from './schema/mapping';
import { textOf } from './evaluate/cells';
import { TAG, tagsOf } from './detect/words';
import { yearOfHeader } from './detect/scan';

export interface Proposal<T> {
  readonly table: T;
  /** What the proposal rests on, for the user to check (header words found, layout seen). */
  readonly reasons: string[];
  /** Parts the user must fill in or confirm (e.g. a year that no header names). */
  readonly unsure: string[];
}

const text = (sheet: SheetGrid, row: number, col: number): string => textOf(sheet.cell(row, col)).trim();
const fold = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');

// Roles are read from the header words (目標値, 実績値, 現状値, 目標達成状況; Target, Actual, Baseline, Achievement).
type Matcher = { test(t: string): boolean };
const roleTest = (tag: number): Matcher => ({ test: (t: string): boolean => (tagsOf(t) & tag) !== 0 });
const TARGET = roleTest(TAG.target);
const ACTUAL = roleTest(TAG.actual);
const BASELINE = roleTest(TAG.baseline);
const STATED = roleTest(TAG.stated);
const CATEGORY = roleTest(TAG.category);

/** What the caller (table detection) already knows about the range. */
export interface IndicatorHints {
  /** The column of the names, when it is not the range's first (活動指標 with a leading 基本事業 column). */
  readonly nameColumn?: number;
  /** Known to be a two-row table (names merged over two rows, counted while the table's extent was read). */
  readonly twoRow?: boolean;
  /** The first rows of its indicators, when every data row is in a regular block (read while its extent was). */
  readonly blocks?: readonly number[];
  /** Rows per indicator in those blocks: 2 in a two-row table, 1 in the others. */
  readonly blockStep?: 1 | 2;
}

interface YearHead {
  col: number;
  fy: number;
  era: Era | 'western';
  address: string;
  /** false when only detection reads the header (FY2020): the mapping then names the year as a number. */
  engineReadable: boolean;
  /** The header names no era (２年度): its era came from the context. */
  eraLess: boolean;
}

/** Fiscal years named across a header row, the era of one carried to the era-less ones after it. */
function yearsOfRow(sheet: SheetGrid, row: number, r: CellRange, era: Era | null): YearHead[] {
  const out: YearHead[] = [];
  let current: Era | null = era;
  for (let c = r.left; c <= r.right; c++) {
    // The other cells of a merged header read as its first: count the header once, at its first column.
    const area = sheet.mergedArea(row, c);
    if (area && area.left !== c) continue;
    const v = sheet.cell(row, c);
    const input = v.kind === 'number' ? v.value : textOf(v);
    if (input === '') continue;
    const fy = parseFiscalYear(input, { era: current });
    if (fy) {
      if (fy.era !== 'western') current = fy.era;
      const eraLess = typeof input === 'string' && fy.era !== 'western' && parseFiscalYear(input) === null;
      out.push({ col: c, fy: fy.fy, era: fy.era, address: formatAddress({ row, col: c }), engineReadable: true, eraLess });
    } else if (typeof input === 'string') {
      const h = yearOfHeader('text', input.trim(), null); // FY2020: a year the engine does not read by itself
      if (h && h.fy !== null && !h.engineReadable) out.push({ col: c, fy: h.fy, era: 'western', address: formatAddress({ row, col: c }), engineReadable: false, eraLess: false });
    }
  }
  return out;
}

/** The era of the sheet's title rows, for headers such as ２年度 below a 令和 title. */
function eraAbove(sheet: SheetGrid, r: CellRange): Era | null {
  for (let row = r.top; row >= Math.max(1, r.top - 6); row--) {
    for (let c = 1; c <= Math.max(r.right, 8); c++) {
      const p = parseFiscalYear(text(sheet, row, c));
      if (p && p.era !== 'western') return p.era;
    }
  }
  return null;
}

export function proposeIndicatorTable(sheet: SheetGrid, r: CellRange, hints: IndicatorHints = {}): Proposal<IndicatorTableMapping> {
  const reasons: string[] = [];
  const unsure: string[] = [];
  const era = eraAbove(sheet, r);
  const nameCol = hints.nameColumn !== undefined && hints.nameColumn >= r.left && hints.nameColumn < r.right ? hints.nameColumn : r.left;
  // The header row is the first one naming a year; the rows of a column layout name none (項目 | 目標 | 実績).
  let yearRow = -1;
  let years: YearHead[] = [];
  for (let row = r.top; row <= Math.min(r.bottom, r.top + 3); row++) {
    const ys = yearsOfRow(sheet, row, r, era);
    if (ys.length > 0) {
      yearRow = row;
      years = ys;
      break;
    }
  }
  // A 区分 column (目標 / 実績 written on each row) makes a two-row table whose roles are in the rows themselves.
  const categoryCol = findColumn(sheet, r, yearRow >= 0 ? yearRow : r.top, CATEGORY);
  // A roles row (目標値 / 実績値 …) right below the years, or the header row itself in a column layout.
  const rolesRow =
    categoryCol !== null ? undefined : [yearRow + 1, yearRow, r.top].find((row) => row >= r.top && row <= r.bottom && rowHasRoles(sheet, row, r, nameCol, row === yearRow));
  const firstData = yearRow < 0 && rolesRow === undefined ? r.top : Math.max(yearRow, rolesRow ?? -1) + 1;
  reasons.push(`nameColumn ${columnLetters(nameCol)}`);

  type Col = { target?: string; actual?: string; stated?: string };
  const yearsOut: (Col & { fy: number | string })[] = [];
  // The mapping names a year by its header cell, which the engine reads; by its number when only we can (FY2020).
  const fyOf = (y: YearHead): number | string => (y.engineReadable ? y.address : y.fy);
  let baseline: IndicatorTableMapping['baseline'];
  let layout: IndicatorTableMapping['layout'];

  const roleOf = (col: number): string => (rolesRow === undefined ? '' : fold(text(sheet, rolesRow, col)));
  const yearOfCol = (col: number): YearHead | undefined => {
    // A year header may be merged over its columns (２年度 over 目標値 and 目標達成状況): the merged cell names it.
    const exact = years.find((y) => y.col === col);
    if (exact) return exact;
    const area = yearRow > 0 ? sheet.mergedArea(yearRow, col) : null;
    if (area) return years.find((y) => y.col === area.left);
    return [...years].reverse().find((y) => y.col < col);
  };

  const columnLayout = rolesRow !== undefined && categoryCol === null && isColumnLayout(sheet, r, rolesRow, nameCol);
  if (columnLayout) {
    layout = 'columns';
    const fyAbove = years.length === 0 ? yearAbove(sheet, r, era) : null;
    if (years.length === 0 && fyAbove === null) unsure.push('fy');
    for (let c = nameCol + 1; c <= r.right; c++) {
      const role = roleOf(c);
      const head = yearOfCol(c);
      const fy: number | string = (head ? fyOf(head) : undefined) ?? fyAbove?.address ?? 0;
      const last = yearsOut.find((y) => y.fy === fy);
      if (ACTUAL.test(role) && !TARGET.test(role)) {
        if (last) last.actual = columnLetters(c);
        else yearsOut.push({ fy, actual: columnLetters(c) });
      } else if (STATED.test(role)) {
        if (last) last.stated = columnLetters(c);
      } else if (TARGET.test(role)) yearsOut.push({ fy, target: columnLetters(c) });
    }
    reasons.push('layout columns (目標 | 実績 in columns)');
  } else {
    for (const y of years) {
      const cols = [y.col];
      const area = sheet.mergedArea(yearRow, y.col);
      if (area) for (let c = area.left + 1; c <= area.right; c++) cols.push(c);
      for (const c of cols) {
        const role = roleOf(c);
        if (c <= nameCol) continue;
        if (BASELINE.test(role)) {
          baseline = { fy: fyOf(y), column: columnLetters(c) };
          reasons.push(`baseline ${columnLetters(c)} (${role})`);
        } else if (STATED.test(role)) {
          const last = yearsOut.find((e) => e.fy === fyOf(y));
          if (last) last.stated = columnLetters(c);
        } else {
          yearsOut.push({ fy: fyOf(y), target: columnLetters(c), actual: columnLetters(c) });
        }
      }
    }
    // Regular one-row blocks on every row (names on each row, values beside): not a two-row table, no need to count.
    const oneRowKnown = hints.blocks !== undefined && hints.blockStep === 1 && hints.blocks[0] === firstData;
    const twoRow = categoryCol !== null || hints.twoRow === true || (!oneRowKnown && namesEveryOtherRow(sheet, r, firstData, nameCol));
    layout = twoRow ? 'two-row' : 'one-row';
    if (layout === 'one-row') for (const y of yearsOut) delete y.actual;
    reasons.push(categoryCol !== null ? `layout two-row (区分 column ${columnLetters(categoryCol)})` : `layout ${layout}`);
  }
  if (years.length > 0) reasons.push(`years row ${yearRow}: ${years.map((y) => y.fy).join(', ')}`);

  const rows: IndicatorTableMapping['rows'] = [];
  const step = layout === 'two-row' ? 2 : 1;
  const known = categoryCol === null && hints.blocks !== undefined && hints.blockStep === step && hints.blocks[0] === firstData ? hints.blocks : null;
  if (known) for (const row of known) rows.push(layout === 'two-row' ? { target: row, actual: row + 1 } : layout === 'columns' ? { target: row, actual: row } : { target: row });
  else for (let row = firstData; row <= r.bottom; row++) {
    const name = text(sheet, row, nameCol);
    if (layout === 'two-row') {
      const isActualRow = categoryCol !== null ? ACTUAL.test(text(sheet, row, categoryCol)) : false;
      if (name === '' || isActualRow) continue;
      rows.push({ target: row, actual: row + 1 });
      row++;
    } else if (name !== '' && rowHasValues(sheet, row, r, nameCol)) {
      rows.push(layout === 'columns' ? { target: row, actual: row } : { target: row });
    }
  }
  if (rows.length === 0) unsure.push('rows');
  const table: IndicatorTableMapping = {
    kind: 'indicator',
    sheet: sheet.name,
    range: formatRange(r),
    layout,
    nameColumn: columnLetters(nameCol),
    ...(baseline ? { baseline } : {}),
    years: yearsOut.length > 0 ? yearsOut.map((y) => ({ ...y, fy: y.fy === 0 ? 2000 : y.fy })) : [{ fy: 2000 }],
    rows: rows.length > 0 ? rows : [{ target: r.top }],
  };
  if (yearsOut.length === 0 || yearsOut.some((y) => y.fy === 0)) unsure.push('fy');
  // Era-less headers (２年度) read with the era of the context: say it, so the engine reads them the same way.
  const eraLess = years.find((y) => y.eraLess);
  const withEra: IndicatorTableMapping = eraLess && eraLess.era !== 'western' ? { ...table, era: eraLess.era } : table;
  return { table: withEra, reasons, unsure: [...new Set(unsure)] };
}

/** Role words in the cells right of the names (a name such as 計画認定件数 is not a role header). */
function rowHasRoles(sheet: SheetGrid, row: number, r: CellRange, nameCol: number, isYearRow: boolean): boolean {
  let hits = 0;
  for (let c = nameCol + 1; c <= r.right; c++) {
    const t = fold(text(sheet, row, c));
    // Role headers are short words (目標値 実績値, Target); a value such as 3月末実績 or a sentence naming 計画 is data.
    if (t.length > 16 || (!isYearRow && /[0-9]/.test(t))) continue;
    if (TARGET.test(t) || ACTUAL.test(t) || BASELINE.test(t) || STATED.test(t)) hits++;
  }
  return hits > 0;
}

function findColumn(sheet: SheetGrid, r: CellRange, row: number, re: Matcher): number | null {
  if (row < r.top) return null;
  for (let c = r.left; c <= r.right; c++) if (re.test(fold(text(sheet, row, c)))) return c;
  return null;
}

/** 項目 | 目標 | 実績: one header row whose cells after the first are roles, with no year merged over two rows. */
function isColumnLayout(sheet: SheetGrid, r: CellRange, rolesRow: number, nameCol: number): boolean {
  let targets = 0;
  let actuals = 0;
  for (let c = nameCol + 1; c <= r.right; c++) {
    const t = fold(text(sheet, rolesRow, c));
    const both = TARGET.test(t) && ACTUAL.test(t);
    if (both) return false; // 目標値/実績値 in one header: a two-row table
    if (TARGET.test(t)) targets++;
    if (ACTUAL.test(t)) actuals++;
  }
  return targets > 0 && actuals > 0;
}

/** A year in the rows just above the table ("1. 令和5年度 目標・実績" over a 項目 | 目標 | 実績 table). */
function yearAbove(sheet: SheetGrid, r: CellRange, era: Era | null): { address: string } | null {
  for (let row = r.top - 1; row >= Math.max(1, r.top - 2); row--) {
    for (let c = r.left; c <= r.right; c++) {
      const t = text(sheet, row, c);
      if (t && parseFiscalYear(t, { era })) return { address: formatAddress({ row, col: c }) };
    }
  }
  return null;
}

/** Names merged over two rows, or written on every other row: a target row and an actual row per indicator. */
function namesEveryOtherRow(sheet: SheetGrid, r: CellRange, first: number, nameCol: number): boolean {
  let merged = 0;
  let gaps = 0;
  let names = 0;
  for (let row = first; row <= r.bottom; row++) {
    const area = sheet.mergedArea(row, nameCol);
    if (area && area.top === row && area.bottom === row + 1) merged++;
    const name = text(sheet, row, nameCol);
    if (name !== '' && (!area || area.top === row)) {
      names++;
      if (row + 1 <= r.bottom && text(sheet, row + 1, nameCol) === '' && !sheet.mergedArea(row + 1, nameCol) && rowHasValues(sheet, row + 1, r, nameCol)) gaps++;
    }
  }
  return names > 0 && (merged >= names / 2 || gaps >= names / 2);
}

function rowHasValues(sheet: SheetGrid, row: number, r: CellRange, nameCol: number): boolean {
  for (let c = r.left; c <= r.right; c++) if (c !== nameCol && sheet.cell(row, c).kind !== 'empty') return true;
  return false;
}

const BUDGET_HEADER = /事業費|予算額|金額/;

export function proposeBudgetTable(sheet: SheetGrid, r: CellRange): Proposal<BudgetTableMapping> {
  const reasons: string[] = [];
  const unsure: string[] = [];
  // Budget lines written as text (予算額：（R2） … → （R3） …) in the first column.
  const lines: { row: number; col: number }[] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    for (let c = r.left; c <= r.right; c++) {
      if (parseBudgetLine(text(sheet, row, c))) {
        lines.push({ row, col: c });
        break;
      }
    }
  }
  if (lines.length > 0) {
    reasons.push(`text-lines: ${lines.length} budget lines`);
    const projects = lines.map((l) => ({ name: formatAddress({ row: titleRowAbove(sheet, l.row, l.col, r.top), col: l.col }), line: formatAddress(l) }));
    return { table: { kind: 'budget', sheet: sheet.name, range: formatRange(r), layout: 'text-lines', unit: '千円', projects }, reasons, unsure };
  }
  // Blocks: a header row naming 事業費 that repeats; the row below it is the project, 前年度 below that.
  const headers: number[] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    for (let c = r.left; c <= r.right; c++) {
      if (BUDGET_HEADER.test(text(sheet, row, c)) && !/前年度/.test(rowText(sheet, row, r))) {
        headers.push(row);
        break;
      }
    }
  }
  const h = headers[0] ?? r.top;
  const sub0 = [h + 1, h + 2, h + 3].find((row) => row <= r.bottom && /前年度/.test(rowText(sheet, row, r)));
  // No sub-header with 前年度 under the header, but 前年度 / 増減 columns beside 事業費: one project per row.
  if (sub0 === undefined && hasPreviousColumn(sheet, h, r)) return proposeBudgetRows(sheet, r, h);
  const col = (re: RegExp, row = h): string | undefined => {
    for (let c = r.left; c <= r.right; c++) if (re.test(fold(text(sheet, row, c)))) return columnLetters(c);
    return undefined;
  };
  const amountCol = col(BUDGET_HEADER);
  const nameCol = col(/事業名/) ?? columnLetters(r.left);
  const sub = [h + 1, h + 2, h + 3].find((row) => row <= r.bottom && /前年度/.test(rowText(sheet, row, r)));
  const project = {
    name: `${nameCol}${h + 1}`,
    ...(col(/財源/) ? { source: `${col(/財源/)}${h + 1}` } : {}),
    ...(col(/継続|新規/) ? { continuation: `${col(/継続|新規/)}${h + 1}` } : {}),
    ...(col(/^年度$/) ? { fy: `${col(/^年度$/)}${h + 1}` } : {}),
    amount: `${amountCol ?? columnLetters(r.right)}${h + 1}`,
    ...(sub !== undefined && col(BUDGET_HEADER, sub) ? { previousAmount: `${col(BUDGET_HEADER, sub)}${sub + 1}` } : {}),
    ...(sub !== undefined && col(/前年度比|増減/, sub) ? { statedChange: `${col(/前年度比|増減/, sub)}${sub + 1}` } : {}),
    ...(sub !== undefined && col(/前年度事業名/, sub) ? { previousName: `${col(/前年度事業名/, sub)}${sub + 1}` } : {}),
  };
  if (!amountCol) unsure.push('amount');
  if (!project.fy) unsure.push('fy');
  const step = headers.length > 1 ? headers[1]! - headers[0]! : 0;
  const regular = step > 0 && headers.every((row, i) => row === headers[0]! + i * step);
  reasons.push(`header row ${h}${amountCol ? `, 事業費 in ${amountCol}` : ''}`, regular ? `${headers.length} blocks every ${step} rows` : 'one block');
  const table: BudgetTableMapping = {
    kind: 'budget',
    sheet: sheet.name,
    range: formatRange(r),
    layout: 'blocks',
    unitHeader: `${amountCol ?? columnLetters(r.right)}${h}`,
    projects: [project],
    ...(regular && headers.length > 1 ? { repeat: { count: headers.length, rowStep: step } } : {}),
  };
  return { table, reasons, unsure };
}

function rowText(sheet: SheetGrid, row: number, r: CellRange): string {
  let s = '';
  for (let c = r.left; c <= r.right; c++) s += text(sheet, row, c);
  return s;
}

/** The project title above a budget line: the nearest cell above that is not a 【…】 note. */
function titleRowAbove(sheet: SheetGrid, row: number, col: number, top: number): number {
  for (let r = row - 1; r >= Math.max(1, top - 1); r--) {
    const t = text(sheet, r, col);
    if (t !== '' && !t.startsWith('【')) return r;
  }
  return row;
}

const tagsAt = (sheet: SheetGrid, row: number, col: number): number => tagsOf(text(sheet, row, col));

/** A header row with a 前年度 or 増減 column beside the amount: a flat table, one project per row. */
function hasPreviousColumn(sheet: SheetGrid, h: number, r: CellRange): boolean {
  let budget = 0;
  let other = false;
  for (let c = r.left; c <= r.right; c++) {
    const t = tagsAt(sheet, h, c);
    if (t & TAG.budget) budget++;
    if (t & (TAG.previous | TAG.change)) other = true;
  }
  return budget >= 1 && (other || budget >= 2);
}

/**
 * Flat budget tables: `事業名 | 財源 | 令和6年度予算額 | 令和5年度予算額 | 増減 | 継続・新規`, one project per row, maybe a
 * 合計 row at the bottom (checked against the sum of the projects).
 */
export function proposeBudgetRows(sheet: SheetGrid, r: CellRange, h: number): Proposal<BudgetTableMapping> {
  const reasons: string[] = [`layout rows (header row ${h})`];
  const unsure: string[] = [];
  const era = eraAbove(sheet, r);
  let nameCol = r.left;
  let sourceCol: number | undefined;
  let continuationCol: number | undefined;
  let changeCol: number | undefined;
  const money: { col: number; fy: number | null; previous: boolean }[] = [];
  for (let c = r.left; c <= r.right; c++) {
    const t = tagsAt(sheet, h, c);
    const head = text(sheet, h, c);
    if (t & TAG.project) nameCol = c;
    else if (t & TAG.source) sourceCol = c;
    else if (t & TAG.continuation) continuationCol = c;
    else if (t & TAG.change) changeCol = c;
    else if (t & (TAG.budget | TAG.previous)) money.push({ col: c, fy: parseFiscalYear(head, { era })?.fy ?? null, previous: (t & TAG.previous) !== 0 });
  }
  // The amount is the column of the latest year (or the one not called 前年度); the previous one is the other.
  const ordered = [...money].sort((a, b) => (a.previous === b.previous ? (b.fy ?? 0) - (a.fy ?? 0) : a.previous ? 1 : -1));
  const amount = ordered[0];
  const previous = ordered[1];
  if (!amount) unsure.push('amount');
  const headAddress = (col: number | undefined) => (col === undefined ? undefined : formatAddress({ row: h, col }));
  const fyCell = amount && amount.fy !== null ? headAddress(amount.col) : undefined;
  const previousFyCell = previous && previous.fy !== null ? headAddress(previous.col) : undefined;
  if (!fyCell) unsure.push('fy');
  const projects: BudgetTableMapping['projects'] = [];
  let total: BudgetTableMapping['total'];
  for (let row = h + 1; row <= r.bottom; row++) {
    const name = text(sheet, row, nameCol);
    if (name === '') continue;
    const at = (col: number | undefined) => (col === undefined ? undefined : formatAddress({ row, col }));
    if (tagsOf(name) & TAG.total) {
      total = { ...(amount ? { amount: at(amount.col) } : {}), ...(previous ? { previousAmount: at(previous.col) } : {}), ...(changeCol ? { change: at(changeCol) } : {}) };
      reasons.push(`total row ${row}`);
      continue;
    }
    projects.push({
      name: at(nameCol)!,
      amount: at(amount?.col ?? r.right)!,
      ...(sourceCol ? { source: at(sourceCol) } : {}),
      ...(continuationCol ? { continuation: at(continuationCol) } : {}),
      ...(fyCell ? { fy: fyCell } : {}),
      ...(previous ? { previousAmount: at(previous.col) } : {}),
      ...(previousFyCell ? { previousFy: previousFyCell } : {}),
      ...(changeCol ? { statedChange: at(changeCol) } : {}),
    });
  }
  if (projects.length === 0) unsure.push('rows');
  const unitHeader = amount ? headAddress(amount.col)! : undefined;
  const table: BudgetTableMapping = {
    kind: 'budget',
    sheet: sheet.name,
    range: formatRange(r),
    layout: 'rows',
    ...(unitHeader ? { unitHeader } : {}),
    projects: projects.length > 0 ? projects : [{ name: formatAddress({ row: h + 1, col: nameCol }), amount: formatAddress({ row: h + 1, col: r.right }) }],
    ...(total ? { total } : {}),
  };
  return { table, reasons, unsure };
}
