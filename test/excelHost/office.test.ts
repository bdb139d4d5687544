/** Office.onReady, Office.context, requirement sets, and the globals for code that uses them. */
import { createExcelHost } from '../../src/excelHost';
import { hostWith, thrown } from './helpers';

describe('Office', () => {
  test('onReady resolves { host: Excel, platform: OfficeOnline } and calls back', async () => {
    const host = createExcelHost();
    const seen: unknown[] = [];
    const info = await host.Office.onReady((i) => seen.push(i));
    expect(info).toEqual({ host: 'Excel', platform: 'OfficeOnline' });
    expect(seen).toEqual([info]);
    expect(host.Office.HostType.Excel).toBe('Excel');
  });

  test('displayLanguage is ja-JP unless configured', () => {
    expect(createExcelHost().Office.context.displayLanguage).toBe('ja-JP');
    expect(createExcelHost(undefined, { displayLanguage: 'en-US' }).Office.context.displayLanguage).toBe('en-US');
  });

  test('isSetSupported answers from the configured versions (default ExcelApi 1.18)', () => {
    const req = createExcelHost().Office.context.requirements;
    expect([req.isSetSupported('ExcelApi', '1.18'), req.isSetSupported('ExcelApi', '1.19'), req.isSetSupported('ExcelApi'), req.isSetSupported('ExcelApi', 1.9)]).toEqual([true, false, true, true]);
    const old = createExcelHost(undefined, { requirementSets: { ExcelApi: '1.12' } }).Office.context.requirements;
    expect([old.isSetSupported('ExcelApi', '1.9'), old.isSetSupported('ExcelApi', '1.13'), old.isSetSupported('WordApi', '1.1')]).toEqual([true, false, false]);
  });
});

describe('APIs above the supported set throw ApiNotFound at the call', () => {
  const cases: [string, string, (ctx: Excel.RequestContext) => unknown][] = [
    ['1.12', 'Range.getMergedAreasOrNullObject', (ctx) => ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').getMergedAreasOrNullObject()],
    ['1.8', 'Range.getCellProperties', (ctx) => ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').getCellProperties({ address: true })],
    ['1.8', 'Range.setCellProperties', (ctx) => ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').setCellProperties([[{}]])],
    ['1.7', 'Workbook.readOnly', (ctx) => ctx.workbook.readOnly],
    ['1.6', 'Range.hyperlink', (ctx) => ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').hyperlink],
    ['1.3', 'Workbook.settings', (ctx) => ctx.workbook.settings],
  ];
  test.each(cases)('ExcelApi %s: %s', async (max, api, call) => {
    const host = hostWith(undefined, { requirementSets: { ExcelApi: max } });
    await host.Excel.run(async (ctx) => {
      const e = thrown(() => call(ctx));
      expect(e.code).toBe('ApiNotFound');
      expect(e.message).toContain(api);
    });
  });
});

describe('globals', () => {
  test('installGlobals puts Excel, Office and OfficeExtension on a global object and restores it', async () => {
    const host = hostWith({ sheets: [{ name: 'S', cells: { A1: 'g' } }] });
    const target: Record<string, unknown> = { Excel: 'before' };
    const restore = host.installGlobals(target);
    const Excel = target.Excel as typeof host.Excel;
    const value = await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1').load('values');
      await ctx.sync();
      return r.values[0]![0];
    });
    expect(value).toBe('g');
    expect(target.OfficeExtension).toBe(host.OfficeExtension);
    restore();
    expect(target.Excel).toBe('before');
  });

  test('new Excel.RequestContext() works outside Excel.run', async () => {
    const host = hostWith({ sheets: [{ name: 'S', cells: { A1: 1 } }] });
    const ctx = new host.Excel.RequestContext();
    const r = ctx.workbook.worksheets.getItem('S').getRange('A1').load('values');
    await ctx.sync();
    expect(r.values).toEqual([[1]]);
  });
});
