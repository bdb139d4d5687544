/**
 * Names for the summary sheets that never take the name of a user's sheet: "達成状況" when free, else
 * "達成状況 (2)", "達成状況 (3)" … Excel's rules: at most 31 characters, none of : \ / ? * [ ], compared
 * without regard to case.
 */
const FORBIDDEN = /[:\\/?*[\]]/g;
const MAX = 31;

export function cleanSheetName(name: string): string {
  const cleaned = name.replace(FORBIDDEN, '_').replace(/^'+|'+$/g, '').slice(0, MAX);
  return cleaned === '' ? 'Sheet' : cleaned;
}

export function uniqueSheetName(wanted: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  const base = cleanSheetName(wanted);
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, MAX - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** A reference to a cell of a sheet, quoted as Excel wants it: 'シート名'!E11. */
export function sheetRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
