/**
 * What load() accepts, as office.js reads it: "a, b/c", ["a", "b/c"], or { select, expand, top, skip }.
 * Paths are split at "/" (navigation properties) and, for collections, "items/" is the way into the items.
 */

export interface LoadSpec {
  /** Property paths, each split at "/"; null: every scalar property (load() with no argument). */
  readonly paths: readonly (readonly string[])[] | null;
  readonly top?: number;
  readonly skip?: number;
}

function list(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  const items = Array.isArray(v) ? v : v.split(',');
  return items.map((s) => s.trim()).filter((s) => s.length > 0);
}

export type LoadOption = string | string[] | { select?: string | string[]; expand?: string | string[]; top?: number; skip?: number } | undefined;

export function parseLoadOption(option: LoadOption): LoadSpec {
  if (option === undefined || option === null) return { paths: null };
  if (typeof option === 'string' || Array.isArray(option)) {
    const names = list(option);
    return { paths: names.length === 0 ? null : names.map((n) => n.split('/')) };
  }
  const select = list(option.select);
  const expand = list(option.expand);
  const names = [...select, ...expand];
  const spec: { paths: string[][] | null; top?: number; skip?: number } = { paths: names.length === 0 ? null : names.map((n) => n.split('/')) };
  if (option.top !== undefined) spec.top = option.top;
  if (option.skip !== undefined) spec.skip = option.skip;
  return spec;
}
