/**
 * Indicator tables: found by their header rows (years — 2018, 令和元年度, ２年度, R5年度, FY2020 — and roles — 現状値,
 * 目標値 実績値, 目標達成状況, 区分, Target / Actual / Baseline), extended down over their data rows, then handed to
 * proposeIndicatorTable for the mapping. What the proposal cannot know by itself is added here: the name column
 * (a leading 基本事業 column), one row per label in cells holding several values (②2件 ③1件), a unit stated in the
 * name (【単位 千世帯】), and the direction with how sure it is.
 */
import { formatRange, columnLetters, type CellRange, type CellValue, type SheetGrid } from '../grid';
import type { IndicatorTableMapping } from '../schema/mapping';
import type { ParseCache } from '../values/parseCache';
import { unitFromHeader } from '../values';
import { inferDirection } from '../evaluate/indicators';
import { textOf } from '../evaluate/cells';
import { proposeIndicatorTable } from '../propose';
import { cellsIn, type ScannedCell, type ScannedRow, type ScannedSheet } from './scan';
import { extentBelow, headerLike, isQuantity, isRoleHeader, type RegularBlocks, type Span } from './extent';
import { hasCircled, hasDownWords, ROLE_TAGS, TAG, UP_WORDS, WEAK_DOWN_WORDS } from './words';
import type { DetectNote, DetectedTable, UnmappedData } from './types';
import { confidenceOf } from './confidence';
import { compare, targetValue, trendOf, type Trend } from './trend';
import { holdsTargetAndActual, IN_CELL_LABELS } from './lists';

/** Value cells parsed per table to judge it (a sample: detection must stay cheap beside evaluation). */
const SAMPLE_CELLS = 48;

interface Header {
  readonly top: number;
  readonly bottom: number;
  readonly span: Span;
  readonly reasons: DetectNote[];
  /** Row of a year named above a 項目 | 目標 | 実績 header (1. 令和5年度 目標・実績), included in the range. */
  readonly yearAbove: number | null;
}

/** The indicator table whose header starts at `row`, or null; its rows are marked used. */
export function indicatorTableAt(s: ScannedSheet, row: ScannedRow, used: Uint8Array, cache: ParseCache): { table: DetectedTable; bottom: number } | null {
  const header = headerAt(s, row, cache);
  if (!header) return null;
  const first = header.bottom + 1;
  const probe = targetProbe(s, header);
  const blocks: RegularBlocks = { probe: probe?.columns ?? null, step: probe?.step ?? 2, rows: [], names: [], trends: [] };
  const bottom = extentBelow(s, first, header.span, cache, blocks);
  if (bottom < first) return null;
  const table = buildTable(s, header, bottom, cache, blocks);
  if (!table) return null;
  for (let k = header.yearAbove ?? header.top; k <= bottom; k++) used[k] = 1;
  return { table, bottom };
}

/** The target columns and the rows per indicator, from the header rows and the first ones, before the extent. */
function targetProbe(s: ScannedSheet, h: Header): { columns: number[]; step: 1 | 2 } | null {
  const range: CellRange = { top: h.yearAbove ?? h.top, left: h.span.left, bottom: Math.min(s.rowCount, h.bottom + 2), right: h.span.right };
  const { table } = proposeIndicatorTable(s.sheet, range, { nameColumn: h.span.nameCol });
  const columns = targetColumns(table);
  return columns.length === 0 ? null : { columns, step: table.layout === 'two-row' ? 2 : 1 };
}

const targetColumns = (m: IndicatorTableMapping): number[] => m.years.flatMap((y) => (y.target ? [colNumber(y.target)] : []));

