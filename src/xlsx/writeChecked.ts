/**
 * Renders the engine's plans into an ExcelJS workbook: the flags (fills and notes) on the user's own cells, and
 * the summary sheets. Only styles and notes of the user's cells are touched, never their values; the summary
 * sheets get names no user sheet has.
 */
import type ExcelJS from 'exceljs';
import { cellLink, cellNumFmt, cellStyle, cellValue, type CellFlag, type SummaryCell, type SummaryModel, type SummarySheet, type CellStyle } from '../core';
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
export function applyFlags(wb: ExcelJS.Workbook, flags: Iterable<CellFlag>, opts: RenderOptions): number {
  let applied = 0;
  // One new style object per (original style, fill): ExcelJS shares style objects between cells read from a file,
  // so a cell's own object must not be changed; and cells that share a style object are written out much faster.
  const restyled = new WeakMap<object, Map<string, Partial<ExcelJS.Style>>>();
  for (const f of flags) {
    const ws = wb.getWorksheet(f.sheet);
    if (!ws) continue;
    const cell = ws.getCell(f.cell);
    if (f.fill) {
      const base = cell.style ?? {};
      let byFill = restyled.get(base);
      if (!byFill) restyled.set(base, (byFill = new Map()));
      let style = byFill.get(f.fill);
      if (!style) byFill.set(f.fill, (style = { ...base, fill: solidFill(f.fill) }));
      cell.style = style;
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

/** Style objects shared by all cells of the same look (ExcelJS writes shared objects much faster). */
class StyleCache {
  private readonly byKey = new Map<string, Partial<ExcelJS.Style> | null>();
  get(style: CellStyle | undefined, numFmt: string | undefined): Partial<ExcelJS.Style> | null {
    const key = `${style ? JSON.stringify(style) : ''}|${numFmt ?? ''}`;
    let s = this.byKey.get(key);
    if (s === undefined) {
      const out: Partial<ExcelJS.Style> = {};
      if (numFmt) out.numFmt = numFmt;
      if (style?.fill) out.fill = solidFill(style.fill);
      if (style && (style.bold || style.fontColor)) out.font = { bold: style.bold, ...(style.fontColor ? { color: { argb: `FF${style.fontColor}` } } : {}) };
      s = Object.keys(out).length > 0 ? out : null;
      this.byKey.set(key, s);
    }
    return s;
  }
}

/**
 * A summary cell's value. Strings stay strings: ExcelJS writes them as shared strings, never as formulas, so a
 * name such as "=1+1" from a submitted sheet shows as text.
 */
function excelValue(c: SummaryCell): ExcelJS.CellValue {
  const value = cellValue(c);
  const link = cellLink(c);
  if (link && typeof value === 'string' && value !== '') return { text: value, hyperlink: `#${sheetRef(link.sheet, link.cell)}` };
  return value;
}

function renderSheet(wb: ExcelJS.Workbook, sheet: SummarySheet, model: SummaryModel, styles: StyleCache): ExcelJS.Worksheet {
  const name = uniqueSheetName(sheet.name, wb.worksheets.map((w) => w.name));
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width }));
  const headerStyle = styles.get(model.styles.header, undefined);
  ws.getRow(1).eachCell((cell) => {
    if (headerStyle) cell.style = headerStyle;
  });
  let i = 2;
  for (const row of sheet.rows()) {
    const r = ws.getRow(i++);
    row.forEach((c, j) => {
      const cell = r.getCell(j + 1);
      cell.value = excelValue(c);
      const key = cellStyle(c);
      const style = styles.get(key ? model.styles[key] : undefined, cellNumFmt(c, sheet.columns[j]));
      if (style) cell.style = style;
    });
  }
  if (sheet.rowCount > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  return ws;
}

/** Adds the summary sheets; returns the names they were given. */
export function addSummarySheets(wb: ExcelJS.Workbook, model: SummaryModel): string[] {
  const styles = new StyleCache();
  return model.sheets.map((s) => renderSheet(wb, s, model, styles).name);
}
