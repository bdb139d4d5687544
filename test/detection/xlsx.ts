/**
 * A sheet written as an .xlsx workbook (values, number formats, merged areas), as an official would send it: for the
 * command-line tests and bench/detection.js. ExcelJS's Workbook class is passed in, because the bench loads this file
 * from a temporary folder where `exceljs` does not resolve.
 */
import type ExcelJS from 'exceljs';
import type { CellRange, SheetGrid } from '../../src/core';

export function workbookOfSheet(Workbook: typeof ExcelJS.Workbook, sheet: SheetGrid): ExcelJS.Workbook {
  const wb = new Workbook();
  const ws = wb.addWorksheet(sheet.name);
  const merged = new Map<string, CellRange>();
  for (let r = 1; r <= sheet.rowCount; r++) {
    for (let c = 1; c <= sheet.columnCount; c++) {
      const area = sheet.mergedArea(r, c);
      if (area) merged.set(`${area.top}:${area.left}`, area);
      if (area && (area.top !== r || area.left !== c)) continue;
      const v = sheet.cell(r, c);
      if (v.kind === 'text') ws.getCell(r, c).value = v.text;
      else if (v.kind === 'number') {
        ws.getCell(r, c).value = v.value;
        if (v.numFmt) ws.getCell(r, c).numFmt = v.numFmt;
      }
    }
  }
  for (const a of merged.values()) ws.mergeCells(a.top, a.left, a.bottom, a.right);
  return wb;
}
