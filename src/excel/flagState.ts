/**
 * What the add-in remembers, inside the workbook, about the flags it set: for each flagged cell, the fill and the
 * note it had before, so that "clear flags" puts back exactly those. Kept in a workbook setting as JSON.
 */
import { z } from 'zod';

export const FLAG_STATE_KEY = 'tassei.flags.v1';

const fillSchema = z
  .object({
    color: z.string().nullable().optional(),
    pattern: z.string().nullable().optional(),
    patternColor: z.string().nullable().optional(),
    tintAndShade: z.number().nullable().optional(),
    patternTintAndShade: z.number().nullable().optional(),
  })
  .strict();

export const flaggedCellSchema = z
  .object({
    sheet: z.string(),
    cell: z.string(),
    /** The cell's fill before we flagged it; absent: it had none (kept small: a check may flag 10,000s of cells). */
    fill: fillSchema.optional(),
    /** The cell's note before we flagged it (null: it had none; undefined: notes were not available). */
    note: z.string().nullable().optional(),
  })
  .strict();

export const flagStateSchema = z.object({ version: z.literal(1), cells: z.array(flaggedCellSchema) }).strict();

export type SavedFill = z.infer<typeof fillSchema>;
export type FlaggedCell = z.infer<typeof flaggedCellSchema>;
export type FlagState = z.infer<typeof flagStateSchema>;

/** The saved state, or null when there is none or it is not ours (never trust a setting blindly). */
export function readFlagState(value: unknown): FlagState | null {
  let json: unknown = value;
  if (typeof value === 'string') {
    try {
      json = JSON.parse(value);
    } catch {
      return null;
    }
  }
  const parsed = flagStateSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

export const cellKey = (sheet: string, cell: string): string => `${sheet}\u0000${cell}`;
