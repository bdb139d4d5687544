/**
 * Budget tables: the blocks of a 事業計画書 (header 事業名 | 事業費 …, the project row, a 前年度 sub-header, the
 * previous row; blocks repeating at a fixed step), flat tables (one project per row with 前年度 / 増減 columns, maybe
 * a 合計 row), and budget lines written as text (予算額：（R2） … → （R3） …). The mapping itself comes from
 * proposeBudgetTable; here the tables are found and judged.
 */
import { formatRange, type CellRange } from '../grid';
import type { ParseCache } from '../values/parseCache';
import { parseBudgetLine, unitFromHeader } from '../values';
import { proposeBudgetTable } from '../propose';
import type { BudgetTableMapping } from '../schema/mapping';
import { cellsIn, type ScannedCell, type ScannedRow, type ScannedSheet } from './scan';
import { extentBelow, isQuantity } from './extent';
import { TAG } from './words';
import type { DetectNote, DetectedTable } from './types';
import { confidenceOf } from './confidence';

const MAX_BLOCK_STEP = 10;
const SUB_HEADER_WITHIN = 3;

/** The budget table (blocks, or a flat table) whose header is `row`, or null; its rows are marked used. */
export function budgetTableAt(s: ScannedSheet, row: ScannedRow, used: Uint8Array, cache: ParseCache): { table: DetectedTable; bottom: number } | null {
  if (!(row.tags & TAG.budget)) return null;
  return blocksAt(s, row.row, used, cache) ?? flatTableAt(s, row, used, cache);
}

function isBlockHeader(s: ScannedSheet, r: number): number | null {
  const row = s.row(r);
  if (!row || !(row.tags & TAG.project) || !(row.tags & TAG.budget) || row.tags & TAG.previous) return null;
  return subHeaderOf(s, r);
}

/** The row of the 前年度 sub-header under a block header, or null. */
function subHeaderOf(s: ScannedSheet, h: number): number | null {
  for (let r = h + 1; r <= Math.min(s.rowCount, h + SUB_HEADER_WITHIN); r++) {
    const row = s.row(r);
    if (row && row.tags & TAG.previous && row.tags & (TAG.budget | TAG.project)) return r;
  }
  return null;
}

/** Block headers from `r` on, at one step (and one sub-header offset): one table with `repeat`. */
function blocksAt(s: ScannedSheet, r: number, used: Uint8Array, cache: ParseCache): { table: DetectedTable; bottom: number } | null {
  const sub0 = isBlockHeader(s, r);
  if (sub0 === null) return null;
  const offset = sub0 - r;
  const run: { row: number; sub: number }[] = [{ row: r, sub: sub0 }];
  let step = 0;
  for (let k = r + 1; k <= Math.min(s.rowCount, r + MAX_BLOCK_STEP) && step === 0; k++) if (isBlockHeader(s, k) !== null) step = k - r;
  if (step > offset + 1) {
    for (let k = r + step; k <= s.rowCount; k += step) {
      const sub = isBlockHeader(s, k);
      if (sub === null || sub - k !== offset) break;
      run.push({ row: k, sub });
    }
  }
  const first = run[0]!.row;
  const lastSub = run[run.length - 1]!.sub;
  const cells = [...(s.row(first)?.cells ?? []), ...(s.row(run[0]!.sub)?.cells ?? [])];
  const range: CellRange = { top: first, left: Math.min(...cells.map((c) => c.col)), bottom: Math.min(s.rowCount, lastSub + 1), right: Math.max(...cells.map((c) => c.area?.right ?? c.col)) };
  const proposal = proposeBudgetTable(s.sheet, range);
  const t = proposal.table;
  const reasons: DetectNote[] = [
    { code: 'budgetHeader', params: { row: first } },
    { code: 'budgetBlocks', params: { count: run.length, step: run.length > 1 ? step : 0 } },
  ];
  const share = amountShare(s, t, cache);
  const unsure: DetectNote[] = proposal.unsure.map((code) => ({ code }));
  for (let k = range.top; k <= range.bottom; k++) used[k] = 1;
  return { table: detected(s, range, t, reasons, unsure, share, 2), bottom: range.bottom };
}

