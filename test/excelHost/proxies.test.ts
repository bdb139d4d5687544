/** The proxy model: load/sync, PropertyNotLoaded, null objects, ClientResult, sync accounting. */
import { hostWith, rejection, thrown } from './helpers';

describe('load and sync', () => {
  test('reading a property that was not loaded throws PropertyNotLoaded with Excel\'s message', async () => {
    const host = hostWith({ sheets: [{ name: 'S', cells: { A1: 1 } }] });
    await host.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
      const e = thrown(() => r.values);
      expect(e.code).toBe('PropertyNotLoaded');
      expect(e.message).toBe(
        'The property \'values\' is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
      );
      r.load('values');
      // Queued, not yet synced: still not available.
      expect(thrown(() => r.values).code).toBe('PropertyNotLoaded');
      await ctx.sync();
      expect(r.values).toEqual([[1]]);
      // Loaded 'values' only.
      expect(thrown(() => r.address).code).toBe('PropertyNotLoaded');
    });
  });

  test('loaded values appear only when the sync promise settles, not at the call', async () => {
    const host = hostWith({ sheets: [{ name: 'S', cells: { A1: 'x' } }] });
    await host.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1').load('values');
      const p = ctx.sync();
      expect(thrown(() => r.values).code).toBe('PropertyNotLoaded');
      await p;
      expect(r.values).toEqual([['x']]);
    });
  });

  test('load accepts a comma list, an array, paths and { select }', async () => {
    const host = hostWith({ sheets: [{ name: 'S', cells: { B2: 5 } }] });
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const a = ws.getRange('B2').load('address, rowIndex');
      const b = ws.getRange('B2').load(['columnIndex', 'format/fill/color', 'worksheet/name']);
      const c = ws.getRange('B2').load({ select: 'values,numberFormat' });
      await ctx.sync();
      expect([a.address, a.rowIndex]).toEqual(['S!B2', 1]);
      expect([b.columnIndex, b.format.fill.color, b.worksheet.name]).toEqual([1, '#FFFFFF', 'S']);
      expect([c.values, c.numberFormat]).toEqual([[[5]], [['General']]]);
    });
  });

  test('collections: items after load("items/name"); load("name") reads the items too', async () => {
    const host = hostWith({ sheets: [{ name: 'A' }, { name: 'B' }] });
    await host.Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(thrown(() => sheets.items).code).toBe('PropertyNotLoaded');
      sheets.load('items/name');
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['A', 'B']);
      expect(thrown(() => sheets.items[0]!.position).code).toBe('PropertyNotLoaded');
      const again = ctx.workbook.worksheets.load('name, position');
      await ctx.sync();
      expect(again.items.map((s) => [s.name, s.position])).toEqual([
        ['A', 0],
        ['B', 1],
      ]);
    });
  });

  test('a value set on a proxy reads back as set (office.js keeps it), until a load replaces it', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }] });
    await host.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
      r.values = [['=1+1']];
      expect(r.values).toEqual([['=1+1']]);
      r.load('values');
      await ctx.sync();
      expect(r.values).toEqual([[2]]);
    });
  });

  test('loading a property that does not exist fails at sync', async () => {
    const host = hostWith();
    const e = await rejection(
      host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').load('valuez');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
  });

  test('toJSON gives the loaded properties', async () => {
    const host = hostWith({ sheets: [{ name: 'S', cells: { A1: 3 } }] });
    await host.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1').load('values,address');
      await ctx.sync();
      expect(JSON.parse(JSON.stringify(r))).toEqual({ values: [[3]], address: 'S!A1' });
    });
  });
});

describe('null objects', () => {
  test('getItemOrNullObject: isNullObject after sync, without a load; before sync it throws', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }] });
    await host.Excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      const present = ctx.workbook.worksheets.getItemOrNullObject('s');
      expect(thrown(() => missing.isNullObject).code).toBe('PropertyNotLoaded');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
    // The implicit existence check is a round trip of its own.
    expect(host.stats.syncCount).toBe(1);
  });

  test('commands on a null object do nothing; its children are null too', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }] });
    await host.Excel.run(async (ctx) => {
      const note = ctx.workbook.worksheets.getItem('S').notes.getItemOrNullObject('A1');
      note.delete();
      const range = ctx.workbook.worksheets.getItemOrNullObject('Nope').getRange('A1').load('values');
      range.values = [[1]];
      await ctx.sync();
      expect(note.isNullObject).toBe(true);
      expect(range.isNullObject).toBe(true);
      expect(range.values).toBeUndefined();
    });
    expect(host.model.sheets[0]!.cells.size).toBe(0);
  });

  test('getItem of a missing sheet fails with ItemNotFound at sync, not at the call', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }] });
    const e = await rejection(
      host.Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Missing');
        ws.load('name');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ItemNotFound');
    expect(e.debugInfo.errorLocation).toBe('WorksheetCollection.getItem');
    expect(e.message).toBe("The requested resource doesn't exist.");
  });
});

