/** Inserting and deleting rows: cells, merges, notes, hidden rows, names and formulas move as in Excel. */
import { hostWith, rejection } from './helpers';

function sheetState(host: ReturnType<typeof hostWith>) {
  const s = host.model.sheets[0]!;
  const cells: Record<string, unknown> = {};
  for (const [row, line] of s.cells) for (const [col, c] of line) if (c.value !== undefined || c.note !== undefined) cells[`${String.fromCharCode(65 + col)}${row + 1}`] = c.note !== undefined ? [c.value, c.note] : c.value;
  return { cells, merges: s.merges.map((m) => `${String.fromCharCode(65 + m.left)}${m.top + 1}:${String.fromCharCode(65 + m.right)}${m.bottom + 1}`).sort(), hidden: [...s.hiddenRows].map((r) => r + 1).sort((a, b) => a - b) };
}

describe('insert rows', () => {
  test("getRange('3:4').insert(down) shifts cells, merges, notes and hidden rows; names follow", async () => {
    const host = hostWith({
      sheets: [
        {
          name: 'S',
          cells: { A1: 'title', A2: 'above', A3: 'moved', B5: { value: 'noted', note: 'n' }, A10: 'merged' },
          merges: ['A10:A11', 'C1:C5'],
          hiddenRows: [6],
        },
      ],
      names: { Table: "'S'!$A$1:$G$11", Below: 'S!$A$3:$B$4', Above: 'S!$A$1' },
    });
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('3:4').insert(host.Excel.InsertShiftDirection.down);
      await ctx.sync();
      const names = ctx.workbook.names.load('items/name,items/value,items/formula');
      await ctx.sync();
      expect(names.items.map((n) => [n.name, n.value, n.formula])).toEqual([
        ['Table', 'S!$A$1:$G$13', '=S!$A$1:$G$13'],
        ['Below', 'S!$A$5:$B$6', '=S!$A$5:$B$6'],
        ['Above', 'S!$A$1', '=S!$A$1'],
      ]);
    });
    expect(sheetState(host)).toEqual({
      cells: { A1: 'title', A2: 'above', A5: 'moved', B7: ['noted', 'n'], A12: 'merged' },
      merges: ['A12:A13', 'C1:C7'],
      hidden: [8],
    });
  });

  test('inserted rows take the format of the row above', async () => {
    const host = hostWith({ sheets: [{ name: 'S', cells: { A2: { value: 1, numberFormat: '0.0', fill: { color: '#D9E1F2' } } } }] });
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('3:3').insert('Down');
      const r = ctx.workbook.worksheets.getItem('S').getRange('A3').load('numberFormat, values');
      const f = ctx.workbook.worksheets.getItem('S').getRange('A3').format.fill.load('color');
      await ctx.sync();
      expect([r.numberFormat, r.values, f.color]).toEqual([[['0.0']], [['']], '#D9E1F2']);
    });
  });

  test('formulas keep pointing at the cells they referenced', async () => {
    const host = hostWith({ sheets: [{ name: 'S', cells: { A1: 1, A3: 5, B1: { formula: '=A3*2' }, B2: { formula: '=SUM(A1:A3)' } } }, { name: 'T', cells: { A1: { formula: '=S!A3' } } }] });
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('2:2').insert('Down');
      const s = ctx.workbook.worksheets.getItem('S').getRange('B1:B3').load('formulas, values');
      const t = ctx.workbook.worksheets.getItem('T').getRange('A1').load('formulas, values');
      await ctx.sync();
      expect(s.formulas).toEqual([['=A4*2'], [''], ['=SUM(A1:A4)']]);
      expect(s.values).toEqual([[10], [''], [6]]);
      expect([t.formulas, t.values]).toEqual([[['=S!A4']], [[5]]]);
    });
  });

  test('inserting cells in some columns moves only those columns', async () => {
    const host = hostWith({ sheets: [{ name: 'S', cells: { A1: 'a1', B1: 'b1', B2: 'b2' } }] });
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('B1').insert('Down');
      await ctx.sync();
    });
    expect(sheetState(host).cells).toEqual({ A1: 'a1', B2: 'b1', B3: 'b2' });
  });

  test('a merged area cut across by the inserted cells is a conflict', async () => {
    const host = hostWith({ sheets: [{ name: 'S', merges: ['A2:B3'] }] });
    const e = await rejection(
      host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('B3').insert('Down');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InsertDeleteConflict');
  });

  test('columns: insert right moves cells and widths', async () => {
    const host = hostWith({ sheets: [{ name: 'S', cells: { A1: 'a', B1: 'b' }, columnWidths: { B: 80 } }] });
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('B:B').insert('Right');
      await ctx.sync();
    });
    expect(sheetState(host).cells).toEqual({ A1: 'a', C1: 'b' });
    expect([...host.model.sheets[0]!.columnWidths]).toEqual([[2, 80]]);
  });
});

