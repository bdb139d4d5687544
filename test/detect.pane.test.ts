/**
 * The pane's "detect tables" through the Office.js adapter on the in-memory Excel host: a list with no year named
 * above it is proposed for the user to correct, never offered for acceptance as is (its mapping would carry a year
 * nobody wrote); the same list under a year heading can be accepted.
 */
import ExcelJS from 'exceljs';
import { ExcelConnector, type ExcelApi } from '../src/excel/connector';
import { TasseiService, EMPTY_MAPPING } from '../src/taskpane/service';
import { createExcelHost, hostModelFromExcelJs } from '../src/excelHost';

function serviceOn(heading: string | null): TasseiService {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('成果目標値');
  ws.getCell('A1').value = '【2】事業承継・引継ぎ支援センター事業';
  if (heading) ws.getCell('A2').value = heading;
  const rows = [
    ['(1) 1次対応相談件数(親族内)', '目標', '130件', '実績', '112件'],
    ['(2) 1次対応相談件数(譲渡)', '目標', '139件', '実績', '114件'],
    ['(3) 成約件数(親族内)', '目標', '23件', '実績', '21件'],
  ];
  rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(3 + i, 1 + j).value = v)));
  const host = createExcelHost(hostModelFromExcelJs(wb));
  return new TasseiService(new ExcelConnector(host.Excel as unknown as ExcelApi, host.Office.context.requirements), 'ja');
}

test('a list with no year is proposed for correction only; under 令和5年度 it can be accepted', async () => {
  const noYear = await serviceOn(null).detectTables(EMPTY_MAPPING);
  expect(noYear.proposals).toHaveLength(1);
  expect(noYear.proposals[0]).toMatchObject({ complete: false, sure: false, range: expect.stringMatching(/^A3:E5$/) });
  expect(noYear.proposals[0]!.unsure.join(' ')).toMatch(/年度/);

  const withYear = await serviceOn('1. 令和5年度 目標・実績').detectTables(EMPTY_MAPPING);
  expect(withYear.proposals).toHaveLength(1);
  expect(withYear.proposals[0]).toMatchObject({ complete: true });
  const table = withYear.proposals[0]!.table;
  expect(table.kind === 'indicator' && table.years.map((y) => y.fy)).toEqual(['A2']);
});
