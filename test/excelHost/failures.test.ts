/** How a sync fails: midway with no rollback, payload limits, protection, read-only, bad addresses. */
import { createExcelHost, workbookModel } from '../../src/excelHost';
import { hostWith, rejection } from './helpers';

const cell = (host: ReturnType<typeof hostWith>, sheet: number, row: number, col: number) => host.model.sheets[sheet]!.cells.get(row)?.get(col);

describe('a batch that fails midway', () => {
  test('keeps the commands before the failing one applied, and runs none after it', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }] });
    const e = await rejection(
      host.Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('S');
        ws.getRange('A1').values = [['before']];
        ws.getRange('A2').format.fill.color = '#FFC7CE';
        ctx.workbook.worksheets.getItem('Missing').getRange('A1').values = [['fails']];
        ws.getRange('A3').values = [['after']];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ItemNotFound');
    expect(cell(host, 0, 0, 0)?.value).toBe('before');
    expect(cell(host, 0, 1, 0)?.fill?.color).toBe('#FFC7CE');
    expect(cell(host, 0, 2, 0)).toBeUndefined();
    expect(host.stats.syncs[0]!.error).toBe('ItemNotFound');
  });

  test('loads of a failed sync are not delivered', async () => {
    const host = hostWith({ sheets: [{ name: 'S', cells: { A1: 1 } }] });
    let r: Excel.Range | undefined;
    await rejection(
      host.Excel.run(async (ctx) => {
        r = ctx.workbook.worksheets.getItem('S').getRange('A1').load('values');
        ctx.workbook.worksheets.getItem('S').getRange('ZZZZ1').load('values');
        await ctx.sync();
      }),
    );
    expect(() => r!.values).toThrow(/not available/);
  });

  test('an address Excel cannot read fails at sync with InvalidArgument (Worksheet.getRange)', async () => {
    const host = hostWith();
    const e = await rejection(
      host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A0').load('address');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
    expect(e.debugInfo.errorLocation).toBe('Worksheet.getRange');
  });

  test('context.trace messages come with the error', async () => {
    const host = hostWith();
    const e = (await rejection(
      host.Excel.run(async (ctx) => {
        ctx.trace('step 1');
        ctx.workbook.worksheets.getItem('Nope').load('name');
        ctx.trace('step 2');
        await ctx.sync();
      }),
    )) as unknown as { traceMessages: string[] };
    expect(e.traceMessages).toEqual(['step 1']);
  });
});

