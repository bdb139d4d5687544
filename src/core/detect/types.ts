/** What detection reports: proposals of tables, with why and how sure, and what it saw beside them. */
import type { TableMapping } from '../schema/mapping';

/** A reason or a doubt, as a message key (`detect.reason.<code>` / `detect.unsure.<code>`) and its parameters. */
export interface DetectNote {
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface DetectedTable {
  readonly kind: TableMapping['kind'];
  readonly sheet: string;
  /** The table's range ('A8:G11'), header rows included. */
  readonly range: string;
  readonly layout: TableMapping['layout'];
  /** The mapping of the table, in the schema the engine reads (docs/MAPPING.md). */
  readonly mapping: TableMapping;
  /** 0–1: how sure detection is of the whole proposal. Below the threshold it is shown, never applied. */
  readonly confidence: number;
  /** What the proposal rests on: header words found, layout seen. */
  readonly reasons: readonly DetectNote[];
  /** Parts the user must confirm or fill in (a direction inferred from falling targets, a year no header names). */
  readonly unsure: readonly DetectNote[];
}

/** A 進展度 grade (A–D) written near the tables of a 事業マネジメントシート. */
export interface ProgressGrade {
  readonly sheet: string;
  readonly cell: string;
  readonly grade: 'A' | 'B' | 'C' | 'D' | null;
  /** The words written with it (進んだ, ある程度進んだ …), or null. */
  readonly words: string | null;
  /** false when the letter and the words disagree, or only one of them could be read. */
  readonly consistent: boolean;
}

/** Something that looks like data detection cannot map (target and actual inside one cell): shown, not guessed. */
export interface UnmappedData {
  readonly sheet: string;
  readonly cell: string;
  readonly code: 'inCellTargetActual';
}

export interface SheetDetection {
  readonly sheet: string;
  readonly tables: DetectedTable[];
  readonly grades: ProgressGrade[];
  readonly unmapped: UnmappedData[];
}

export interface DetectOptions {
  /** Proposals at or above it go into the mapping detectWorkbook returns (default 0.6). */
  readonly threshold?: number;
}

export const DEFAULT_THRESHOLD = 0.6;
