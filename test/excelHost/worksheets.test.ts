/** Worksheets: names and their rules, add / delete / rename / move / hide, activation and selection, frozen panes. */
import { hostWith, rejection } from './helpers';

describe('sheet names', () => {
  const bad = ['', ' ', 'a'.repeat(32), 'a:b', 'a\\b', 'a/b', 'a?b', 'a*b', 'a[b', 'a]b', "'lead", "trail'", 'History'];

  test.each(bad)('add(%j) fails with InvalidArgument', async (name) => {
    const host = hostWith();
    const e = await rejection(
      host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.add(name);
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
    expect(host.model.sheets).toHaveLength(1);
  });

  test('31 characters, Japanese, spaces and inner quotes are fine', async () => {
    const host = hostWith();
    await host.Excel.run(async (ctx) => {
      for (const name of ['a'.repeat(31), '達成状況 (2)', "It's"]) ctx.workbook.worksheets.add(name);
      await ctx.sync();
    });
    expect(host.model.sheets.map((s) => s.name)).toEqual(['Sheet1', 'a'.repeat(31), '達成状況 (2)', "It's"]);
  });

  test('a name taken by another sheet, in any case, fails with ItemAlreadyExists', async () => {
    const host = hostWith({ sheets: [{ name: 'Data' }] });
    const e = await rejection(
      host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.add('DATA');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ItemAlreadyExists');
  });

  test('add() without a name takes the first free SheetN; getItem is case-insensitive', async () => {
    const host = hostWith({ sheets: [{ name: 'Sheet1' }] });
    await host.Excel.run(async (ctx) => {
      const added = ctx.workbook.worksheets.add().load('name, position');
      const same = ctx.workbook.worksheets.getItem('sheet2').load('name');
      await ctx.sync();
      expect([added.name, added.position, same.name]).toEqual(['Sheet2', 1, 'Sheet2']);
    });
  });
});

describe('sheet lifecycle', () => {
  test('a renamed sheet is not found by its old name; the proxy follows the sheet', async () => {
    const host = hostWith({ sheets: [{ name: 'Old', cells: { A1: 1 } }] });
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Old');
      ws.name = 'New';
      await ctx.sync();
      ws.getRange('A2').values = [[2]];
      ws.load('name');
      const byOld = ctx.workbook.worksheets.getItemOrNullObject('Old');
      await ctx.sync();
      expect(ws.name).toBe('New');
      expect(byOld.isNullObject).toBe(true);
    });
    const e = await rejection(
      host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Old').getRange('A1').load('values');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ItemNotFound');
    expect(host.model.sheets[0]!.cells.get(1)!.get(0)!.value).toBe(2);
  });

  test('a deleted sheet: ItemNotFound through getItem and through an old proxy', async () => {
    const host = hostWith({ sheets: [{ name: 'A' }, { name: 'B' }] });
    await host.Excel.run(async (ctx) => {
      const b = ctx.workbook.worksheets.getItem('B');
      b.load('name');
      await ctx.sync();
      b.delete();
      await ctx.sync();
      b.getRange('A1').values = [[1]];
      const e = await rejection(ctx.sync());
      expect(e.code).toBe('ItemNotFound');
    });
    expect(host.model.sheets.map((s) => s.name)).toEqual(['A']);
  });

  test('the last visible sheet cannot be deleted or hidden', async () => {
    const host = hostWith({ sheets: [{ name: 'A' }, { name: 'H', visibility: 'Hidden' }] });
    for (const attempt of [(ws: Excel.Worksheet) => ws.delete(), (ws: Excel.Worksheet) => (ws.visibility = 'Hidden')]) {
      const e = await rejection(
        host.Excel.run(async (ctx) => {
          attempt(ctx.workbook.worksheets.getItem('A'));
          await ctx.sync();
        }),
      );
      expect(e.code).toBe('InvalidOperation');
    }
  });

  test('position moves a sheet; visibility hides it', async () => {
    const host = hostWith({ sheets: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] });
    await host.Excel.run(async (ctx) => {
      const c = ctx.workbook.worksheets.getItem('C');
      c.position = 0;
      ctx.workbook.worksheets.getItem('B').visibility = host.Excel.SheetVisibility.hidden;
      const all = ctx.workbook.worksheets.load('items/name,items/visibility');
      await ctx.sync();
      expect(all.items.map((s) => `${s.name}:${s.visibility}`)).toEqual(['C:Visible', 'A:Visible', 'B:Hidden']);
    });
  });

  test('activate and select: getActiveWorksheet and getSelectedRange follow', async () => {
    const host = hostWith({ sheets: [{ name: 'A' }, { name: '施策322' }] });
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('施策322');
      ws.activate();
      ws.getRange('E11:F12').select();
      await ctx.sync();
      const active = ctx.workbook.worksheets.getActiveWorksheet().load('name');
      const sel = ctx.workbook.getSelectedRange().load('address');
      await ctx.sync();
      expect([active.name, sel.address]).toEqual(['施策322', '施策322!E11:F12']);
    });
    expect(host.model.selection).toEqual({ sheetId: host.model.sheets[1]!.id, rect: { top: 10, left: 4, bottom: 11, right: 5 } });
  });

  test('freezePanes.freezeRows records the frozen rows', async () => {
    const host = hostWith();
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.freezePanes.freezeRows(1);
      const loc = ws.freezePanes.getLocationOrNullObject().load('address');
      await ctx.sync();
      expect(loc.address).toBe('Sheet1!1:1');
    });
    expect(host.model.sheets[0]!.frozenRows).toBe(1);
  });

  test('sheets added and written in one sync', async () => {
    const host = hostWith();
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add('達成状況');
      ws.getRange('A1:B1').values = [['指標', '達成率']];
      ctx.workbook.worksheets.getItem('達成状況').getRange('A2').values = [['x']];
      await ctx.sync();
    });
    expect(host.stats.syncCount).toBe(1);
    expect(host.model.sheets[1]!.cells.get(0)!.get(1)!.value).toBe('達成率');
  });
});
