/**
 * A host workbook from an ExcelJS workbook (samples/*.xlsx in the demo page): values as Excel's Range.values would
 * give them — text, numbers with their number formats, dates as serial numbers, formulas with their cached
 * results — merged areas, hidden rows and columns, column widths, notes, links, fills, fonts, names, protection.
 * Type-only use of ExcelJS: the caller brings the loaded workbook.
 */
import type { Cell, CellValue, Workbook, Worksheet } from 'exceljs';
import { colorFromFile, type FileColor } from './colors';
import { emptyWorkbookModel, nameTargetOf, newSheet, type HostCell, type HostCellValue, type HostSheet, type HostWorkbookModel, type SheetVisibility } from './model';
import type { Rect } from './addresses';
import { parseA1 } from './addresses';

// ExcelJS's ValueType, by number (avoids importing ExcelJS at run time).
const MERGE = 1;

const DAY_MS = 86_400_000;

/** Excel's serial date: days since 1899-12-30 (1900 system) or 1904-01-01. */
function serialOf(d: Date, date1904: boolean): number {
  const serial = d.getTime() / DAY_MS + (date1904 ? 24107 : 25569);
  return Math.round(serial * 86400) / 86400;
}

function richText(runs: unknown): string {
  return Array.isArray(runs) ? runs.map((r) => (r && typeof (r as { text?: unknown }).text === 'string' ? (r as { text: string }).text : '')).join('') : '';
}

function scalarOf(v: unknown, date1904: boolean): HostCellValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { error: '#NUM!' };
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Object.prototype.toString.call(v) === '[object Date]') {
    const t = (v as Date).getTime();
    return Number.isFinite(t) ? serialOf(v as Date, date1904) : { error: '#VALUE!' };
  }
  const o = v as Record<string, unknown>;
  if (typeof o.error === 'string') return { error: o.error };
  if (Array.isArray(o.richText)) return richText(o.richText);
  return undefined;
}

const PATTERNS: Record<string, string> = {
  solid: 'Solid', darkGray: 'Gray75', mediumGray: 'Gray50', lightGray: 'Gray25', gray125: 'Gray16', gray0625: 'Gray8',
  darkHorizontal: 'Horizontal', darkVertical: 'Vertical', darkDown: 'Down', darkUp: 'Up', darkGrid: 'Checker',
  darkTrellis: 'SemiGray75', lightHorizontal: 'LightHorizontal', lightVertical: 'LightVertical', lightDown: 'LightDown',
  lightUp: 'LightUp', lightGrid: 'Grid', lightTrellis: 'CrissCross',
};

const ALIGNMENTS: Record<string, string> = {
  left: 'Left', center: 'Center', right: 'Right', fill: 'Fill', justify: 'Justify', centerContinuous: 'CenterAcrossSelection', distributed: 'Distributed',
};

function copyStyle(cell: Cell, out: HostCell): void {
  const numFmt = cell.numFmt;
  if (numFmt && numFmt !== 'General') out.numberFormat = numFmt;
  const fill = cell.fill as { type?: string; pattern?: string; fgColor?: FileColor; bgColor?: FileColor; stops?: { color?: FileColor }[] } | undefined;
  if (fill?.type === 'pattern' && fill.pattern && fill.pattern !== 'none') {
    if (fill.pattern === 'solid') {
      const color = colorFromFile(fill.fgColor);
      if (color) out.fill = { color, pattern: 'Solid' };
    } else {
      const pattern = PATTERNS[fill.pattern] ?? 'Solid';
      const patternColor = colorFromFile(fill.fgColor);
      out.fill = { color: colorFromFile(fill.bgColor) ?? '#FFFFFF', pattern, ...(patternColor ? { patternColor } : {}) };
    }
  } else if (fill?.type === 'gradient') {
    const color = colorFromFile(fill.stops?.[0]?.color);
    if (color) out.fill = { color, pattern: 'LinearGradient' };
  }
  const font = cell.font as { bold?: boolean; italic?: boolean; color?: FileColor } | undefined;
  if (font) {
    const f: NonNullable<HostCell['font']> = {};
    if (font.bold) f.bold = true;
    if (font.italic) f.italic = true;
    const color = colorFromFile(font.color);
    // Theme text color 1 is the automatic black.
    if (color && color !== '#000000') f.color = color;
    if (Object.keys(f).length > 0) out.font = f;
  }
  const alignment = cell.alignment as { wrapText?: boolean; horizontal?: string } | undefined;
  if (alignment?.wrapText) out.wrapText = true;
  const h = alignment?.horizontal ? ALIGNMENTS[alignment.horizontal] : undefined;
  if (h) out.horizontalAlignment = h;
}

