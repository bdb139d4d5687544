/**
 * Detection against the hand-made mappings: for each shared fixture (bundled as the sample workbooks), the report of
 * checkWorkbook with the detected mapping equals the report with samples/<name>.tassei.json — indicators, budgets,
 * findings (rendered, in their order) and totals. The year under report is not given: both runs infer it the same way.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkWorkbook, fileReport, totalsOf, type FileReport, type Mapping } from '../src/core';
import { detectWorkbook, detectWorkbookDetails } from '../src/core/detect';
import { openWorkbook, workbookGrid } from '../src/xlsx';
import { SAMPLES, SAMPLE_NAMES, sampleMapping } from './helpers/samples';

async function grid(file: string) {
  const opened = await openWorkbook(new Uint8Array(readFileSync(file)));
  if (!opened.ok) throw new Error(`${file}: ${opened.error.code}`);
  return workbookGrid(opened.workbook);
}

function report(g: Awaited<ReturnType<typeof grid>>, mapping: Mapping, file: string): FileReport {
  return fileReport(file, checkWorkbook(g, mapping), 'ja');
}

// The shared fixtures, as bundled in samples/ (byte for byte the same files; a clean checkout has only these).
const cases = SAMPLE_NAMES.map((name) => [name, path.join(SAMPLES, `${name}.xlsx`)] as const);

describe.each(cases)('%s (%s)', (name, file) => {
  test('the detected mapping gives the report of the hand-made mapping', async () => {
    const g = await grid(file);
    const hand = sampleMapping(name);
    // The hand-made mappings' reportFy equals the year the engine infers from the actuals; detection states none.
    const got = report(g, detectWorkbook(g), file);
    const want = report(g, hand, file);
    expect(got.reportFy).toBe(want.reportFy);
    expect(got.indicators).toEqual(want.indicators);
    expect(got.budgets).toEqual(want.budgets);
    expect(got.findings).toEqual(want.findings);
    expect(totalsOf([got])).toEqual(totalsOf([want]));
    expect(got.tables).toEqual(want.tables);
  });

  test('every table is proposed with confidence above the threshold, none left below it', async () => {
    const g = await grid(file);
    const details = detectWorkbookDetails(g);
    const all = details.sheets.flatMap((s) => s.tables);
    expect(all.length).toBe(sampleMapping(name).tables.length);
    expect(all.every((t) => t.confidence >= 0.6)).toBe(true);
  });
});
