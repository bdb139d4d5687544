/**
 * A batch's JSON report (`--json`, docs/REPORT.md) joined from each file's own JSON text. The workers of a batch
 * write the text of the files they check, in parallel; the main thread only adds what needs all the files (each
 * file's notes) and joins the pieces. Joined, they are exactly JSON.stringify(report, null, 2).
 */

/** Where a file's entry stands in the report: in its files array, at depth 2. */
const ENTRY_INDENT = '    ';
const WRAP_HEAD = `{\n  "files": [\n${ENTRY_INDENT}`;
const WRAP_TAIL = '\n  ]\n}';

/** One file's entry as JSON text, indented as it stands in the report, without its notes (added by withNotes). */
export function fileEntryJson(entry: object): string {
  // Written where it stands, by JSON.stringify itself: re-indenting a large text costs more than writing it.
  return JSON.stringify({ files: [entry] }, null, 2).slice(WRAP_HEAD.length, -WRAP_TAIL.length);
}

/** The entry's text with `notes` as its last key: as fileEntryJson({ ...entry, notes }) would write it. */
export function withNotes(entryJson: string, notes: readonly unknown[]): string {
  const list = JSON.stringify(notes, null, 2).replace(/\n/g, `\n${ENTRY_INDENT}  `);
  const end = `\n${ENTRY_INDENT}}`;
  // A non-empty object's text ends with a line holding its "}"; an empty one is "{}".
  return entryJson === '{}' ? `{\n${ENTRY_INDENT}  "notes": ${list}${end}` : `${entryJson.slice(0, -end.length)},\n${ENTRY_INDENT}  "notes": ${list}${end}`;
}

/**
 * JSON.stringify(report, null, 2) in pieces, report.files given as their texts (withNotes): written one after
 * another, never joined into one string of all the files. The placeholders the files stand in for while the rest
 * is written are strings holding U+0000, which no other value of a report holds.
 */
export function reportJsonParts(report: { readonly files: readonly unknown[] }, files: readonly string[]): string[] {
  const text = JSON.stringify({ ...report, files: files.map((_, i) => `\u0000${i}`) }, null, 2);
  // split with a capture group: the text between the placeholders at even places, their numbers at odd ones.
  return text.split(/"\\u0000(\d+)"/).map((part, k) => (k % 2 === 1 ? files[Number(part)]! : part));
}
