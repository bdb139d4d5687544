/** Finding and loading the mapping of a workbook: --mapping, or <name>.tassei.json beside the workbook. */
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { parseMappingText, type Mapping, type MappingIssue } from '../core';

export type LoadedMapping = { ok: true; mapping: Mapping; file: string } | { ok: false; file: string; message?: string; issues?: MappingIssue[] };

const MAX_MAPPING_BYTES = 5 * 1024 * 1024;

export function sidecarOf(workbook: string): string {
  const dir = path.dirname(workbook);
  const base = path.basename(workbook).replace(/\.xlsx$/i, '');
  return path.join(dir, `${base}.tassei.json`);
}

export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

export async function loadMapping(file: string): Promise<LoadedMapping> {
  try {
    const s = await stat(file);
    if (!s.isFile() || s.size > MAX_MAPPING_BYTES) return { ok: false, file, message: s.isFile() ? 'too large' : 'not a file' };
    const parsed = parseMappingText(await readFile(file, 'utf8'));
    return parsed.ok ? { ok: true, mapping: parsed.mapping, file } : { ok: false, file, issues: parsed.issues };
  } catch (e) {
    return { ok: false, file, message: e instanceof Error ? e.message : String(e) };
  }
}