describe('delete rows', () => {
  test("getRange('3:4').delete(up): cells go, the rest moves up; names shrink or become #REF!", async () => {
    const host = hostWith({
      sheets: [{ name: 'S', cells: { A2: 'keep', A3: 'gone', A4: 'gone too', A6: 'up' }, merges: ['B3:B6', 'C3:C4'] }],
      names: { Spans: 'S!$A$2:$A$6', Inside: 'S!$A$3:$A$4' },
    });
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('3:4').delete(host.Excel.DeleteShiftDirection.up);
      const spans = ctx.workbook.names.getItem('Spans').load('value');
      const inside = ctx.workbook.names.getItem('Inside').load('value, type');
      const broken = ctx.workbook.names.getItem('Inside').getRangeOrNullObject().load('address');
      await ctx.sync();
      expect(spans.value).toBe('S!$A$2:$A$4');
      expect([inside.value, inside.type]).toEqual(['#REF!', 'Error']);
      expect(broken.isNullObject).toBe(true);
    });
    expect(sheetState(host)).toEqual({ cells: { A2: 'keep', A4: 'up' }, merges: ['B3:B4'], hidden: [] });
  });

  test('a formula whose cells are deleted shows #REF!', async () => {
    const host = hostWith({ sheets: [{ name: 'S', cells: { A3: 1, B1: { formula: '=A3+1' } } }] });
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('3:3').delete('Up');
      const r = ctx.workbook.worksheets.getItem('S').getRange('B1').load('formulas, values');
      await ctx.sync();
      expect(r.formulas).toEqual([['=#REF!+1']]);
      expect(r.values).toEqual([['#REF!']]);
    });
  });
});

describe('renaming and deleting sheets', () => {
  test('formulas and names follow a rename', async () => {
    const host = hostWith({ sheets: [{ name: 'Data', cells: { A1: 4 } }, { name: 'Calc', cells: { A1: { formula: '=Data!A1*2' } } }], names: { Anchor: 'Data!$A$1' } });
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').name = 'My Data';
      const f = ctx.workbook.worksheets.getItem('Calc').getRange('A1').load('formulas, values');
      const n = ctx.workbook.names.getItem('Anchor').getRange().load('address');
      await ctx.sync();
      expect([f.formulas, f.values]).toEqual([[["='My Data'!A1*2"]], [[8]]]);
      expect(n.address).toBe("'My Data'!A1");
    });
  });

  test('deleting a sheet breaks the references to it', async () => {
    const host = hostWith({ sheets: [{ name: 'Data', cells: { A1: 4 } }, { name: 'Calc', cells: { A1: { formula: '=Data!A1*2' } } }], names: { Anchor: 'Data!$A$1' } });
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').delete();
      const f = ctx.workbook.worksheets.getItem('Calc').getRange('A1').load('formulas, values');
      const n = ctx.workbook.names.getItem('Anchor').load('value, type');
      await ctx.sync();
      expect([f.formulas, f.values]).toEqual([[['=#REF!A1*2']], [['#REF!']]]);
      expect([n.value, n.type]).toEqual(['#REF!', 'Error']);
    });
  });
});