function noteOf(note: unknown): string | undefined {
  if (typeof note === 'string') return note;
  if (note && typeof note === 'object' && Array.isArray((note as { texts?: unknown }).texts)) return richText((note as { texts: unknown[] }).texts);
  return undefined;
}

function copyCell(cell: Cell, date1904: boolean): HostCell {
  const out: HostCell = {};
  copyStyle(cell, out);
  const note = noteOf(cell.note);
  if (note !== undefined) out.note = note;
  // The other cells of a merged area are empty in Excel (ExcelJS shows them the master's value).
  if (cell.type === MERGE && cell.master !== cell) return out;
  const v: CellValue = cell.value;
  const o = v !== null && typeof v === 'object' && Object.prototype.toString.call(v) !== '[object Date]' ? (v as unknown as Record<string, unknown>) : null;
  if (o && ('formula' in o || 'sharedFormula' in o)) {
    const formula = cell.formula;
    if (formula) out.formula = `=${formula}`;
    const result = scalarOf(o.result, date1904);
    if (result !== undefined) out.value = result;
    return out;
  }
  if (o && 'hyperlink' in o) {
    const text = typeof o.text === 'string' ? o.text : richText((o.text as { richText?: unknown } | undefined)?.richText);
    out.value = text;
    const target = String(o.hyperlink);
    out.hyperlink = target.startsWith('#') ? { documentReference: target.slice(1), textToDisplay: text } : { address: target, textToDisplay: text };
    if (typeof o.tooltip === 'string') out.hyperlink.screenTip = o.tooltip;
    return out;
  }
  const value = scalarOf(v, date1904);
  if (value !== undefined) out.value = value;
  return out;
}

/** Column widths: characters as stored in the file → points (Excel's rounding to whole pixels of a 7-pixel digit). */
function widthPoints(chars: number): number {
  const pixels = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return pixels * 0.75;
}

function mergesOf(ws: Worksheet): Rect[] {
  // ExcelJS keeps merges in a private map (master → range); the public model would rebuild every row.
  const merges = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number } | undefined> })._merges;
  if (merges) {
    return Object.values(merges)
      .filter((m): m is { top: number; left: number; bottom: number; right: number } => !!m)
      .map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
  }
  return ((ws.model as { merges?: string[] }).merges ?? []).map((a) => parseA1(a)).filter((r): r is Rect => r !== null);
}

function copySheet(model: HostWorkbookModel, ws: Worksheet, date1904: boolean): HostSheet {
  const sheet = newSheet(model, ws.name);
  const state = ws.state as string;
  sheet.visibility = (state === 'hidden' ? 'Hidden' : state === 'veryHidden' ? 'VeryHidden' : 'Visible') as SheetVisibility;
  sheet.protected = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet === true;
  // findRow/findCell, never eachRow/eachCell with empties: those create what they do not find in the caller's workbook.
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    if (row.hidden) sheet.hiddenRows.add(r - 1);
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.findCell(c);
      if (!cell) continue;
      const copy = copyCell(cell, date1904);
      if (Object.keys(copy).length === 0) continue;
      let line = sheet.cells.get(r - 1);
      if (!line) sheet.cells.set(r - 1, (line = new Map()));
      line.set(c - 1, copy);
    }
  }
  sheet.merges = mergesOf(ws);
  (ws.columns ?? []).forEach((col, i) => {
    if (!col) return;
    if (typeof col.width === 'number') sheet.columnWidths.set(i, widthPoints(col.width));
    if (col.hidden) sheet.hiddenColumns.add(i);
  });
  const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
  if (view?.state === 'frozen') {
    sheet.frozenRows = view.ySplit ?? 0;
    sheet.frozenColumns = view.xSplit ?? 0;
  }
  return sheet;
}

export function hostModelFromExcelJs(wb: Workbook): HostWorkbookModel {
  const model = emptyWorkbookModel();
  const date1904 = (wb.properties as { date1904?: boolean } | undefined)?.date1904 === true;
  const sheets = wb.worksheets.map((ws) => copySheet(model, ws, date1904));
  const activeTab = (wb.views?.[0] as { activeTab?: number } | undefined)?.activeTab;
  const active = activeTab !== undefined ? sheets[activeTab] : undefined;
  model.activeSheetId = (active && active.visibility === 'Visible' ? active : sheets.find((s) => s.visibility === 'Visible'))?.id ?? null;
  const defined = (wb.definedNames as unknown as { model?: { name: string; ranges?: string[] }[] }).model ?? [];
  for (const d of defined) {
    const ref = d.ranges?.[0];
    if (!ref || d.name.startsWith('_xlnm.')) continue;
    model.names.push({ name: d.name, target: nameTargetOf(model, ref), comment: '', visible: true });
  }
  return model;
}
