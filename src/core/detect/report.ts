/**
 * What the command line's report says about a detected mapping (files[].detection, docs/REPORT.md): every proposal
 * with its confidence and whether it was applied, its reasons and unsure parts in words, the 進展度 grades and the
 * data that could not be mapped.
 */
import { fillTemplate, type Lang } from '../i18n';
import { describeGrade, describeNote } from './notes';
import { DEFAULT_THRESHOLD, type SheetDetection } from './types';

export interface DetectionReport {
  readonly threshold: number;
  readonly tables: {
    readonly sheet: string;
    readonly range: string;
    readonly kind: string;
    readonly layout: string;
    readonly confidence: number;
    readonly applied: boolean;
    readonly reasons: string[];
    readonly unsure: string[];
  }[];
  readonly grades: { readonly sheet: string; readonly cell: string; readonly grade: string | null; readonly words: string | null; readonly consistent: boolean; readonly message: string }[];
  readonly unmapped: { readonly sheet: string; readonly cell: string; readonly code: string; readonly message: string }[];
}

export function detectionReport(d: { readonly sheets: readonly SheetDetection[] }, lang: Lang, threshold = DEFAULT_THRESHOLD): DetectionReport {
  return {
    threshold,
    tables: d.sheets.flatMap((s) =>
      s.tables.map((t) => ({
        sheet: t.sheet,
        range: t.range,
        kind: t.kind,
        layout: t.layout,
        confidence: t.confidence,
        applied: t.confidence >= threshold,
        reasons: t.reasons.map((n) => describeNote(n, lang, 'reason')),
        unsure: t.unsure.map((n) => describeNote(n, lang, 'unsure')),
      })),
    ),
    grades: d.sheets.flatMap((s) => s.grades.map((g) => ({ ...g, message: describeGrade(g, lang) }))),
    unmapped: d.sheets.flatMap((s) => s.unmapped.map((u) => ({ ...u, message: fillTemplate(lang, `detect.unmapped.${u.code}`, { cell: `${u.sheet}!${u.cell}` }) }))),
  };
}
