/** Detection's notes and grades in words, in the language asked for. */
import { fillTemplate, type Lang } from '../i18n';
import type { DetectNote, ProgressGrade } from './types';

/** A reason or an unsure part in words. */
export function describeNote(note: DetectNote, lang: Lang, kind: 'reason' | 'unsure'): string {
  return fillTemplate(lang, `detect.${kind}.${note.code}`, note.params ?? {});
}

/** A 進展度 grade in words. */
export function describeGrade(g: ProgressGrade, lang: Lang): string {
  return fillTemplate(lang, g.consistent ? 'detect.grade' : 'detect.gradeInconsistent', { grade: g.grade ?? '—', words: g.words ?? '—' });
}