function headerAt(s: ScannedSheet, row: ScannedRow, cache: ParseCache): Header | null {
  if (row.tags & TAG.schedule) return null; // 実施スケジュール: 取組内容 | 担当課 | 2018 …
  if (row.tags & TAG.project) return null; // a budget header (事業名 | 事業費)
  const years = row.cells.filter((c) => c.year !== null);
  const next = s.row(row.row + 1);
  const reasons: DetectNote[] = [];
  if (years.length > 0) {
    const yLeft = Math.min(...years.map((c) => c.col));
    const yRight = Math.max(...years.map((c) => c.area?.right ?? c.col));
    const rolesBelow = next && !(next.tags & TAG.schedule) ? cellsIn(next, yLeft, yRight).filter((c) => isRoleHeader(s.sheet, next.row, c, cache)) : [];
    const rolesBelowOk = rolesBelow.length > 0 && !cellsIn(next, yLeft, yRight).some((c) => !isRoleHeader(s.sheet, next!.row, c, cache) && isQuantity(s.sheet, next!.row, c, cache));
    const rolesHere = row.cells.filter((c) => c.tags & ROLE_TAGS && c.col >= yLeft);
    if (years.length < 2 && !rolesBelowOk && rolesHere.length < 2) return null;
    if (years.length < 2 && !rolesBelowOk && !row.cells.some((c) => c.tags & (TAG.name | TAG.category))) {
      // R5年度 目標 | 実績: roles with one year, fine; anything else with one year is a title
      if (!(rolesHere.some((c) => c.tags & TAG.target) && rolesHere.some((c) => c.tags & TAG.actual))) return null;
    }
    const bottom = rolesBelowOk ? row.row + 1 : row.row;
    reasons.push({ code: 'yearsRow', params: { row: row.row, years: years.map((y) => y.text.replace(/\s+/g, ' ')).join(', ') } });
    if (rolesBelowOk) reasons.push({ code: 'rolesRow', params: { row: row.row + 1, roles: [...new Set(rolesBelow.map((c) => c.text.replace(/\s+/g, '')))].join(', ') } });
    const span = spanOf(s, row.row, bottom, yLeft, Math.max(yRight, ...[...rolesBelow, ...rolesHere].map((c) => c.area?.right ?? c.col)));
    if (!span) return null;
    return { top: row.row, bottom, span, reasons, yearAbove: null };
  }
  // 項目 | 目標 | 実績 with no year in the row: a column layout, the year named above it (or to be confirmed).
  const roles = row.cells.filter((c) => c.tags & ROLE_TAGS);
  const hasTarget = roles.some((c) => c.tags & TAG.target);
  const hasActual = roles.some((c) => c.tags & TAG.actual);
  if (!hasTarget || !hasActual || roles.length < 2) return null;
  if (row.cells.some((c) => !(c.tags & (ROLE_TAGS | TAG.name)) && isQuantity(s.sheet, row.row, c, cache))) return null; // 目標 130件 実績 112件: data
  const vLeft = Math.min(...roles.filter((c) => !(c.tags & TAG.name)).map((c) => c.col));
  const vRight = Math.max(...roles.map((c) => c.area?.right ?? c.col));
  const span = spanOf(s, row.row, row.row, vLeft, vRight);
  if (!span) return null;
  reasons.push({ code: 'rolesRow', params: { row: row.row, roles: roles.map((c) => c.text).join(', ') } });
  const above = s.row(row.row - 1);
  const yearAbove = above && above.cells.length <= 2 && above.cells.some((c) => c.col <= span.left && /年度|年/.test(c.text)) ? row.row - 1 : null;
  return { top: row.row, bottom: row.row, span, reasons, yearAbove };
}

