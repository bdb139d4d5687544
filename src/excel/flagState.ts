/**
 * What the add-in remembers, inside the workbook, about the flags it set: for each flagged cell, the fill and the
 * note it had before, so that "clear flags" puts back exactly those. Kept in a workbook setting as JSON.
 */
import { z } from 'zod';

export const FLAG_STATE_KEY = 'tassei.flags.v1';

const fillSchema = z
  .object({
    color: z.string().optional(),
    pattern: z.string().optional(),
    patternColor: z.string().optional(),
    tintAndShade: z.number().optional(),
    patternTintAndShade: z.number().optional(),
  })
  .strict();

export const flaggedCellSchema = z
  .object({
    sheet: z.string(),
    cell: z.string(),
    /** The cell's fill before we flagged it. */
    fill: fillSchema,
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
  const text = typeof value === 'string' ? value : null;
  if (text === null) return null;
  try {
    const parsed = flagStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const cellKey = (sheet: string, cell: string): string => `${sheet}\u0000${cell}`;