describe('payload limits (5 MB)', () => {
  test('a request over 5 MB fails whole with RequestPayloadSizeLimitExceeded: nothing is applied', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }] });
    const rows = 60_000;
    const big = Array.from({ length: rows }, (_, i) => [`row ${i} ${'x'.repeat(80)}`]);
    const e = await rejection(
      host.Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('S');
        ws.getRange('B1').values = [['small, first']];
        ws.getRange(`A1:A${rows}`).values = big;
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(host.model.sheets[0]!.cells.size).toBe(0);
    expect(host.stats.syncs[0]!.requestBytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  test('just under the limit passes', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }] });
    const rows = 40_000;
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange(`A1:A${rows}`).values = Array.from({ length: rows }, () => ['x'.repeat(100)]);
      await ctx.sync();
    });
    const bytes = host.stats.syncs[0]!.requestBytes;
    expect(bytes).toBeGreaterThan(4 * 1024 * 1024);
    expect(bytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(host.model.sheets[0]!.cells.size).toBe(rows);
  });

  test('a response over 5 MB fails with ResponsePayloadSizeLimitExceeded; the loads are not delivered', async () => {
    const cells: Record<string, string> = {};
    for (let i = 1; i <= 60_000; i++) cells[`A${i}`] = `${i} ${'y'.repeat(90)}`;
    const host = createExcelHost(workbookModel({ sheets: [{ name: 'S', cells }] }));
    let r: Excel.Range | undefined;
    const e = await rejection(
      host.Excel.run(async (ctx) => {
        r = ctx.workbook.worksheets.getItem('S').getRange('A1:A60000').load('values');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ResponsePayloadSizeLimitExceeded');
    expect(host.stats.syncs[0]!.responseBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(() => r!.values).toThrow(/not available/);
  });

  test('reading more than 5,000,000 cells at once fails (RangeExceedsLimit)', async () => {
    const host = hostWith();
    const e = await rejection(
      host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A:E').load('values');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('RangeExceedsLimit');
  });
});

describe('protection and read-only workbooks', () => {
  const writes: [string, (ws: Excel.Worksheet, ctx: Excel.RequestContext) => void][] = [
    ['values', (ws) => (ws.getRange('A1').values = [[1]])],
    ['numberFormat', (ws) => (ws.getRange('A1').numberFormat = [['@']])],
    ['fill', (ws) => (ws.getRange('A1').format.fill.color = '#FFC7CE')],
    ['fill.clear', (ws) => ws.getRange('A1').format.fill.clear()],
    ['font', (ws) => (ws.getRange('A1').format.font.bold = true)],
    ['note', (ws) => ws.notes.add('A1', 'n')],
    ['insert', (ws) => ws.getRange('3:4').insert('Down')],
    ['delete', (ws) => ws.getRange('3:4').delete('Up')],
    ['merge', (ws) => ws.getRange('A1:B1').merge()],
    ['setCellProperties', (ws) => ws.getRange('A1').setCellProperties([[{ format: { fill: { color: '#FF0000' } } }]])],
    ['columnWidth', (ws) => (ws.getRange('A1').format.columnWidth = 80)],
  ];

  test.each(writes)('a protected sheet refuses %s with AccessDenied', async (_name, write) => {
    const host = hostWith({ sheets: [{ name: 'P', protected: true, cells: { A5: 'kept' } }] });
    const e = await rejection(
      host.Excel.run(async (ctx) => {
        write(ctx.workbook.worksheets.getItem('P'), ctx);
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('AccessDenied');
    expect(e.message).toBe('You cannot perform the requested operation.');
    expect(host.model.sheets[0]!.cells.get(4)!.get(0)!.value).toBe('kept');
  });

  test('a protected sheet still reads, and reports protection.protected', async () => {
    const host = hostWith({ sheets: [{ name: 'P', protected: true, cells: { A1: 1 } }, { name: 'Q' }] });
    await host.Excel.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem('P').protection.load('protected');
      const q = ctx.workbook.worksheets.getItem('Q').protection.load('protected');
      const v = ctx.workbook.worksheets.getItem('P').getRange('A1').load('values');
      await ctx.sync();
      expect([p.protected, q.protected, v.values]).toEqual([true, false, [[1]]]);
    });
  });

  test('unprotect() lets writes through', async () => {
    const host = hostWith({ sheets: [{ name: 'P', protected: true }] });
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('P');
      ws.protection.unprotect();
      ws.getRange('A1').values = [[1]];
      await ctx.sync();
    });
    expect(host.model.sheets[0]!.cells.get(0)!.get(0)!.value).toBe(1);
  });

  test('a read-only workbook refuses every write, anywhere', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }], readOnly: true });
    const attempts: ((ctx: Excel.RequestContext) => void)[] = [
      (ctx) => (ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[1]]),
      (ctx) => ctx.workbook.settings.add('k', 'v'),
      (ctx) => ctx.workbook.names.add('N', '=1'),
      (ctx) => ctx.workbook.worksheets.add('New'),
    ];
    for (const attempt of attempts) {
      const e = await rejection(
        host.Excel.run(async (ctx) => {
          attempt(ctx);
          await ctx.sync();
        }),
      );
      expect(e.code).toBe('AccessDenied');
    }
    await host.Excel.run(async (ctx) => {
      ctx.workbook.load('readOnly');
      await ctx.sync();
      expect(ctx.workbook.readOnly).toBe(true);
    });
  });

  test('workbook structure protection refuses adding, renaming and deleting sheets', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }, { name: 'T' }], protected: true });
    for (const attempt of [(ctx: Excel.RequestContext) => ctx.workbook.worksheets.add('X'), (ctx: Excel.RequestContext) => (ctx.workbook.worksheets.getItem('S').name = 'R'), (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem('T').delete()]) {
      const e = await rejection(
        host.Excel.run(async (ctx) => {
          attempt(ctx);
          await ctx.sync();
        }),
      );
      expect(e.code).toBe('AccessDenied');
    }
    expect(host.model.sheets.map((s) => s.name)).toEqual(['S', 'T']);
  });
});