/** The name column (目標項目, 指標, 項目, Indicator; else the text column left of the values) and the range's sides. */
function spanOf(s: ScannedSheet, top: number, bottom: number, valueLeft: number, right: number): Span | null {
  const headerCells: ScannedCell[] = [];
  for (let r = top; r <= bottom; r++) headerCells.push(...(s.row(r)?.cells ?? []));
  const before = headerCells.filter((c) => c.col < valueLeft);
  const named = before.filter((c) => c.tags & TAG.name).sort((a, b) => b.col - a.col)[0];
  let nameCol = named?.col;
  if (nameCol === undefined) {
    // No name header: the text column just left of the values in the first data rows.
    for (let r = bottom + 1; r <= Math.min(s.rowCount, bottom + 3) && nameCol === undefined; r++) {
      const t = (s.row(r)?.cells ?? []).filter((c) => c.col < valueLeft && c.kind === 'text');
      if (t.length > 0) nameCol = t[t.length - 1]!.col;
    }
  }
  if (nameCol === undefined && bottom + 1 <= s.rowCount) {
    // A name merged down from the header rows over the values (講座受講者数 beside its R5年度 | R6年度 header).
    for (let c = valueLeft - 1; c >= 1 && nameCol === undefined; c--) {
      const area = s.sheet.mergedArea(bottom + 1, c);
      if (area && area.top <= top && s.sheet.cell(bottom + 1, c).kind === 'text') nameCol = c;
    }
  }
  if (nameCol === undefined) return null;
  // A 区分 column between the names and the years stays out of the values.
  const left = Math.min(nameCol, ...before.map((c) => c.col));
  return { left, right, nameCol, valueLeft };
}

function buildTable(s: ScannedSheet, h: Header, bottom: number, cache: ParseCache, blocks: RegularBlocks): DetectedTable | null {
  const { sheet } = s;
  const range: CellRange = { top: h.yearAbove ?? h.top, left: h.span.left, bottom, right: h.span.right };
  const stats = sampleValues(s, h.bottom + 1, bottom, h.span, cache);
  // Text in every value cell and no figure: a schedule or a list of words, not an indicator table.
  if (stats.filled > 0 && stats.quantities === 0) return null;
  // Names merged over two rows on two thirds of the rows at least: a two-row table, without counting them again;
  // on every row: its indicators are those blocks, whose names were read once.
  const first = h.bottom + 1;
  const twoRow = blocks.step === 2 && blocks.rows.length * 2 * 3 >= (bottom - first + 1) * 2;
  const whole = blocks.rows.length * blocks.step === bottom - first + 1 && blocks.rows[0] === first;
  const hints = { nameColumn: h.span.nameCol, ...(twoRow ? { twoRow } : {}), ...(whole ? { blocks: blocks.rows, blockStep: blocks.step } : {}) };
  const proposal = proposeIndicatorTable(sheet, range, hints);
  const reasons: DetectNote[] = [...h.reasons, { code: 'layout', params: { layout: proposal.table.layout } }];
  const unsure: DetectNote[] = proposal.unsure.map((code) => ({ code }));
  if (stats.filled === 0) reasons.push({ code: 'noValues' }); // a table not filled in yet: its headers decide
  reasons.push({ code: 'nameColumn', params: { column: columnLetters(h.span.nameCol) } });
  // The names and trends read with the extent, when the blocks are the rows (and the probed columns the targets).
  const probed = whole && blocks.probe !== null && sameColumns(blocks.probe, targetColumns(proposal.table));
  const known: KnownRows | undefined = whole ? { first, step: blocks.step, names: blocks.names, trends: probed ? blocks.trends : null } : undefined;
  const mapping = withInCellRoles(s, refineRows(s, proposal.table, reasons, unsure, cache, known), reasons, cache);
  if (mapping.rows.length === 0) return null;
  const hidden = hiddenRows(s, range);
  if (hidden.length > 0) reasons.push({ code: 'hiddenRows', params: { rows: hidden.join(', ') } });
  const stated = mapping.years.some((y) => y.stated !== undefined);
  if (stated) reasons.push({ code: 'statedColumn' });
  const confidence = confidenceOf({ headerWords: h.reasons.length, quantityShare: stats.filled === 0 ? 0.5 : stats.quantities / stats.filled, unsure: new Set(unsure.map((u) => u.code)).size, years: mapping.years.length });
  return { kind: 'indicator', sheet: sheet.name, range: formatRange(range), layout: mapping.layout, mapping, confidence, reasons, unsure };
}

