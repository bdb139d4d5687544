/** Running the engine on the bundled sample workbooks with their shipped mappings, as the command line does. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkWorkbook, fileReport, parseMappingText, type CheckOptions, type CheckResult, type FileReport, type Lang, type Mapping } from '../../src/core';
import { openWorkbook, workbookGrid } from '../../src/xlsx';
import type ExcelJS from 'exceljs';

export const SAMPLES = path.join(__dirname, '..', '..', 'samples');
export const SAMPLE_NAMES = ['shisaku-322-r3', 'monitoring-r1', 'jigyo-keikaku-r6'] as const;
export type SampleName = (typeof SAMPLE_NAMES)[number];

export function sampleMapping(name: SampleName): Mapping {
  const parsed = parseMappingText(readFileSync(path.join(SAMPLES, `${name}.tassei.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`sample mapping ${name} is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.mapping;
}

export async function openSample(name: SampleName): Promise<ExcelJS.Workbook> {
  const opened = await openWorkbook(new Uint8Array(readFileSync(path.join(SAMPLES, `${name}.xlsx`))));
  if (!opened.ok) throw new Error(`sample ${name} did not open: ${opened.error.code}`);
  return opened.workbook;
}

export interface SampleCheck {
  readonly workbook: ExcelJS.Workbook;
  readonly result: CheckResult;
  readonly report: FileReport;
}

export async function checkSample(name: SampleName, options: CheckOptions = {}, lang: Lang = 'ja', mapping?: Mapping): Promise<SampleCheck> {
  const workbook = await openSample(name);
  const result = checkWorkbook(workbookGrid(workbook), mapping ?? sampleMapping(name), options);
  return { workbook, result, report: fileReport(`samples/${name}.xlsx`, result, lang) };
}
