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

export interface Proposal<T> {
  readonly table: T;
  /** What the proposal rests on, for the user to check (header words found, layout seen). */
  readonly reasons: string[];
  /** Parts the user must fill in or confirm (e.g. a year that no header names). */
  readonly unsure: string[];
}

const text = (sheet: SheetGrid, row: number, col: number): string => textOf(sheet.cell(row, col)).trim();
const fold = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');

const TARGET = /目標/;
const ACTUAL = /実績/;
const BASELINE = /現状|基準値/;
const STATED = /達成状況|達成率/;
const CATEGORY = /^区分$/;

interface YearHead {
  col: number;
  fy: number;
  era: Era | 'western';
  address: string;
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
      out.push({ col: c, fy: fy.fy, era: fy.era, address: formatAddress({ row, col: c }) });
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

export function proposeIndicatorTable(sheet: SheetGrid, r: CellRange): Proposal<IndicatorTableMapping> {
  const reasons: string[] = [];
  const unsure: string[] = [];
  const era = eraAbove(sheet, r);
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
    categoryCol !== null ? undefined : [yearRow + 1, yearRow, r.top].find((row) => row >= r.top && row <= r.bottom && rowHasRoles(sheet, row, r));
  const firstData = yearRow < 0 && rolesRow === undefined ? r.top : Math.max(yearRow, rolesRow ?? -1) + 1;
  const nameCol = r.left;
  reasons.push(`nameColumn ${columnLetters(nameCol)}`);

  type Col = { target?: string; actual?: string; stated?: string };
  const yearsOut: (Col & { fy: number | string })[] = [];
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

  const columnLayout = rolesRow !== undefined && categoryCol === null && isColumnLayout(sheet, r, rolesRow);
  if (columnLayout) {
    layout = 'columns';
    const fyAbove = years.length === 0 ? yearAbove(sheet, r, era) : null;
    if (years.length === 0 && fyAbove === null) unsure.push('fy');
    for (let c = r.left + 1; c <= r.right; c++) {
      const role = roleOf(c);
      const head = yearOfCol(c);
      const fy: number | string = head?.address ?? fyAbove?.address ?? 0;
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
        if (BASELINE.test(role)) {
          baseline = { fy: y.address, column: columnLetters(c) };
          reasons.push(`baseline ${columnLetters(c)} (${role})`);
        } else if (STATED.test(role)) {
          const last = yearsOut.find((e) => e.fy === y.address);
          if (last) last.stated = columnLetters(c);
        } else {
          yearsOut.push({ fy: y.address, target: columnLetters(c), actual: columnLetters(c) });
        }
      }
    }
    const twoRow = categoryCol !== null || namesEveryOtherRow(sheet, r, firstData, nameCol);
    layout = twoRow ? 'two-row' : 'one-row';
    if (layout === 'one-row') for (const y of yearsOut) delete y.actual;
    reasons.push(categoryCol !== null ? `layout two-row (区分 column ${columnLetters(categoryCol)})` : `layout ${layout}`);
  }
  if (years.length > 0) reasons.push(`years row ${yearRow}: ${years.map((y) => y.fy).join(', ')}`);

  const rows: IndicatorTableMapping['rows'] = [];
  for (let row = firstData; row <= r.bottom; row++) {
    const name = text(sheet, row, nameCol);
    const values = rowHasValues(sheet, row, r, nameCol);
    if (layout === 'two-row') {
      const isActualRow = categoryCol !== null ? ACTUAL.test(text(sheet, row, categoryCol)) : false;
      if (name === '' || isActualRow) continue;
      rows.push({ target: row, actual: row + 1 });
      row++;
    } else if (name !== '' && values) {
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
  return { table, reasons, unsure: [...new Set(unsure)] };
}

function rowHasRoles(sheet: SheetGrid, row: number, r: CellRange): boolean {
  let hits = 0;
  for (let c = r.left; c <= r.right; c++) {
    const t = fold(text(sheet, row, c));
    if (TARGET.test(t) || ACTUAL.test(t) || BASELINE.test(t) || STATED.test(t)) hits++;
  }
  return hits > 0;
}

function findColumn(sheet: SheetGrid, r: CellRange, row: number, re: RegExp): number | null {
  if (row < r.top) return null;
  for (let c = r.left; c <= r.right; c++) if (re.test(fold(text(sheet, row, c)))) return c;
  return null;
}

/** 項目 | 目標 | 実績: one header row whose cells after the first are roles, with no year merged over two rows. */
function isColumnLayout(sheet: SheetGrid, r: CellRange, rolesRow: number): boolean {
  let targets = 0;
  let actuals = 0;
  for (let c = r.left + 1; c <= r.right; c++) {
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
    if (name !== '') {
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
