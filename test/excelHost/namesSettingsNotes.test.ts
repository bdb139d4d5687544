/** Workbook names, add-in settings and notes. */
import { hostWith, rejection, thrown } from './helpers';

describe('names', () => {
  test('add with a Range or a reference; value, type, formula; getRange', async () => {
    const host = hostWith({ sheets: [{ name: '施策322' }, { name: 'My Sheet' }] });
    await host.Excel.run(async (ctx) => {
      const names = ctx.workbook.names;
      names.add('Tassei_T1', ctx.workbook.worksheets.getItem('施策322').getRange('A1:G11'), 'table 1');
      names.add('Other', "='My Sheet'!$B$2");
      names.add('Rate', '=0.5');
      await ctx.sync();
      const all = names.load('items/name,items/type,items/value,items/formula,items/comment');
      const range = names.getItem('Other').getRange().load('address');
      await ctx.sync();
      expect(all.items.map((n) => [n.name, n.type, n.value, n.formula, n.comment])).toEqual([
        ['Tassei_T1', 'Range', '施策322!$A$1:$G$11', '=施策322!$A$1:$G$11', 'table 1'],
        ['Other', 'Range', "'My Sheet'!$B$2", "='My Sheet'!$B$2", ''],
        ['Rate', 'Double', 0.5, '=0.5', ''],
      ]);
      expect(range.address).toBe("'My Sheet'!B2");
    });
  });

  const badNames = ['1abc', 'A1', 'R1C1', 'r', 'C', 'has space', 'a-b', ''];
  test.each(badNames)('name %j is refused with InvalidArgument', async (name) => {
    const host = hostWith();
    const e = await rejection(
      host.Excel.run(async (ctx) => {
        ctx.workbook.names.add(name, '=1');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
  });

  test('a name taken, in any case, fails with ItemAlreadyExists; _x, \\x and 達成 are fine', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }], names: { Taken: 'S!$A$1' } });
    await host.Excel.run(async (ctx) => {
      for (const n of ['_x', '\\x', '達成', 'a.b']) ctx.workbook.names.add(n, '=1');
      await ctx.sync();
    });
    const e = await rejection(
      host.Excel.run(async (ctx) => {
        ctx.workbook.names.add('TAKEN', '=1');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ItemAlreadyExists');
    expect(e.message).toBe('A resource with the same name or identifier already exists.');
  });

  test('getItemOrNullObject, getRangeOrNullObject and delete', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }], names: { A_: 'S!$A$1', Val: '=3' } });
    await host.Excel.run(async (ctx) => {
      const missing = ctx.workbook.names.getItemOrNullObject('Nope');
      const missingRange = ctx.workbook.names.getItemOrNullObject('Nope').getRangeOrNullObject().load('address');
      const valueRange = ctx.workbook.names.getItem('Val').getRangeOrNullObject().load('address');
      ctx.workbook.names.getItem('A_').delete();
      await ctx.sync();
      expect([missing.isNullObject, missingRange.isNullObject, valueRange.isNullObject]).toEqual([true, true, true]);
      const count = ctx.workbook.names.getCount();
      await ctx.sync();
      expect(count.value).toBe(1);
    });
    const e = await rejection(
      host.Excel.run(async (ctx) => {
        ctx.workbook.names.getItem('Val').getRange().load('address');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidReference');
  });

  test('a name can stand for a range in getRange and in formulas', async () => {
    const host = hostWith({ sheets: [{ name: 'S', cells: { A1: 2, A2: 3 } }], names: { Inputs: 'S!$A$1:$A$2' } });
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const r = ws.getRange('Inputs').load('address');
      ws.getRange('B1').formulas = [['=SUM(Inputs)']];
      const f = ws.getRange('B1').load('values');
      await ctx.sync();
      expect([r.address, f.values]).toEqual(['S!A1:A2', [[5]]]);
    });
  });
});

describe('settings', () => {
  test('add, getItemOrNullObject, value as JSON, replace, delete, items', async () => {
    const host = hostWith();
    await host.Excel.run(async (ctx) => {
      const s = ctx.workbook.settings;
      s.add('tassei.mapping.v1', JSON.stringify({ tables: [1] }));
      s.add('obj', { a: [1, 2], when: new Date(Date.UTC(2024, 3, 1)) });
      const missing = s.getItemOrNullObject('nope').load('value');
      const got = s.getItemOrNullObject('obj').load('key, value');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect([got.key, got.value]).toEqual(['obj', { a: [1, 2], when: '2024-04-01T00:00:00.000Z' }]);
      s.add('obj', 2);
      s.getItem('tassei.mapping.v1').delete();
      const items = s.load('items/key,items/value');
      await ctx.sync();
      expect(items.items.map((i) => [i.key, i.value])).toEqual([['obj', 2]]);
    });
    const e = await rejection(
      host.Excel.run(async (ctx) => {
        ctx.workbook.settings.getItem('gone').load('value');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ItemNotFound');
  });
});

describe('notes (ExcelApi 1.18)', () => {
  test('add to a cell by address or Range; read, change, delete', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }, { name: 'T' }] });
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.notes.add('E11', '達成率が目標を下回っています');
      ctx.workbook.notes.add(ctx.workbook.worksheets.getItem('T').getRange('A1'), 'on T');
      ctx.workbook.notes.add('S!B2', 'workbook-level');
      await ctx.sync();
      const n = ws.notes.getItem('E11').load('content');
      const loc = ws.notes.getItem('E11').getLocation().load('address');
      const all = ctx.workbook.notes.load('items/content');
      const sheetOnly = ws.notes.load('items/content');
      await ctx.sync();
      expect([n.content, loc.address]).toEqual(['達成率が目標を下回っています', 'S!E11']);
      expect(all.items.map((i) => i.content)).toEqual(['workbook-level', '達成率が目標を下回っています', 'on T']);
      expect(sheetOnly.items).toHaveLength(2);
      ws.notes.getItem('E11').content = 'changed';
      ws.notes.getItem('B2').delete();
      const changed = ws.notes.getItem('E11').load('content');
      const gone = ws.notes.getItemOrNullObject('B2');
      await ctx.sync();
      expect([changed.content, gone.isNullObject]).toEqual(['changed', true]);
    });
  });

  test('a note on several cells fails with InvalidArgument; on a cell with one, ItemAlreadyExists', async () => {
    const host = hostWith({ sheets: [{ name: 'S', cells: { A1: { note: 'x' } } }] });
    for (const [address, code] of [
      ['A1:B2', 'InvalidArgument'],
      ['A1', 'ItemAlreadyExists'],
    ] as const) {
      const e = await rejection(
        host.Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('S').notes.add(address, 'n');
          await ctx.sync();
        }),
      );
      expect(e.code).toBe(code);
    }
  });

  test('getItem of a cell without a note: ItemNotFound', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }] });
    const e = await rejection(
      host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').notes.getItem('A1').load('content');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ItemNotFound');
  });

  test('notes are ExcelApi 1.18: below it the call throws ApiNotFound at once, before any sync', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }] }, { requirementSets: { ExcelApi: '1.17' } });
    await host.Excel.run(async (ctx) => {
      const e = thrown(() => ctx.workbook.worksheets.getItem('S').notes);
      expect(e.code).toBe('ApiNotFound');
      expect(e.message).toBe('The method or property Worksheet.notes is part of the ExcelApi 1.18 requirement set, which is not available in your version of Excel.');
      expect(thrown(() => ctx.workbook.notes).code).toBe('ApiNotFound');
    });
    expect(host.stats.syncCount).toBe(0);
  });
});
