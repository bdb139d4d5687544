/** Fills, fonts, widths, cell properties, merged areas and links. */
import { hostWith, rejection } from './helpers';

describe('fill and font', () => {
  test("no fill reads '#FFFFFF'; a set color reads back in capitals; mixed reads null", async () => {
    const host = hostWith({ sheets: [{ name: 'S' }] });
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const before = ws.getRange('A1').format.fill.load('color');
      ws.getRange('A2').format.fill.color = '#ffc7ce';
      ws.getRange('A3').format.fill.color = 'orange';
      const a2 = ws.getRange('A2').format.fill.load('color');
      const a3 = ws.getRange('A3').format.fill.load('color');
      const mixed = ws.getRange('A1:A2').format.fill.load('color');
      await ctx.sync();
      expect([before.color, a2.color, a3.color, mixed.color]).toEqual(['#FFFFFF', '#FFC7CE', '#FFA500', null]);
      ws.getRange('A2').format.fill.clear();
      const cleared = ws.getRange('A2').format.fill.load('color, pattern');
      await ctx.sync();
      expect([cleared.color, cleared.pattern]).toEqual(['#FFFFFF', 'None']);
    });
  });

  test('a color Excel does not know fails with InvalidArgument', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }] });
    const e = await rejection(
      host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').format.fill.color = 'not-a-color';
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
  });

  test('font bold and color; defaults are false and black', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }] });
    await host.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:B1');
      const before = r.format.font.load('bold, color');
      await ctx.sync();
      expect([before.bold, before.color]).toEqual([false, '#000000']);
      r.format.font.bold = true;
      r.getCell(0, 1).format.font.color = '#9c0006';
      const after = r.format.font.load('bold, color');
      await ctx.sync();
      expect([after.bold, after.color]).toEqual([true, null]);
    });
  });

  test('columnWidth in points (standard 48), wrapText, autofitColumns', async () => {
    const host = hostWith({ sheets: [{ name: 'S', cells: { B1: '達成状況の一覧表' } }] });
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const std = ws.getRange('A1').format.load('columnWidth, wrapText');
      ws.getRange('C1').format.columnWidth = 84;
      ws.getRange('B:B').format.autofitColumns();
      ws.getRange('D1').format.wrapText = true;
      const c = ws.getRange('C1').format.load('columnWidth');
      const b = ws.getRange('B1').format.load('columnWidth');
      const d = ws.getRange('D1').format.load('wrapText');
      await ctx.sync();
      expect([std.columnWidth, std.wrapText, c.columnWidth, d.wrapText]).toEqual([48, false, 84, true]);
      expect(b.columnWidth).toBeGreaterThan(48);
    });
  });
});

describe('getCellProperties / setCellProperties (ExcelApi 1.9)', () => {
  test('answers only what was asked, per cell', async () => {
    const host = hostWith({ sheets: [{ name: '施策322', cells: { A1: { value: 1, fill: { color: '#FFC7CE' }, font: { bold: true, color: '#9C0006' } } } }] });
    await host.Excel.run(async (ctx) => {
      const props = ctx.workbook.worksheets
        .getItem('施策322')
        .getRange('A1:B1')
        .getCellProperties({ address: true, format: { fill: { color: true, pattern: true }, font: { bold: true, color: true } } });
      await ctx.sync();
      expect(props.value).toEqual([
        [
          { address: '施策322!A1', format: { fill: { color: '#FFC7CE', pattern: 'Solid' }, font: { bold: true, color: '#9C0006' } } },
          { address: '施策322!B1', format: { fill: { color: '#FFFFFF', pattern: 'None' }, font: { bold: false, color: '#000000' } } },
        ],
      ]);
    });
  });

  test('sets fills, fonts and links cell by cell; the array must match the range', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }, { name: '達成状況' }] });
    await host.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('達成状況').getRange('A1:B1');
      r.values = [['E11', 'plain']];
      r.setCellProperties([[{ format: { fill: { color: '#C6EFCE' }, font: { bold: true } }, hyperlink: { documentReference: "'S'!E11", textToDisplay: 'E11' } }, {}]]);
      const props = r.getCellProperties({ format: { fill: { color: true }, font: { bold: true } }, hyperlink: true });
      const link = r.getCell(0, 0).load('hyperlink');
      await ctx.sync();
      expect(props.value[0]!.map((p) => [p.format?.fill?.color, p.format?.font?.bold])).toEqual([
        ['#C6EFCE', true],
        ['#FFFFFF', false],
      ]);
      expect(link.hyperlink).toEqual({ documentReference: "'S'!E11", textToDisplay: 'E11' });
    });
    const e = await rejection(
      host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:B1').setCellProperties([[{}]]);
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
  });

  test("pattern 'None' removes the fill", async () => {
    const host = hostWith({ sheets: [{ name: 'S', cells: { A1: { fill: { color: '#FF0000' } } } }] });
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').setCellProperties([[{ format: { fill: { pattern: 'None' } } }]]);
      await ctx.sync();
    });
    expect(host.model.sheets[0]!.cells.size).toBe(0);
  });
});

describe('merged areas (ExcelApi 1.13)', () => {
  test('getMergedAreasOrNullObject gives the areas that meet the range, or a null object', async () => {
    const host = hostWith({ sheets: [{ name: 'S', merges: ['A10:A11', 'C1:D1'] }] });
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const both = ws.getRange('A1:D20').getMergedAreasOrNullObject().load('address, areaCount');
      both.areas.load('items/address');
      const none = ws.getRange('F1:F5').getMergedAreasOrNullObject().load('address');
      await ctx.sync();
      expect(both.address).toBe('S!C1:D1, S!A10:A11');
      expect(both.areaCount).toBe(2);
      expect(both.areas.items.map((a) => a.address)).toEqual(['S!C1:D1', 'S!A10:A11']);
      expect(none.isNullObject).toBe(true);
    });
  });

  test('merge keeps the top-left value; unmerge removes the area', async () => {
    const host = hostWith({ sheets: [{ name: 'S', cells: { A1: 'top', B1: 'lost' } }] });
    await host.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:B2');
      r.merge();
      const v = r.load('values');
      await ctx.sync();
      expect(v.values).toEqual([
        ['top', ''],
        ['', ''],
      ]);
      r.unmerge();
      await ctx.sync();
    });
    expect(host.model.sheets[0]!.merges).toEqual([]);
  });
});

describe('Range.set', () => {
  test('sets several properties, nested ones included', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }] });
    await host.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
      r.set({ numberFormat: [['@']], values: [['=x']], format: { fill: { color: '#FFEB9C' }, font: { bold: true } } });
      const v = r.load('values');
      const f = r.format.fill.load('color');
      await ctx.sync();
      expect([v.values, f.color]).toEqual([[['=x']], '#FFEB9C']);
    });
  });
});
