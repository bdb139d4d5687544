/** What a cell means once read: the result of parsing a cell value in a numeric role. */

export type Qualifier = 'atLeast' | 'atMost'; // 以上 / 以下

export interface Quantity {
  readonly kind: 'quantity';
  readonly value: number;
  /** Normalized unit ('件', '千円', '%'…), or null when the cell names none. */
  readonly unit: string | null;
  readonly qualifier: Qualifier | null;
  /** A ratio the cell states beside the value: '160件(123.1%)' → 1.231. */
  readonly statedRatio: number | null;
  /** Words around the value that qualify it: '(実績)', '(2017年度)', '見込', '(21件中)'. */
  readonly annotation: string | null;
  /** A fiscal year named in the annotation: '519 (2017年度)' → 2017. */
  readonly annotationFy: number | null;
  /**
   * A label: a circled number ('①3件' → '①'), or 目標 / 実績 written before the value ('目標 130件' → '目標'). A cell
   * may hold several labelled values: '②2件 ③1件', '目標 130件 実績 112件' (see `more`).
   */
  readonly label: string | null;
  /** true for '見込 75回' (an estimate, not a final figure). */
  readonly estimate: boolean;
  /** '2018年 3月末実績 +720件': the value is relative to the named base, which the cell does not give. */
  readonly relativeTo: string | null;
  /** Further values in the same cell: '②2件 ③1件' → the ③ value here, the ② one above; '目標 130件 実績 112件' → 実績. */
  readonly more: readonly Quantity[];
}

export type EmptyMarker = '' | '—' | '－' | '-' | '―' | '‐' | 'ー';

export interface Blank {
  readonly kind: 'blank';
  /** The marker written, '' for a truly empty cell. */
  readonly marker: string;
}

export interface NotApplicable {
  readonly kind: 'notApplicable'; // '/'
  readonly marker: string;
}

/** A word or sentence written instead of a number: 調査中, 未確定, 未定, 同左, '2019年度中に 検討'. */
export interface StatusText {
  readonly kind: 'status';
  readonly text: string;
  /** The known status word it is, or null for free text. */
  readonly word: string | null;
}

export type ParseFailureReason =
  | 'error-cell' // #DIV/0!, #N/A …
  | 'boolean'
  | 'date'
  | 'too-long' // text longer than the parser reads
  | 'code' // a five-digit project code, not a quantity
  | 'unlabelled' // a value with no 目標 / 実績 label where the mapping reads the target and the actual by label
  | 'unrecognized';

export interface ParseFailure {
  readonly kind: 'invalid';
  readonly reason: ParseFailureReason;
  /** The cell's content as text, for messages (shortened when long). */
  readonly text: string;
}

export type ParsedValue = Quantity | Blank | NotApplicable | StatusText | ParseFailure;
