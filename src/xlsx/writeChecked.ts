/**
 * Renders the engine's plans into an ExcelJS workbook: the flags (fills and notes) on the user's own cells, and
 * the summary sheets. Only styles and notes of the user's cells are touched, never their values; the summary
 * sheets get names no user sheet has.
 */
import type ExcelJS from 'exceljs';
import type { CellFlag, SummaryCell, SummaryModel, SummarySheet, CellStyle } from '../core';
import { sheetRef, uniqueSheetName } from '../core';

export interface RenderOptions {
  /** First line of every note written, so that our notes can be told from the user's. */
  readonly noteHeader: string;
}

function solidFill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${argb}` } };
}

function existingNoteText(note: ExcelJS.Cell['note']): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** Flags on the user's cells. A note the cell already has is kept, and ours is added below it. */
export function applyFlags(wb: ExcelJS.Workbook, flags: readonly CellFlag[], opts: RenderOptions): number {
  let applied = 0;
  for (const f of flags) {
    const ws = wb.getWorksheet(f.sheet);
    if (!ws) continue;
    const cell = ws.getCell(f.cell);
    if (f.fill) {
      // A fresh style object: ExcelJS may share one style object between cells read from a file.
      cell.style = { ...cell.style, fill: solidFill(f.fill) };
    }
    if (f.note.length > 0) {
      const before = existingNoteText(cell.note);
      const ours = [opts.noteHeader, ...f.note].join('\n');
      cell.note = before ? `${before}\n\n${ours}` : ours;
    }
    applied++;
  }
  return applied;
}

function styleCell(cell: ExcelJS.Cell, style: CellStyle | undefined, numFmt: string | undefined): void {
  const s: Partial<ExcelJS.Style> = {};
  if (numFmt) s.numFmt = numFmt;
  if (style?.fill) s.fill = solidFill(style.fill);
  if (style && (style.bold || style.fontColor)) {
    s.font = { bold: style.bold, ...(style.fontColor ? { color: { argb: `FF${style.fontColor}` } } : {}) };
  }
  if (Object.keys(s).length > 0) cell.style = s;
}

/**
 * A summary cell's value. Strings stay strings: ExcelJS writes them as shared strings, never as formulas, so a
 * name such as "=1+1" from a submitted sheet shows as text.
 */
function cellValue(c: SummaryCell): ExcelJS.CellValue {
  if (c.link && c.value !== null && c.value !== '') {
    if (typeof c.value === 'string') return { text: c.value, hyperlink: `#${sheetRef(c.link.sheet, c.link.cell)}` };
  }
  return c.value;
}

function renderSheet(wb: ExcelJS.Workbook, sheet: SummarySheet, model: SummaryModel): ExcelJS.Worksheet {
  const name = uniqueSheetName(sheet.name, wb.worksheets.map((w) => w.name));
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width }));
  const header = ws.getRow(1);
  header.eachCell((cell) => styleCell(cell, model.styles.header, undefined));
  sheet.rows.forEach((row, i) => {
    const r = ws.getRow(i + 2);
    row.forEach((c, j) => {
      const cell = r.getCell(j + 1);
      cell.value = cellValue(c);
      styleCell(cell, c.style ? model.styles[c.style] : undefined, c.numFmt);
    });
  });
  if (sheet.rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  return ws;
}

/** Adds the summary sheets; returns the names they were given. */
export function addSummarySheets(wb: ExcelJS.Workbook, model: SummaryModel): string[] {
  return model.sheets.map((s) => renderSheet(wb, s, model).name);
}
