/** The consolidated summary of many submissions: plain data that the ExcelJS and Office.js adapters render. */
import type { FileReport, Totals } from '../report';
import type { StyleKey } from '../summary/styles';
import type { STYLES } from '../summary/styles';
import type { SummaryColumn, SummaryValue } from '../summary/model';

/** One submitted file and what the engine made of it. */
export interface Submission {
  readonly report: FileReport;
  /** SHA-256 of the file's bytes (hex), computed by the adapter; null when the bytes could not be read. */
  readonly hash: string | null;
}

/** Where a row's value came from: a file, and in it a sheet and a cell (both null for the file itself). */
export interface SourceRef {
  readonly file: string;
  readonly sheet: string | null;
  readonly cell: string | null;
}

export interface ConsolidatedCell {
  readonly value: SummaryValue;
  readonly style?: StyleKey;
  readonly numFmt?: string;
  /** Rendered as a link to that file (and sheet and cell) where the renderer can. */
  readonly source?: SourceRef;
}

export type ConsolidatedKey = 'files' | 'achievement' | 'budget' | 'budgetTotals' | 'findings';

export interface ConsolidatedSheet {
  readonly key: ConsolidatedKey;
  /** The name wanted; the renderer makes it unique in its workbook. */
  readonly name: string;
  readonly columns: readonly SummaryColumn[];
  readonly rowCount: number;
  /** Rows made as they are read (a batch of hundreds of files may give hundreds of thousands of rows). */
  rows(): Iterable<readonly ConsolidatedCell[]>;
}

export type BatchNoteCode = 'duplicate' | 'same-sheet' | 'other-year';

/** Something about a file that only shows next to the other files: said plainly, never acted on. */
export interface BatchNote {
  readonly code: BatchNoteCode;
  readonly message: string;
  /** The other files concerned: the first FILES_LISTED of them (a folder of 施策評価表 shares its sheet names). */
  readonly files: readonly string[];
  /** How many other files are concerned in all. */
  readonly count: number;
  /** The sheet shared with the other files ('same-sheet'). */
  readonly sheet?: string;
}

export type FileStatus = 'failed' | 'errors' | 'warnings' | 'ok';

export interface FileSummary {
  readonly file: string;
  readonly hash: string | null;
  readonly status: FileStatus;
  readonly error: FileReport['error'];
  readonly reportFy: number | null;
  readonly tables: number;
  readonly totals: Totals;
  readonly notes: readonly BatchNote[];
}

/** A budget total: per 財源 within a fiscal year and unit (kind 'source'), or the whole year (kind 'fy'). */
export interface BudgetTotal {
  readonly kind: 'source' | 'fy';
  readonly unit: string | null;
  readonly fy: number | null;
  /** The 財源 for kind 'source' (null: none written); always null for kind 'fy'. */
  readonly source: string | null;
  readonly projects: number;
  readonly files: number;
  readonly amount: number;
  readonly previousAmount: number;
  readonly change: number;
}

export interface ConsolidatedModel {
  readonly files: readonly FileSummary[];
  readonly totals: Totals;
  readonly budgetTotals: readonly BudgetTotal[];
  /** Files whose content another file of the batch has too. */
  readonly duplicates: number;
  readonly sheets: readonly ConsolidatedSheet[];
  readonly styles: typeof STYLES;
}