function sampleValues(s: ScannedSheet, first: number, bottom: number, span: Span, cache: ParseCache): { filled: number; quantities: number } {
  let filled = 0;
  let quantities = 0;
  for (let r = first; r <= bottom && filled < SAMPLE_CELLS; r++) {
    for (const c of cellsIn(s.row(r), span.valueLeft, span.right)) {
      if (c.tags & ROLE_TAGS && c.text.length <= 3) continue; // 目標 / 実績 of a 区分 column
      const v = c.kind === 'number' ? 'quantity' : cache.parse(s.sheet.cell(r, c.col), null).kind;
      if (v === 'blank' || v === 'notApplicable') continue;
      filled++;
      if (v === 'quantity') quantities++;
    }
  }
  return { filled, quantities };
}

function hiddenRows(s: ScannedSheet, r: CellRange): number[] {
  const out: number[] = [];
  for (let row = r.top; row <= r.bottom; row++) if (s.sheet.isRowHidden(row)) out.push(row);
  return out;
}

/** A 予算額 / 事業費 row under the years (予算額 starts with 予算). */
const isBudgetRow = (name: string): boolean => name.startsWith('予算') || name.startsWith('事業費');

/**
 * Rows as the engine should read them: a 予算額等 row under the years is not an indicator; a cell holding several
 * labelled values gives one indicator per label; a unit named in the name is the row's unit; the direction is
 * inferred from the words, and from falling targets when the words alone do not settle it.
 */
function refineRows(s: ScannedSheet, m: IndicatorTableMapping, reasons: DetectNote[], unsure: DetectNote[], cache: ParseCache, known?: KnownRows): IndicatorTableMapping {
  const { sheet } = s;
  const nameN = colNumber(m.nameColumn);
  const targetCols = targetColumns(m);
  const rows: IndicatorTableMapping['rows'] = [];
  for (const r of m.rows) {
    const anyRow = (r.target ?? r.actual)!;
    const k = known !== undefined && anyRow >= known.first && (anyRow - known.first) % known.step === 0 ? (anyRow - known.first) / known.step : -1;
    const name = known?.names[k] ?? textOf(sheet.cell(anyRow, nameN)).trim();
    if (isBudgetRow(name)) {
      reasons.push({ code: 'budgetRowSkipped', params: { row: anyRow } });
      continue;
    }
    const knownTrend = known?.trends?.[k];
    const targets = r.target === undefined ? NO_TARGETS : knownTrend !== undefined ? { labels: NO_TARGETS.labels, trend: knownTrend, cells: NO_TARGETS.cells } : readTargets(sheet, r.target, targetCols, cache);
    const labels = targets.labels;
    const unit = name.includes('単位') ? unitFromHeader(name) : null;
    const base = unit ? { ...r, unit } : r;
    if (unit) reasons.push({ code: 'unitInName', params: { row: anyRow, unit } });
    if (labels.length > 1) reasons.push({ code: 'labelledValues', params: { row: anyRow, labels: labels.join('') } });
    if (labels.length > 1) {
      for (const label of labels) {
        const labelName = labelledName(name, label, labels);
        rows.push(withDirection({ ...base, label, name: labelName }, labelName, trendOf(targets.cells, label, cache)));
      }
    } else rows.push(withDirection(base, name, targets.trend));
  }
  return { ...m, rows };

  function withDirection<R extends IndicatorTableMapping['rows'][number]>(row: R, rowName: string, trend: Trend): R {
    const anyRow = (row.target ?? row.actual)!;
    const d = directionOf(rowName, trend);
    if (d.unsure) unsure.push({ code: 'direction', params: { row: anyRow, name: rowName.slice(0, 40), direction: d.direction } });
    if (d.reason) reasons.push({ code: d.reason, params: { row: anyRow } });
    // An unsure direction is shown, never applied; a sure one is written only where the engine would infer another
    // (a sure 'up' never is: the engine's words are among DOWN_WORDS).
    return !d.unsure && d.direction === 'down' && inferDirection(rowName) !== 'down' ? { ...row, direction: d.direction } : row;
  }
}

