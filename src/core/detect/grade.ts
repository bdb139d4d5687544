/**
 * The 進展度 grade of a 事業マネジメントシート: A 進んだ, B ある程度進んだ, C あまり進まなかった, D 進まなかった. Read from
 * the cell that says 進展度 (進展度：B), the next cells to its right, or the cell below; reported, not evaluated.
 */
import { columnLetters } from '../grid';
import { foldAndCollapse } from '../values/units';
import type { ScannedCell, ScannedRow, ScannedSheet } from './scan';
import { TAG } from './words';
import type { ProgressGrade } from './types';

type Grade = 'A' | 'B' | 'C' | 'D';
// Longest first: あまり進まなかった holds 進まなかった, ある程度進んだ holds 進んだ.
const WORDS: readonly [string, Grade][] = [
  ['あまり進まなかった', 'C'],
  ['ある程度進んだ', 'B'],
  ['進まなかった', 'D'],
  ['進んだ', 'A'],
];

function read(text: string): { grade: Grade | null; words: string | null } | null {
  const s = foldAndCollapse(text).replace(/進展度/g, '').replace(/^[\s:：]+/, '');
  const letter = /^[(（]?([A-D])(?![A-Za-z])/.exec(s)?.[1] as Grade | undefined;
  const found: [string, Grade][] = [];
  let rest = s;
  for (const [w, g] of WORDS) {
    if (rest.includes(w)) {
      found.push([w, g]);
      rest = rest.split(w).join('');
    }
  }
  if (found.length > 1) return null; // a legend (A 進んだ, B ある程度進んだ …), not a grade
  if (!letter && found.length === 0) return null;
  return { grade: letter ?? found[0]?.[1] ?? null, words: found[0]?.[0] ?? null };
}

/** The grades a row names (a cell saying 進展度, with the letter or the words beside or below it). */
export function gradesAt(s: ScannedSheet, row: ScannedRow, out: ProgressGrade[]): void {
  const r = row.row;
  if (!(row.tags & TAG.grade)) return;
  for (const c of row.cells) {
    if (!(c.tags & TAG.grade)) continue;
    const candidates: { row: number; cell: ScannedCell }[] = [{ row: r, cell: c }];
    for (const x of row.cells) if (x.col > c.col && x.col <= c.col + 3) candidates.push({ row: r, cell: x });
    const below = s.row(r + 1)?.cells.find((x) => x.col === c.col);
    if (below) candidates.push({ row: r + 1, cell: below });
    let best: { row: number; cell: ScannedCell; g: NonNullable<ReturnType<typeof read>> } | null = null;
    for (const k of candidates) {
      const g = read(k.cell.text);
      if (g) {
        if (!best) best = { ...k, g };
        else if (!best.g.words && g.words && !best.g.grade) best = { ...k, g };
        else if (best.g.grade && !best.g.words && g.words && k.row === best.row) best = { row: best.row, cell: best.cell, g: { grade: best.g.grade, words: g.words } };
        if (best.g.grade && best.g.words) break;
      }
    }
    if (!best) continue;
    const { grade, words } = best.g;
    const consistent = grade !== null && (words === null || WORDS.find(([w]) => w === words)?.[1] === grade);
    out.push({ sheet: s.sheet.name, cell: `${columnLetters(best.cell.col)}${best.row}`, grade, words, consistent });
  }
}
