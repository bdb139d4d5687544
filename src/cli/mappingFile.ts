/**
 * Finding and loading the mapping of a workbook (--mapping, or <name>.tassei.json beside the workbook), and the
 * names of a workbook's companion files. Free of ExcelJS: a batch's main thread uses it while its workers read.
 */
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseMappingText, type Mapping, type MappingIssue, type MappingParse, type Translate } from '../core';

export type LoadedMapping = { ok: true; mapping: Mapping; file: string } | { ok: false; file: string; message?: string; issues?: MappingIssue[] };

const MAX_MAPPING_BYTES = 5 * 1024 * 1024;

export function sidecarOf(workbook: string): string {
  const dir = path.dirname(workbook);
  const base = path.basename(workbook).replace(/\.xlsx$/i, '');
  return path.join(dir, `${base}.tassei.json`);
}

/** The checked copy's name (written into --out). */
export function outputName(file: string): string {
  return `${path.basename(file).replace(/\.xlsx$/i, '')}.checked.xlsx`;
}

export function mappingProblem(m: Exclude<LoadedMapping, { ok: true }>, t: Translate): string {
  if (m.issues) return [t('cli.mappingInvalid', { file: m.file }), ...m.issues.map((i) => `  ${i.path}: ${i.message}`)].join('\n');
  return t('cli.mappingUnreadable', { file: m.file, message: m.message ?? '' });
}

// Synchronous behind async signatures, as readFile.ts and for the same reason: a batch asks hundreds of times.

export async function exists(file: string): Promise<boolean> {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Mappings already validated, by their text: a folder of submissions holds the same sidecar many times over, and
 * validating one (zod) costs more than reading it. Each caller gets its own copy, so none can change another's.
 */
const parsed = new Map<string, MappingParse>();
const CACHED_TEXTS = 32;
const CACHED_TEXT_CHARS = 256 * 1024;

function parseCached(text: string): MappingParse {
  if (text.length > CACHED_TEXT_CHARS) return parseMappingText(text);
  let result = parsed.get(text);
  if (!result) {
    result = parseMappingText(text);
    // Oldest first out: a batch rarely holds more than a few kinds of sidecar.
    if (parsed.size >= CACHED_TEXTS) parsed.delete(parsed.keys().next().value!);
    parsed.set(text, result);
  }
  return structuredClone(result);
}

export async function loadMapping(file: string): Promise<LoadedMapping> {
  try {
    const s = statSync(file);
    if (!s.isFile() || s.size > MAX_MAPPING_BYTES) return { ok: false, file, message: s.isFile() ? 'too large' : 'not a file' };
    const result = parseCached(readFileSync(file, 'utf8'));
    return result.ok ? { ok: true, mapping: result.mapping, file } : { ok: false, file, issues: result.issues };
  } catch (e) {
    return { ok: false, file, message: e instanceof Error ? e.message : String(e) };
  }
}
