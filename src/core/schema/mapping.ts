/**
 * The mapping: which cells of a workbook hold which indicator and budget tables. Plain JSON, so that users
 * can save, share and load it (`tassei check --mapping FILE`, and the task pane's export/import), validated
 * here with zod. Table detection proposes mappings of this same shape.
 */
import { z } from 'zod';
import { parseAddress } from '../grid';

const column = z
  .string()
  .regex(/^[A-Za-z]{1,3}$/, { message: 'column letters such as "B"' })
  .transform((s) => s.toUpperCase());

const address = z
  .string()
  .refine((s) => parseAddress(s) !== null, { message: 'a cell address such as "E12"' })
  .transform((s) => s.replace(/\$/g, '').toUpperCase());

const rangeText = z.string().regex(/^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/, {
  message: 'a range such as "A8:G11"',
});

/** A fiscal year: the Western year it starts in, or the address of a header cell that names it (令和元年度, ２年度 …). */
const fiscalYear = z.union([z.number().int().min(1900).max(2200), address]);

export const eraSchema = z.enum(['heisei', 'reiwa']);
export const directionSchema = z.enum(['up', 'down']);
export const methodSchema = z.enum(['ratio', 'inverse', 'progress']);

const indicatorOptions = {
  unit: z.string().min(1).nullable().optional(),
  direction: directionSchema.optional(),
  cumulative: z.boolean().optional(),
  method: methodSchema.optional(),
};

export const indicatorRowSchema = z
  .object({
    /** Row of the targets (目標値). */
    target: z.number().int().positive().optional(),
    /** Row of the actuals (実績値); the same row as target in a column layout. */
    actual: z.number().int().positive().optional(),
    /** The name, when it is not in the table's name column. */
    name: z.string().min(1).optional(),
    /** Which labelled value to read in cells holding several ('②2件 ③1件' → '②'). */
    label: z.string().min(1).optional(),
    /**
     * A target and an actual written in one cell ('目標 130件 実績 112件'): the label of each. The target is the item
     * so labelled in the target cell, the actual the one in the actual cell (usually the same cell: actual row and
     * column equal to the target's). A value with no such label there is a finding, never taken for either.
     */
    labels: z
      .object({ target: z.string().min(1), actual: z.string().min(1) })
      .strict()
      .optional()
      .describe('A target and an actual written in one cell ("目標 130件 実績 112件"): the label of each, e.g. { "target": "目標", "actual": "実績" }.'),
    ...indicatorOptions,
  })
  .strict()
  .refine((r) => r.target !== undefined || r.actual !== undefined, { message: 'a row needs target or actual' });

export const indicatorYearSchema = z
  .object({
    fy: fiscalYear,
    target: column.optional(),
    actual: column.optional(),
    /** Column of the sheet's own 目標達成状況. */
    stated: column.optional(),
  })
  .strict();

export const indicatorTableSchema = z
  .object({
    kind: z.literal('indicator'),
    sheet: z.string().min(1),
    /** The table's range, as reported; computed from the mapped cells when absent. */
    range: rangeText.optional(),
    layout: z.enum(['two-row', 'one-row', 'columns']),
    /** The era of era-less year headers (２年度); inferred from the sheet when absent. */
    era: eraSchema.optional(),
    nameColumn: column,
    /** A header cell that states the table's unit (`【単位 千世帯】`, `事業費(単位:千円)`). */
    unitHeader: address.optional(),
    baseline: z
      .object({ fy: fiscalYear, column, row: z.enum(['target', 'actual']).optional() })
      .strict()
      .optional(),
    years: z.array(indicatorYearSchema).min(1),
    rows: z.array(indicatorRowSchema).min(1),
    ...indicatorOptions,
  })
  .strict();

export const budgetProjectSchema = z
  .object({
    /** Cell of the project name. */
    name: address,
    source: address.optional(), // 財源
    continuation: address.optional(), // 継続・新規
    fy: fiscalYear.optional(),
    amount: address.optional(),
    previousFy: fiscalYear.optional(),
    previousAmount: address.optional(),
    statedChange: address.optional(), // 前年度比
    previousName: address.optional(),
    /** A cell holding the whole budget line as text: `予算額：（R2） ５１，８３５千円 → （R3） ７３，５９７千円`. */
    line: address.optional(),
  })
  .strict()
  .refine((p) => (p.amount !== undefined) !== (p.line !== undefined), {
    message: 'a project needs either amount (cells) or line (a text budget line), not both',
  });

export const budgetTableSchema = z
  .object({
    kind: z.literal('budget'),
    sheet: z.string().min(1),
    range: rangeText.optional(),
    layout: z.enum(['blocks', 'rows', 'text-lines']),
    era: eraSchema.optional(),
    unit: z.string().min(1).optional(),
    unitHeader: address.optional(),
    projects: z.array(budgetProjectSchema).min(1),
    /** The projects above repeat `count` times, each `rowStep` rows further down (budget blocks). */
    repeat: z.object({ count: z.number().int().min(1).max(100000), rowStep: z.number().int().min(1) }).strict().optional(),
    /** A 合計 row to check against the sum of the projects. */
    total: z.object({ amount: address.optional(), previousAmount: address.optional(), change: address.optional() }).strict().optional(),
  })
  .strict();

export const tableMappingSchema = z.discriminatedUnion('kind', [indicatorTableSchema, budgetTableSchema]);

export const settingsSchema = z
  .object({
    /** ratio ≥ met is achieved; nearly ≤ ratio < met is nearly; below is a gap. */
    thresholds: z.object({ met: z.number().positive(), nearly: z.number().nonnegative() }).strict().optional(),
    method: methodSchema.optional(),
    /** How far a stated amount may differ from the computed one, in display units (rounding of 千円). */
    budgetTolerance: z.number().nonnegative().optional(),
  })
  .strict();

export const mappingSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1),
    description: z.string().optional(),
    /** The year under report: actuals are expected up to it. */
    reportFy: z.number().int().min(1900).max(2200).optional(),
    settings: settingsSchema.optional(),
    tables: z.array(tableMappingSchema),
  })
  .strict();

export type Mapping = z.output<typeof mappingSchema>;
export type TableMapping = z.output<typeof tableMappingSchema>;
export type IndicatorTableMapping = z.output<typeof indicatorTableSchema>;
export type BudgetTableMapping = z.output<typeof budgetTableSchema>;
export type BudgetProjectMapping = z.output<typeof budgetProjectSchema>;
export type Settings = z.output<typeof settingsSchema>;
export type Direction = z.output<typeof directionSchema>;
export type RatioMethod = z.output<typeof methodSchema>;
export type Era = z.output<typeof eraSchema>;

export interface MappingIssue {
  readonly path: string;
  readonly message: string;
}

export type MappingParse = { ok: true; mapping: Mapping } | { ok: false; issues: MappingIssue[] };

/** Validate a mapping given as parsed JSON; never throws. */
export function parseMapping(json: unknown): MappingParse {
  const result = mappingSchema.safeParse(json);
  if (result.success) return { ok: true, mapping: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message })),
  };
}

/** Validate a mapping given as JSON text; a syntax error is an issue like any other. */
export function parseMappingText(text: string): MappingParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [{ path: '(json)', message: e instanceof Error ? e.message : String(e) }] };
  }
  return parseMapping(json);
}
