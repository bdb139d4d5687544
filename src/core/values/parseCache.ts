/**
 * Parsing with a memory of what was parsed: sheets repeat the same cell texts ("5 件", "100 社", "—") across
 * thousands of rows, and parsed values are never changed after parsing, so one result can serve every repeat.
 */
import type { CellValue } from '../grid';
import type { ParsedValue } from './types';
import { parseCell } from './parse';
import { fastQuantity } from './fastQuantity';

const MAX_ENTRIES = 200_000;

export class ParseCache {
  // Keyed by the header unit first, so that the key of a cell is the cell's own text (no string is built per cell).
  private readonly texts = new Map<string | null, Map<string, ParsedValue>>();

  parse(cell: CellValue, headerUnit: string | null): ParsedValue {
    if (cell.kind !== 'text') return parseCell(cell, { headerUnit });
    // The common plain quantities are read before the memory is asked: reading '1,234 人' again costs less than
    // finding it among tens of thousands of remembered texts (a lookup there misses the processor's caches).
    const fast = fastQuantity(cell.text, headerUnit);
    if (fast !== undefined) return fast;
    let map = this.texts.get(headerUnit);
    if (!map) this.texts.set(headerUnit, (map = new Map()));
    return this.memo(map, cell.text, cell, headerUnit);
  }

  private memo(map: Map<string, ParsedValue>, key: string, cell: CellValue, headerUnit: string | null): ParsedValue {
    let v = map.get(key);
    if (v === undefined) {
      v = parseCell(cell, { headerUnit });
      // A bounded memory: on a huge sheet of distinct values it starts again rather than grow without end.
      if (map.size >= MAX_ENTRIES) map.clear();
      map.set(key, v);
    }
    return v;
  }
}
