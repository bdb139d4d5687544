/** The sample workbooks through hostModelFromExcelJs: what Excel would show for them. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import { createExcelHost, hostModelFromExcelJs } from '../../src/excelHost';

async function sampleHost(name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path.join(__dirname, '..', '..', 'samples', `${name}.xlsx`)) as unknown as ArrayBuffer);
  return createExcelHost(hostModelFromExcelJs(wb));
}

describe('samples through hostModelFromExcelJs', () => {
  test('jigyo-keikaku-r6: text as typed, numbers with their formats, fills and bold', async () => {
    const host = await sampleHost('jigyo-keikaku-r6');
    await host.Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items/name');
      const ws = ctx.workbook.worksheets.getItem('事業計画');
      const f12 = ws.getRange('F12').load('values, text, valueTypes');
      const e75 = ws.getRange('E75').load('values, numberFormat, text, valueTypes');
      const a1 = ws.getRange('A1').load('values');
      const used = ws.getUsedRangeOrNullObject(true).load('address');
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['事業計画', '成果目標値']);
      expect([f12.values, f12.text, f12.valueTypes]).toEqual([[['▲ 7,133']], [['▲ 7,133']], [['String']]]);
      expect([e75.values, e75.numberFormat, e75.text, e75.valueTypes]).toEqual([[[4869]], [['#,##0;"▲ "#,##0']], [['4,869']], [['Double']]]);
      expect(a1.values).toEqual([['令和6年度 事業計画書']]);
      expect(used.address).toBe('事業計画!A1:F127');
    });
    const fills = new Set<string>();
    let bold = 0;
    for (const line of host.model.sheets[0]!.cells.values())
      for (const c of line.values()) {
        if (c.fill) fills.add(c.fill.color);
        if (c.font?.bold) bold++;
      }
    expect([...fills].sort()).toEqual(['#D9E1F2', '#F2F2F2']);
    expect(bold).toBeGreaterThan(0);
  });

  test('shisaku-322-r3: merged A10:A11, read through getMergedAreasOrNullObject; the other cell is empty', async () => {
    const host = await sampleHost('shisaku-322-r3');
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('施策322');
      const merged = ws.getRange('A10').getMergedAreasOrNullObject().load('address');
      const cells = ws.getRange('A10:A11').load('values');
      const widths = ws.getRange('A1').format.load('columnWidth');
      await ctx.sync();
      expect(merged.address).toBe('施策322!A10:A11');
      expect(cells.values[1]).toEqual(['']);
      expect(typeof cells.values[0]![0]).toBe('string');
      expect(cells.values[0]![0]).not.toBe('');
      // A width of 30 in the file (characters, padding included): 210 pixels, 157.5 points.
      expect(widths.columnWidth).toBe(157.5);
    });
    expect(host.model.sheets.map((s) => s.name)).toEqual(['施策322', '施策322（記入例）']);
  });

  test('monitoring-r1 loads, and its model survives a save and a reopen unchanged', async () => {
    const host = await sampleHost('monitoring-r1');
    const json = host.saveState();
    const again = createExcelHost();
    again.loadState(json);
    expect(again.saveState()).toBe(json);
    await again.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('モニタリング指標').getUsedRangeOrNullObject(true).load('rowCount, columnCount');
      await ctx.sync();
      expect([r.rowCount, r.columnCount]).toEqual([123, 5]);
    });
  });

  test('an ExcelJS workbook with formulas, dates, notes, links, hidden rows, names and protection', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 3;
    ws.getCell('A2').value = { formula: 'A1*2', result: 6 } as ExcelJS.CellFormulaValue;
    ws.getCell('A3').value = { formula: 'VLOOKUP(1,A1:A2,1,FALSE)', result: 3 } as ExcelJS.CellFormulaValue;
    ws.getCell('A4').value = new Date(Date.UTC(2024, 3, 1));
    ws.getCell('A4').numFmt = 'yyyy/m/d';
    ws.getCell('A5').value = { text: '施策322', hyperlink: "#'施策322'!E11" };
    // ExcelJS reads a note back only on a cell that has a value.
    ws.getCell('A6').value = '要確認';
    ws.getCell('A6').note = '確認してください';
    ws.getCell('A7').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
    // ExcelJS keeps a row's hidden flag only on a row with cells.
    ws.getCell('A8').value = 'hidden row';
    ws.getRow(8).hidden = true;
    ws.getCell('B1').fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 4 } };
    wb.definedNames.add("'S'!$A$1:$A$2", 'Inputs');
    await ws.protect('', {});
    const buffer = await wb.xlsx.writeBuffer();
    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load(buffer);
    const host = createExcelHost(hostModelFromExcelJs(loaded));
    await host.Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      const r = s.getRange('A1:A7').load('values, formulas, text');
      const note = s.notes.getItem('A6').load('content');
      const link = s.getRange('A5').load('hyperlink');
      const hidden = s.getRange('A8').load('rowHidden');
      const fill = s.getRange('B1').format.fill.load('color');
      const name = ctx.workbook.names.getItem('Inputs').load('value');
      const prot = s.protection.load('protected');
      await ctx.sync();
      expect(r.values.map((x) => x[0])).toEqual([3, 6, 3, 45383, '施策322', '要確認', '#DIV/0!']);
      expect(r.formulas.map((x) => x[0])).toEqual([3, '=A1*2', '=VLOOKUP(1,A1:A2,1,FALSE)', 45383, '施策322', '要確認', '#DIV/0!']);
      expect(r.text[3]).toEqual(['2024/4/1']);
      expect(note.content).toBe('確認してください');
      expect(link.hyperlink).toEqual({ documentReference: "'施策322'!E11", textToDisplay: '施策322' });
      expect([hidden.rowHidden, fill.color, name.value, prot.protected]).toEqual([true, '#4472C4', 'S!$A$1:$A$2', true]);
    });
  });
});
