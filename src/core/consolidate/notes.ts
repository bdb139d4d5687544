/**
 * What only shows when submissions are seen together: the same file sent twice, sheets of the same name in
 * several files, files of different report years. Each becomes a note on the files concerned; nothing is merged,
 * dropped or overwritten because of it.
 */
import type { Translate } from '../i18n';
import type { BatchNote, Submission } from './types';

const NAMES_SHOWN = 3;
/**
 * Files listed in a note's `files`: the report stays linear in the number of files (200 submissions of one form
 * all share their sheet names; listing every other file in every file's note made it quadratic).
 */
export const FILES_LISTED = 10;

/** "a.xlsx、b.xlsx、c.xlsx ほか 4 件" ("ほか … 件" by count: the files of a group mostly share it). */
function listOf(files: readonly string[], count: number, more: (count: number) => string, sep: string): string {
  const shown = files.slice(0, NAMES_SHOWN).join(sep);
  return count > NAMES_SHOWN ? `${shown}${sep}${more(count - NAMES_SHOWN)}` : shown;
}

/** Groups of submission indexes by a key; only groups of two or more are kept. */
function groups(keys: readonly (readonly string[])[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  keys.forEach((list, i) => {
    for (const k of list) {
      const g = out.get(k);
      if (g) g.push(i);
      else out.set(k, [i]);
    }
  });
  for (const [k, g] of out) if (g.length < 2) out.delete(k);
  return out;
}

/** The notes of each submission, in the order of the submissions. */
export function batchNotes(subs: readonly Submission[], t: Translate, sep: string): BatchNote[][] {
  const notes: BatchNote[][] = subs.map(() => []);
  const names = subs.map((s) => s.report.file);
  // The first few other files of a group (enough for the message and the list), and how many there are.
  const others = (group: readonly number[], i: number): string[] => {
    const out: string[] = [];
    for (const j of group) {
      if (j === i) continue;
      if (out.length === FILES_LISTED) break;
      out.push(names[j]!);
    }
    return out;
  };
  const mores = new Map<number, string>();
  const more = (count: number): string => {
    let text = mores.get(count);
    if (text === undefined) mores.set(count, (text = t('batch.note.more', { count })));
    return text;
  };

  for (const group of groups(subs.map((s) => (s.hash === null ? [] : [s.hash]))).values()) {
    for (const i of group) {
      const files = others(group, i);
      const count = group.length - 1;
      notes[i]!.push({ code: 'duplicate', message: t('batch.note.duplicate', { files: listOf(files, count, more, sep) }), files, count });
    }
  }

  // The sheets each file's tables were read from (a failed file has none).
  const sheets = subs.map((s) => [...new Set(s.report.tables.map((x) => x.sheet))]);
  for (const [sheet, group] of groups(sheets)) {
    for (const i of group) {
      const files = others(group, i);
      const count = group.length - 1;
      notes[i]!.push({ code: 'same-sheet', sheet, message: t('batch.note.sameSheet', { sheet, files: listOf(files, count, more, sep) }), files, count });
    }
  }

  const years = new Map<number, number[]>();
  subs.forEach((s, i) => {
    const fy = s.report.error ? null : s.report.reportFy;
    if (fy === null) return;
    const g = years.get(fy);
    if (g) g.push(i);
    else years.set(fy, [i]);
  });
  if (years.size > 1) {
    const sorted = [...years.entries()].sort((a, b) => a[0] - b[0]);
    for (const [fy, group] of sorted) {
      const rest = sorted.filter(([y]) => y !== fy);
      const othersText = rest.map(([y, g]) => t('batch.note.yearCount', { fy: y, count: g.length })).join(sep);
      const all = rest.flatMap(([, g]) => g);
      const files = all.slice(0, FILES_LISTED).map((j) => names[j]!);
      // The same note for every file of the year.
      const message = t('batch.note.otherYear', { fy, others: othersText });
      for (const i of group) notes[i]!.push({ code: 'other-year', message, files, count: all.length });
    }
  }
  return notes;
}
