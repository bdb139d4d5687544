/**
 * The fixture workbooks as corpus cases: each sheet with the tables of the hand-made mapping shipped with the
 * samples (samples/*.tassei.json). Read with the ExcelJS adapter, as the command line reads them.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseMappingText } from '../../src/core';
import { openWorkbook, workbookGrid } from '../../src/xlsx';
import type { CorpusCase } from './corpus';

export const FIXTURE_NAMES = ['shisaku-322-r3', 'monitoring-r1', 'jigyo-keikaku-r6'] as const;
const SAMPLES_DIR = path.join(__dirname, '..', '..', 'samples');

/** The shared fixtures, as bundled in samples/ (byte for byte the same files; a clean checkout has only these). */
export async function fixtureCases(samplesDir = SAMPLES_DIR): Promise<CorpusCase[]> {
  const out: CorpusCase[] = [];
  for (const name of FIXTURE_NAMES) {
    const opened = await openWorkbook(new Uint8Array(readFileSync(path.join(samplesDir, `${name}.xlsx`))));
    if (!opened.ok) throw new Error(`${name}: ${opened.error.code}`);
    const parsed = parseMappingText(readFileSync(path.join(samplesDir, `${name}.tassei.json`), 'utf8'));
    if (!parsed.ok) throw new Error(`${name}: mapping invalid`);
    for (const sheet of workbookGrid(opened.workbook).sheets) {
      out.push({ id: `${name}/${sheet.name}`, sheets: [sheet], expected: parsed.mapping.tables.filter((t) => t.sheet === sheet.name) });
    }
  }
  return out;
}