/** refineRows for a mapping made elsewhere (target/actual lists): direction, units, budget rows left out. */
export function refineIndicatorRows(s: ScannedSheet, m: IndicatorTableMapping, reasons: DetectNote[], unsure: DetectNote[], cache: ParseCache): IndicatorTableMapping {
  return refineRows(s, m, reasons, unsure, cache);
}

/** Cells read (at most) to tell a table whose cells hold the target and the actual together. */
const IN_CELL_SAMPLE = 12;

/**
 * A table whose target cells hold the target and the actual together ('目標 130件 実績 112件' under each year):
 * when most of the first cells do, the actual is read from the same cell by its label, on every row. A cell that
 * does not hold both is then the engine's finding (a value with no label) or a blank (only a target written yet).
 */
function withInCellRoles(s: ScannedSheet, m: IndicatorTableMapping, reasons: DetectNote[], cache: ParseCache): IndicatorTableMapping {
  if (m.layout === 'two-row' || m.years.some((y) => y.actual !== undefined && y.actual !== y.target)) return m;
  let filled = 0;
  let both = 0;
  for (const r of m.rows) {
    if (filled >= IN_CELL_SAMPLE) break;
    for (const y of m.years) {
      if (r.target === undefined || !y.target || filled >= IN_CELL_SAMPLE) continue;
      const cell = s.sheet.cell(r.target, colNumber(y.target));
      if (cell.kind === 'empty') continue;
      filled++;
      if (cell.kind === 'text' && holdsTargetAndActual(cache.parse(cell, null))) both++;
    }
  }
  if (both === 0 || both * 2 < filled) return m;
  reasons.push({ code: 'inCellValues', params: { count: both } });
  return {
    ...m,
    years: m.years.map((y) => (y.target ? { ...y, actual: y.target } : y)),
    rows: m.rows.map((r) => (r.target === undefined ? r : { ...r, actual: r.target, labels: { ...IN_CELL_LABELS } })),
  };
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Rows of a table made of regular blocks only, as extentBelow read them (block k starts at first + k × step). */
interface KnownRows {
  readonly first: number;
  readonly step: 1 | 2;
  readonly names: readonly string[];
  readonly trends: readonly (Trend | undefined)[] | null;
}

function sameColumns(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

interface Targets {
  /** The circled labels of a cell holding several values ('②2件 ③1件' → ②, ③), or none. */
  readonly labels: readonly string[];
  /** The trend of the row's figures (first against last), when it holds no labelled values. */
  readonly trend: Trend;
  /** All target cells with something in them, in year order, when it does (each label has its own trend). */
  readonly cells: readonly CellValue[];
}

const NO_TARGETS: Targets = { labels: [], trend: null, cells: [] };

/**
 * A row's target cells as the direction needs them: the trend compares the first and the last that read as figures,
 * so they are read from both ends (two cells, usually). A cell of several labelled values among those has the row
 * read whole, each label's trend being its own.
 */
function readTargets(sheet: SheetGrid, row: number, cols: readonly number[], cache: ParseCache): Targets {
  let a: number | null = null;
  let i = 0;
  for (; i < cols.length && a === null; i++) {
    const cell = sheet.cell(row, cols[i]!);
    if (cell.kind === 'empty') continue;
    if (labelsOf(cell, cache).length > 0) return labelled(sheet, row, cols, cache);
    a = targetValue(cell, null, cache);
  }
  let b: number | null = null;
  for (let j = cols.length - 1; j >= i && b === null; j--) {
    const cell = sheet.cell(row, cols[j]!);
    if (cell.kind === 'empty') continue;
    if (labelsOf(cell, cache).length > 0) return labelled(sheet, row, cols, cache);
    b = targetValue(cell, null, cache);
  }
  const trend = compare(a, b);
  return trend === null ? NO_TARGETS : { labels: NO_TARGETS.labels, trend, cells: NO_TARGETS.cells };
}

function labelled(sheet: SheetGrid, row: number, cols: readonly number[], cache: ParseCache): Targets {
  const cells = allTargets(sheet, row, cols);
  for (const cell of cells) {
    const labels = labelsOf(cell, cache);
    if (labels.length > 0) return { labels, trend: null, cells };
  }
  return NO_TARGETS;
}

function allTargets(sheet: SheetGrid, row: number, cols: readonly number[]): CellValue[] {
  const out: CellValue[] = [];
  for (const col of cols) {
    const cell = sheet.cell(row, col);
    if (cell.kind !== 'empty') out.push(cell);
  }
  return out;
}

/** The circled labels of a cell holding several values ('②2件 ③1件' → ②, ③), or none. */
function labelsOf(cell: CellValue, cache: ParseCache): readonly string[] {
  if (cell.kind !== 'text' || !hasCircled(cell.text)) return NO_TARGETS.labels;
  const v = cache.parse(cell, null);
  if (v.kind !== 'quantity' || v.more.length === 0) return NO_TARGETS.labels;
  const labels = [v, ...v.more].map((q) => q.label);
  return labels.every((l): l is string => l !== null) && new Set(labels).size === labels.length ? labels : NO_TARGETS.labels;
}

/** '・…への②掲載数、③目標額達成数' with label ③ → '・…への③目標額達成数'. */
function labelledName(name: string, label: string, labels: readonly string[]): string {
  const at = name.indexOf(label);
  if (at < 0) return `${name} ${label}`;
  const firstAt = Math.min(...labels.map((l) => name.indexOf(l)).filter((i) => i >= 0));
  const prefix = name.slice(0, firstAt);
  let end = name.length;
  for (const l of labels) {
    const i = name.indexOf(l);
    if (i > at && i < end) end = i;
  }
  return prefix + name.slice(at, end).replace(/[、，,・\s]+$/, '');
}

interface DirectionGuess {
  readonly direction: 'up' | 'down';
  readonly unsure: boolean;
  readonly reason: string | null;
}


const SURE_UP: DirectionGuess = { direction: 'up', unsure: false, reason: null };

function directionOf(name: string, trend: Trend): DirectionGuess {
  if (hasDownWords(name)) return { direction: 'down', unsure: trend === 'rising', reason: 'downWords' };
  if (trend !== 'falling') return SURE_UP;
  // Targets fall: lower is better when the words allow it (率, 件数, 時間 …); else the user decides.
  if (WEAK_DOWN_WORDS.test(name) && !UP_WORDS.test(name)) return { direction: 'down', unsure: true, reason: 'fallingTargets' };
  return { direction: 'up', unsure: true, reason: 'fallingTargets' };
}


/** Cells of a row holding a target and an actual together ('目標 2,878件 実績 2,159件'): data the mapping cannot split. */
export function inCellListsAt(s: ScannedSheet, row: ScannedRow, out: UnmappedData[]): void {
  for (const c of row.cells) {
    if (c.inCell && c.text.length <= 200 && IN_CELL.test(c.text)) out.push({ sheet: s.sheet.name, cell: `${columnLetters(c.col)}${row.row}`, code: 'inCellTargetActual' });
  }
}

const IN_CELL = /目標\s*[:：]?\s*[0-9０-９][0-9０-９,，.．]*\s*\S{0,3}.*実績\s*[:：]?\s*(見込\s*)?[0-9０-９]/;

export { headerLike };
