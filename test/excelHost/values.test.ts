/** Range.values / formulas / text / numberFormat / valueTypes, and how written values are taken. */
import { hostWith, rejection } from './helpers';

async function writeThenRead(write: (r: Excel.Range) => void, address = 'A1', spec = { sheets: [{ name: 'S' }] }) {
  const host = hostWith(spec);
  return host.Excel.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem('S').getRange(address);
    write(r);
    await ctx.sync();
    const read = ctx.workbook.worksheets.getItem('S').getRange(address).load('values, formulas, text, numberFormat, valueTypes');
    await ctx.sync();
    return { values: read.values, formulas: read.formulas, text: read.text, numberFormat: read.numberFormat, valueTypes: read.valueTypes };
  });
}

describe('typed input, as Excel takes it', () => {
  test("'=1+1' written to values becomes a formula and reads back 2", async () => {
    const r = await writeThenRead((x) => (x.values = [['=1+1']]));
    expect(r).toEqual({ values: [[2]], formulas: [['=1+1']], text: [['2']], numberFormat: [['General']], valueTypes: [['Double']] });
  });

  test("with numberFormat '@' set first in the same batch, '=1+1' stays text", async () => {
    const r = await writeThenRead((x) => {
      x.numberFormat = [['@']];
      x.values = [['=1+1']];
    });
    expect(r).toEqual({ values: [['=1+1']], formulas: [['=1+1']], text: [['=1+1']], numberFormat: [['@']], valueTypes: [['String']] });
  });

  test("the order matters: '@' set after the value leaves the formula", async () => {
    const r = await writeThenRead((x) => {
      x.values = [['=1+1']];
      x.numberFormat = [['@']];
    });
    expect(r.formulas).toEqual([['=1+1']]);
    expect(r.values).toEqual([[2]]);
  });

  test("'+x', '-x' and '@x' that are not numbers become formulas (#NAME?); '+5', '-5' are numbers", async () => {
    const r = await writeThenRead((x) => (x.values = [['+abc', '-abc', '@abc', '+5', '-5', '-']]), 'A1:F1');
    expect(r.formulas).toEqual([['=+abc', '=-abc', '=@abc', 5, -5, '-']]);
    expect(r.values).toEqual([['#NAME?', '#NAME?', '#NAME?', 5, -5, '-']]);
    expect(r.valueTypes).toEqual([['Error', 'Error', 'Error', 'Double', 'Double', 'String']]);
  });

  test("text-formatted cells keep '+x', '-5', '123' and '@x' as text", async () => {
    const r = await writeThenRead((x) => {
      x.numberFormat = [['@', '@', '@', '@']];
      x.values = [['+abc', '-5', '123', '@x']];
    }, 'A1:D1');
    expect(r.values).toEqual([['+abc', '-5', '123', '@x']]);
    expect(r.valueTypes).toEqual([['String', 'String', 'String', 'String']]);
  });

  test("numbers written as strings become numbers; '1,234' and '50%' also get their format", async () => {
    const r = await writeThenRead((x) => (x.values = [['123', '1,234', '50%', "'007", 'TRUE', '#N/A']]), 'A1:F1');
    expect(r.values).toEqual([[123, 1234, 0.5, '007', true, '#N/A']]);
    expect(r.numberFormat).toEqual([['General', '#,##0', '0%', 'General', 'General', 'General']]);
    expect(r.text).toEqual([['123', '1,234', '50%', '007', 'TRUE', '#N/A']]);
    expect(r.valueTypes).toEqual([['Double', 'Double', 'Double', 'String', 'Boolean', 'Error']]);
  });

  test('formulas compute arithmetic, references and a few functions, and follow their inputs', async () => {
    const host = hostWith({ sheets: [{ name: 'S', cells: { A1: 2, A2: 3, A3: 'x' } }, { name: 'My Sheet', cells: { B1: 10 } }] });
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('B1:B8').formulas = [['=A1*A2'], ['=SUM(A1:A3)'], ["='My Sheet'!B1/4"], ['=A3&"y"'], ['=1/0'], ['=-2^2'], ['=ROUND(2.345,2)'], ['=VLOOKUP(1,A1:A2,1)']];
      await ctx.sync();
      const r = ws.getRange('B1:B8').load('values');
      await ctx.sync();
      expect(r.values).toEqual([[6], [5], [2.5], ['xy'], ['#DIV/0!'], [4], [2.35], ['#NAME?']]);
      ws.getRange('A1').values = [[5]];
      const again = ws.getRange('B1').load('values');
      await ctx.sync();
      expect(again.values).toEqual([[15]]);
    });
  });

  test('0.1+0.2 computes as Excel shows it (15 significant digits)', async () => {
    const r = await writeThenRead((x) => (x.formulas = [['=0.1+0.2']]));
    expect(r.values).toEqual([[0.3]]);
  });

  test("'' clears the value and keeps the format; null leaves a cell as it is", async () => {
    const host = hostWith({ sheets: [{ name: 'S', cells: { A1: { value: 5, numberFormat: '0.0' }, B1: 'keep' } }] });
    await host.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:B1');
      r.values = [['', null]];
      r.load('values, numberFormat');
      await ctx.sync();
      expect(r.values).toEqual([['', 'keep']]);
      expect(r.numberFormat).toEqual([['0.0', 'General']]);
    });
  });

  test('a single value (not an array) goes to every cell of the range', async () => {
    const r = await writeThenRead((x) => {
      x.numberFormat = '0.00' as unknown as string[][];
      x.values = 1.5 as unknown as number[][];
    }, 'A1:B2');
    expect(r.values).toEqual([
      [1.5, 1.5],
      [1.5, 1.5],
    ]);
    expect(r.text).toEqual([
      ['1.50', '1.50'],
      ['1.50', '1.50'],
    ]);
  });

  test('an array that does not match the range fails with InvalidArgument', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }] });
    const e = await rejection(
      host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:B2').values = [[1, 2]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
    expect(e.message).toBe("The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
  });

  test('text follows the number format: ▲ for negatives, units, percentages, dates', async () => {
    const host = hostWith({
      sheets: [
        {
          name: 'S',
          cells: {
            A1: { value: -7133, numberFormat: '#,##0;"▲ "#,##0' },
            A2: { value: 26, numberFormat: '#,##0"件"' },
            A3: { value: 0.594, numberFormat: '0.0%' },
            A4: { value: 45383, numberFormat: 'yyyy/m/d' },
            A5: { error: '#DIV/0!' },
            A6: true,
          },
        },
      ],
    });
    await host.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:A7').load('text, values, valueTypes');
      await ctx.sync();
      expect(r.text.map((x) => x[0])).toEqual(['▲ 7,133', '26件', '59.4%', '2024/4/1', '#DIV/0!', 'TRUE', '']);
      expect(r.values.map((x) => x[0])).toEqual([-7133, 26, 0.594, 45383, '#DIV/0!', true, '']);
      expect(r.valueTypes.map((x) => x[0])).toEqual(['Double', 'Double', 'Double', 'Double', 'Error', 'Boolean', 'Empty']);
    });
  });

  test('range geometry: address, counts, indexes; whole rows and columns', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }, { name: '施策322（記入例）' }, { name: '施策322' }] });
    await host.Excel.run(async (ctx) => {
      const a = ctx.workbook.worksheets.getItem('S').getRange('b2:c4').load('address, rowCount, columnCount, rowIndex, columnIndex, cellCount');
      const b = ctx.workbook.worksheets.getItem('S').getRange('3:4').load('address, isEntireRow');
      const c = ctx.workbook.worksheets.getItem('S').getRange('A:B').load('address, isEntireColumn, rowCount');
      const d = ctx.workbook.worksheets.getItem('施策322（記入例）').getRange('E11').load('address');
      const e = ctx.workbook.worksheets.getItem('施策322').getRange('E11').load('address');
      await ctx.sync();
      expect([a.address, a.rowCount, a.columnCount, a.rowIndex, a.columnIndex, a.cellCount]).toEqual(['S!B2:C4', 3, 2, 1, 1, 6]);
      expect([b.address, b.isEntireRow]).toEqual(['S!3:4', true]);
      expect([c.address, c.isEntireColumn, c.rowCount]).toEqual(['S!A:B', true, 1048576]);
      expect(d.address).toBe("'施策322（記入例）'!E11");
      expect(e.address).toBe('施策322!E11');
    });
  });

  test('getCell, getResizedRange, getOffsetRange, getRow and friends', async () => {
    const host = hostWith({ sheets: [{ name: 'S' }] });
    await host.Excel.run(async (ctx) => {
      const base = ctx.workbook.worksheets.getItem('S').getRange('B2:C3');
      const parts = [base.getCell(1, 1), base.getResizedRange(1, -1), base.getOffsetRange(2, 0), base.getRow(0), base.getLastCell(), base.getEntireRow()].map((r) => r.load('address'));
      await ctx.sync();
      expect(parts.map((r) => r.address)).toEqual(['S!C3', 'S!B2:B4', 'S!B4:C5', 'S!B2:C2', 'S!C3', 'S!2:3']);
    });
    const e = await rejection(
      host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').getOffsetRange(-1, 0).load('address');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
  });

  test('rowHidden is true, false, or null when mixed', async () => {
    const host = hostWith({ sheets: [{ name: 'S', hiddenRows: [3, 4] }] });
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const [all, none, mixed] = ['A3:A4', 'A1:A2', 'A2:A3'].map((a) => ws.getRange(a).load('rowHidden'));
      await ctx.sync();
      expect([all!.rowHidden, none!.rowHidden, mixed!.rowHidden]).toEqual([true, false, null]);
      ws.getRange('A1').rowHidden = true;
      ws.getRange('A3').rowHidden = false;
      await ctx.sync();
    });
    expect([...host.model.sheets[0]!.hiddenRows].sort()).toEqual([0, 3]);
  });

  test('used range: values only or with formats; null object on an empty sheet', async () => {
    const host = hostWith({ sheets: [{ name: 'S', cells: { B2: 1, D5: { fill: { color: '#FF0000' } } } }, { name: 'Empty' }] });
    await host.Excel.run(async (ctx) => {
      const values = ctx.workbook.worksheets.getItem('S').getUsedRangeOrNullObject(true).load('address');
      const all = ctx.workbook.worksheets.getItem('S').getUsedRangeOrNullObject().load('address');
      const empty = ctx.workbook.worksheets.getItem('Empty').getUsedRangeOrNullObject(true).load('address');
      await ctx.sync();
      expect(values.address).toBe('S!B2');
      expect(all.address).toBe('S!B2:D5');
      expect(empty.isNullObject).toBe(true);
    });
  });

  test('clear: contents, formats, or all', async () => {
    const host = hostWith({ sheets: [{ name: 'S', cells: { A1: { value: 1, numberFormat: '0.0', fill: { color: '#FF0000' } }, B1: { value: 2, numberFormat: '0.0' } } }] });
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('A1').clear('Contents');
      ws.getRange('B1').clear(host.Excel.ClearApplyTo.formats);
      const r = ws.getRange('A1:B1').load('values, numberFormat');
      const fill = ws.getRange('A1').format.fill.load('color');
      await ctx.sync();
      expect(r.values).toEqual([['', 2]]);
      expect(r.numberFormat).toEqual([['0.0', 'General']]);
      expect(fill.color).toBe('#FF0000');
    });
  });
});
