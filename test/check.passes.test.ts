/**
 * checkWorkbook evaluates each indicator as soon as it is read when the year under report is known (named by the
 * mapping or by --fy), and keeps what it read until the end when it must infer that year from all tables. Both
 * ways must give the same result, findings in the same order included.
 */
import { checkWorkbook, fileReport, parseMappingText, type Mapping } from '../src/core';
import { workbook } from './helpers/memoryGrid';
import { workbookGrid } from '../src/xlsx';
import { openSample, sampleMapping, SAMPLE_NAMES } from './helpers/samples';

const withoutReportFy = (m: Mapping): Mapping => {
  const copy: Mapping = { ...m };
  delete (copy as { reportFy?: number }).reportFy;
  return copy;
};

describe.each(SAMPLE_NAMES)('%s', (name) => {
  test('inferring the year under report and being told it give the same result', async () => {
    const grid = workbookGrid(await openSample(name));
    const mapping = withoutReportFy(sampleMapping(name));
    const inferred = checkWorkbook(grid, mapping);
    expect(inferred.reportFy).not.toBeNull();
    const told = checkWorkbook(grid, mapping, { reportFy: inferred.reportFy! });
    expect(told).toEqual(inferred);
    expect(told.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(inferred.findings.map((f) => `${f.rule} ${f.cell}`));
    expect(fileReport('x.xlsx', told)).toEqual(fileReport('x.xlsx', inferred));
  });
});

test('the findings of reading an indicator come right before those of evaluating it, indicator by indicator', () => {
  // Two-row table: the first indicator misses its FY2021 target (found when evaluating), the second has an
  // unreadable FY2021 actual (found when reading). The report lists them in the order of the sheet.
  const wb = workbook(
    {
      name: '施策',
      rows: [
        ['目標項目', '令和2年度', '３年度'],
        ['訪問者数', '100 人', '100 人'],
        [null, '95 人', '50 人'],
        ['相談件数', '10 件', '10 件'],
        [null, '10 件', '12件 30件'],
      ],
    },
  );
  const mapping = parseMappingText(
    JSON.stringify({
      version: 1,
      tables: [{ kind: 'indicator', sheet: '施策', layout: 'two-row', nameColumn: 'A', years: [{ fy: 'B1', target: 'B', actual: 'B' }, { fy: 'C1', target: 'C', actual: 'C' }], rows: [{ target: 2, actual: 3 }, { target: 4, actual: 5 }] }],
    }),
  );
  if (!mapping.ok) throw new Error(JSON.stringify(mapping.issues));
  for (const options of [{}, { reportFy: 2021 }]) {
    const rules = checkWorkbook(wb, mapping.mapping, options).findings.map((f) => `${f.rule} ${f.cell}`);
    expect(rules).toEqual(['indicator.target-gap C3', 'value.unparseable C5', 'indicator.missing-actual C5']);
  }
});