describe('ClientResult', () => {
  test('value throws ValueNotLoaded before the sync, holds the result after', async () => {
    const host = hostWith({ sheets: [{ name: 'A' }, { name: 'B', visibility: 'Hidden' }] });
    await host.Excel.run(async (ctx) => {
      const all = ctx.workbook.worksheets.getCount();
      const visible = ctx.workbook.worksheets.getCount(true);
      expect(thrown(() => all.value).code).toBe('ValueNotLoaded');
      await ctx.sync();
      expect([all.value, visible.value]).toEqual([2, 1]);
    });
  });
});

describe('Excel.run and sync accounting', () => {
  test('counts round trips and the bytes of each request and response', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }] });
    await host.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:B2');
      r.values = [
        ['abc', 1],
        [2, 3],
      ];
      await ctx.sync();
      // Nothing queued: no round trip.
      await ctx.sync();
      r.load('values');
      await ctx.sync();
    });
    expect(host.stats.syncCount).toBe(2);
    const [write, read] = host.stats.syncs;
    expect(write!.requestBytes).toBeGreaterThan(JSON.stringify([['abc', 1], [2, 3]]).length);
    expect(write!.responseBytes).toBeLessThan(10);
    expect(read!.responseBytes).toBeGreaterThanOrEqual(JSON.stringify({ values: [['abc', 1], [2, 3]] }).length);
    host.stats.reset();
    expect(host.stats.syncCount).toBe(0);
  });

  test('request bytes count UTF-8: Japanese text weighs three bytes a character', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }] });
    const sizeOf = async (text: string): Promise<number> => {
      host.stats.reset();
      await host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[text]];
        await ctx.sync();
      });
      return host.stats.syncs[0]!.requestBytes;
    };
    expect((await sizeOf('達成'.repeat(100))) - (await sizeOf('ab'.repeat(100)))).toBe(400);
  });

  test('Excel.run sends what the batch leaves queued', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }] });
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[7]];
    });
    expect(host.model.sheets[0]!.cells.get(0)!.get(0)!.value).toBe(7);
    expect(host.stats.syncCount).toBe(1);
  });

  test('a batch that rejects sends nothing more', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }] });
    await expect(
      host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[7]];
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(host.model.sheets[0]!.cells.size).toBe(0);
  });

  test('a batch that does not return a promise: RunMustReturnPromise', async () => {
    const host = hostWith();
    const e = await rejection(host.Excel.run(((() => undefined) as unknown) as (ctx: Excel.RequestContext) => Promise<void>));
    expect(e.code).toBe('RunMustReturnPromise');
  });

  test('errors are OfficeExtension.Error with code, message and debugInfo', async () => {
    const host = hostWith();
    const e = await rejection(
      host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A2').values = [[1]];
        await ctx.sync();
      }),
    );
    expect(e).toBeInstanceOf(host.OfficeExtension.Error);
    expect((e as unknown as Error).name).toBe('RichApi.Error');
    expect(e.debugInfo).toMatchObject({ code: 'InvalidArgument', message: e.message, errorLocation: 'Range.values' });
  });

  test('an object of another request context is refused at the call', async () => {
    const host = hostWith();
    let outer: Excel.Range | undefined;
    await host.Excel.run(async (ctx) => {
      outer = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
    });
    await host.Excel.run(async (ctx) => {
      expect(thrown(() => ctx.workbook.names.add('X', outer!)).code).toBe('InvalidRequestContext');
    });
  });

  test('Excel.run(object, batch) reuses the object\'s context', async () => {
    const host = hostWith({ sheets: [{ name: 'S', cells: { A1: 1 } }] });
    let range: Excel.Range | undefined;
    await host.Excel.run(async (ctx) => {
      range = ctx.workbook.worksheets.getItem('S').getRange('A1');
    });
    await host.Excel.run(range!, async (ctx) => {
      range!.load('values');
      await ctx.sync();
      expect(range!.context).toBe(ctx);
    });
    expect(range!.values).toEqual([[1]]);
  });
});
