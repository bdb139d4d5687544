/** A finding as the engine records it: the rule, where, and the values; the message is rendered per language later. */
import type { RuleId } from './validate/rules';

export type FindingValue = number | string | null;

export interface RawFinding {
  readonly rule: RuleId;
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly expected: FindingValue;
  readonly found: FindingValue;
  /** Extra values for the message template (role, fy, text …). */
  readonly params?: Readonly<Record<string, string | number>>;
}

export function finding(
  rule: RuleId,
  sheet: string | null,
  cell: string | null,
  found: FindingValue,
  expected: FindingValue = null,
  params?: Record<string, string | number>,
): RawFinding {
  // One shape, params or not: a report renders tens of thousands of findings through the same code.
  return { rule, sheet, cell, expected, found, params };
}
