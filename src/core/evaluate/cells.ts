/** Small readers shared by the table evaluators: a cell's text, a mapped fiscal year, findings of a parsed value. */
import { parseAddress, type CellValue, type SheetGrid } from '../grid';
import type { ParsedValue } from '../values/types';
import { parseFiscalYear } from '../fiscalYear';
import type { Era, RatioMethod } from '../schema/mapping';
import { finding, type RawFinding } from '../findings';
import type { ParseCache } from '../values/parseCache';

export interface YearContext {
  /** The era of era-less headers (２年度, (30)), from the mapping or the sheet. */
  readonly era: Era | null;
  /** The default ratio method of the settings, if any. */
  readonly method: RatioMethod | null;
  /** Parsed cell values shared by the tables of one check. */
  readonly cache?: ParseCache;
}

export function cellAt(sheet: SheetGrid, address: string): CellValue {
  const ref = parseAddress(address);
  return ref ? sheet.cell(ref.row, ref.col) : { kind: 'empty' };
}

/** The text a cell shows, for names and headers. */
export function cellText(sheet: SheetGrid, address: string): string {
  return textOf(cellAt(sheet, address));
}

export function textOf(v: CellValue): string {
  switch (v.kind) {
    case 'text':
      return v.text;
    case 'number':
      return String(v.value);
    case 'boolean':
      return v.value ? 'TRUE' : 'FALSE';
    case 'date':
      return v.iso;
    case 'error':
      return v.code;
    case 'empty':
      return '';
  }
}

/**
 * A fiscal year given in the mapping: a number as is, or a header cell read with the era context.
 * A header that cannot be read is a finding, and the year is left out (null).
 */
export function resolveYear(sheet: SheetGrid, fy: number | string, ctx: YearContext, findings: RawFinding[]): number | null {
  if (typeof fy === 'number') return fy;
  const v = cellAt(sheet, fy);
  const input = v.kind === 'number' ? v.value : textOf(v);
  const parsed = parseFiscalYear(input, { era: ctx.era });
  if (parsed) return parsed.fy;
  findings.push(finding('sheet.fiscal-year-unparsed', sheet.name, fy, String(input), null, { text: String(input) }));
  return null;
}

/** Records the finding of a cell that was read in a numeric role and could not be. */
export function pushValueFindings(findings: RawFinding[], v: ParsedValue, sheet: string, cell: string, role: string): void {
  if (v.kind !== 'invalid') return;
  if (v.reason === 'error-cell') findings.push(finding('value.error-cell', sheet, cell, v.text, null, { role, text: v.text }));
  else findings.push(finding('value.unparseable', sheet, cell, v.text, null, { role, reason: v.reason, text: v.text }));
}
