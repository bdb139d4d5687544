/** Excel's A1 addresses with sheet names ("'施策322（記入例）'!E25", "Sheet1!A1:B4, Sheet1!D1:D4"). */
import { parseRange, type CellRange } from '../core';

export interface SheetRange {
  readonly sheet: string;
  readonly range: CellRange;
}

/** 'Sheet'!A1:B2 as Excel wants a reference: the name quoted, quotes doubled. */
export function qualified(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** Reads one "Sheet!A1:B2" or "'My ''Sheet'''!A1" reference; null when it is not one (e.g. #REF!). */
export function parseQualified(text: string): SheetRange | null {
  const t = text.trim().replace(/^=/, '');
  let sheet: string;
  let rest: string;
  if (t.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < t.length) {
      if (t[i] === "'") {
        if (t[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += t[i];
      i++;
    }
    if (t[i + 1] !== '!') return null;
    sheet = name;
    rest = t.slice(i + 2);
  } else {
    const bang = t.lastIndexOf('!');
    if (bang <= 0) return null;
    sheet = t.slice(0, bang);
    rest = t.slice(bang + 1);
  }
  const range = parseRange(rest.replace(/\$/g, ''));
  return range ? { sheet, range } : null;
}

/** Splits a RangeAreas address ("S!A1:B2, S!C3") into its references, respecting quoted sheet names. */
export function splitAreas(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}