/** Share of the first projects' amount cells that read as figures. */
function amountShare(s: ScannedSheet, t: BudgetTableMapping, cache: ParseCache): number {
  let filled = 0;
  let q = 0;
  const step = t.repeat?.rowStep ?? 0;
  const count = Math.min(t.repeat?.count ?? 1, 12);
  for (let k = 0; k < count; k++) {
    for (const p of t.projects.slice(0, 12)) {
      for (const a of [p.amount, p.previousAmount]) {
        if (!a) continue;
        const m = /^([A-Z]+)(\d+)$/.exec(a)!;
        const row = Number(m[2]) + k * step;
        const c = s.row(row)?.cells.find((x) => x.col === colNumber(m[1]!));
        if (!c) continue;
        filled++;
        if (isQuantity(s.sheet, row, c, cache)) q++;
      }
    }
  }
  return filled === 0 ? 0 : q / filled;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function detected(s: ScannedSheet, range: CellRange, t: BudgetTableMapping, reasons: DetectNote[], unsure: DetectNote[], share: number, headerWords: number): DetectedTable {
  const confidence = confidenceOf({ headerWords, quantityShare: share, unsure: new Set(unsure.map((u) => u.code)).size, years: 1 });
  return { kind: 'budget', sheet: s.sheet.name, range: formatRange(range), layout: t.layout, mapping: { ...t, range: formatRange(range) }, confidence, reasons, unsure };
}

/** 事業名 | 予算額 | 前年度 | 増減 on one header row, one project per row below. */
function flatTableAt(s: ScannedSheet, row: ScannedRow, used: Uint8Array, cache: ParseCache): { table: DetectedTable; bottom: number } | null {
  const r = row.row;
  const money = row.cells.filter((c) => c.tags & TAG.budget || (c.tags & TAG.previous && !(c.tags & TAG.project)));
  const other = row.cells.some((c) => c.tags & (TAG.previous | TAG.change));
  if (!(money.length >= 2 || (money.length >= 1 && other))) return null;
  if (subHeaderOf(s, r) !== null) return null; // a block, not a flat table
  const nameCell = row.cells.find((c) => c.tags & TAG.project) ?? row.cells[0]!;
  if (money.some((c) => c.col <= nameCell.col) && !(nameCell.tags & TAG.project)) return null;
  const valueLeft = Math.min(...row.cells.filter((c) => c.col > nameCell.col).map((c) => c.col));
  const left = Math.min(...row.cells.map((c) => c.col));
  const right = Math.max(...row.cells.map((c) => c.area?.right ?? c.col));
  const bottom = extentBelow(s, r + 1, { left, right, nameCol: nameCell.col, valueLeft }, cache);
  if (bottom <= r) return null;
  const range: CellRange = { top: r, left, bottom, right };
  const proposal = proposeBudgetTable(s.sheet, range);
  let t = proposal.table;
  if (t.layout !== 'rows') return null;
  const unsure: DetectNote[] = proposal.unsure.map((code) => ({ code }));
  const reasons: DetectNote[] = [{ code: 'budgetHeader', params: { row: r } }, { code: 'budgetRows', params: { count: t.projects.length } }];
  if (t.total) reasons.push({ code: 'totalRow' });
  // A unit stated above the table (（単位：千円）) when the amount header names none.
  if (!(t.unitHeader && unitFromHeader(textAt(s, t.unitHeader)))) {
    const unit = unitAbove(s, r, left, right);
    if (unit) t = { ...t, unit };
    else unsure.push({ code: 'unit' });
  }
  let filled = 0;
  let q = 0;
  for (let k = r + 1; k <= bottom; k++) {
    for (const c of cellsIn(s.row(k), valueLeft, right)) {
      if (c.tags & (TAG.source | TAG.continuation)) continue;
      filled++;
      if (isQuantity(s.sheet, k, c, cache)) q++;
    }
  }
  for (let k = r; k <= bottom; k++) used[k] = 1;
  return { table: detected(s, range, t, reasons, unsure, filled === 0 ? 0 : q / filled, 2), bottom };
}

function textAt(s: ScannedSheet, address: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return s.row(Number(m[2]))?.cells.find((c) => c.col === colNumber(m[1]!))?.text ?? '';
}

function unitAbove(s: ScannedSheet, top: number, left: number, right: number): string | null {
  for (let r = top - 1; r >= Math.max(1, top - 2); r--) {
    for (const c of cellsIn(s.row(r), left, right)) if (c.text.includes('単位')) return unitFromHeader(c.text);
  }
  return null;
}

const LINE_HINT = /→|⇒|->|=>/;

export interface TextLine {
  readonly row: number;
  readonly cell: ScannedCell;
}

/** The budget line written as text in a row (予算額：（R2） … → （R3） …), if any. */
export function textLineAt(s: ScannedSheet, row: ScannedRow): TextLine | null {
  for (const c of row.cells) {
    if (c.kind !== 'text' || c.text.length > 300 || !LINE_HINT.test(c.text) || !/予算|事業費|円/.test(c.text)) continue;
    if (parseBudgetLine(c.text, { era: s.engineEra })) return { row: row.row, cell: c };
  }
  return null;
}

/** Budget lines written as text, in one column: one table, one project per line (its title above it). */
export function textLinesTable(s: ScannedSheet, lines: readonly TextLine[], used: Uint8Array): DetectedTable | null {
  if (lines.length === 0) return null;
  const col = lines[0]!.cell.col;
  const same = lines.filter((l) => l.cell.col === col);
  const top = titleAbove(s, same[0]!.row, col);
  let bottom = same[same.length - 1]!.row;
  while (bottom + 1 <= s.rowCount && s.row(bottom + 1)) bottom++; // the rest of the last project (事業概要 …)
  let right = col;
  for (let r = top; r <= bottom; r++) for (const c of s.row(r)?.cells ?? []) if (c.col >= col) right = Math.max(right, c.area?.right ?? c.col);
  const range: CellRange = { top, left: col, bottom, right };
  const proposal = proposeBudgetTable(s.sheet, range);
  const reasons: DetectNote[] = [{ code: 'budgetLines', params: { count: same.length } }];
  for (let r = top; r <= bottom; r++) used[r] = 1;
  return detected(s, range, proposal.table, reasons, proposal.unsure.map((code) => ({ code })), 1, 2);
}

function titleAbove(s: ScannedSheet, row: number, col: number): number {
  for (let r = row - 1; r >= Math.max(1, row - 4); r--) {
    const c = s.row(r)?.cells.find((x) => x.col === col);
    if (c && !c.text.startsWith('【')) return r;
  }
  return row;
}
