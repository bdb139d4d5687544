/** saveState / loadState: the workbook as JSON, saved and reopened. */
import { createExcelHost } from '../../src/excelHost';
import { hostWith } from './helpers';

describe('saveState and loadState', () => {
  test('settings, notes, names, formats, merges and protection survive a save and a reopen', async () => {
    const host = hostWith({ sheets: [{ name: '施策322', cells: { A10: '指標' }, merges: ['A10:A11'], hiddenRows: [5] }, { name: 'P', protected: true }] });
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('施策322');
      ws.getRange('E11').values = [['=1+1']];
      ws.getRange('E11').format.fill.color = '#FFC7CE';
      ws.notes.add('E11', '未達成');
      ctx.workbook.settings.add('tassei.flags.v1', { version: 1, cells: [{ sheet: '施策322', cell: 'E11' }] });
      ctx.workbook.names.add('Tassei_T1', ws.getRange('A10:G20'));
      await ctx.sync();
    });
    const json = host.saveState();
    expect(() => JSON.parse(json)).not.toThrow();

    const reopened = createExcelHost();
    reopened.loadState(json);
    await reopened.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('施策322');
      const r = ws.getRange('E11').load('values, formulas');
      const fill = ws.getRange('E11').format.fill.load('color');
      const note = ws.notes.getItem('E11').load('content');
      const setting = ctx.workbook.settings.getItem('tassei.flags.v1').load('value');
      const name = ctx.workbook.names.getItem('Tassei_T1').getRange().load('address');
      const merged = ws.getRange('A1:A20').getMergedAreasOrNullObject().load('address');
      const hidden = ws.getRange('A5').load('rowHidden');
      const prot = ctx.workbook.worksheets.getItem('P').protection.load('protected');
      await ctx.sync();
      expect([r.values, r.formulas, fill.color, note.content]).toEqual([[[2]], [['=1+1']], '#FFC7CE', '未達成']);
      expect(setting.value).toEqual({ version: 1, cells: [{ sheet: '施策322', cell: 'E11' }] });
      expect([name.address, merged.address, hidden.rowHidden, prot.protected]).toEqual(['施策322!A10:G20', '施策322!A10:A11', true, true]);
    });
    // The reopened copy is independent of the original.
    expect(reopened.saveState()).toBe(json);
  });

  test('loadState replaces the workbook in place (the host keeps its model object)', () => {
    const a = hostWith({ sheets: [{ name: 'A' }] });
    const b = hostWith({ sheets: [{ name: 'B' }] });
    const model = a.model;
    a.loadState(b.saveState());
    expect(a.model).toBe(model);
    expect(a.model.sheets.map((s) => s.name)).toEqual(['B']);
  });

  test('loadState refuses what is not a saved workbook', () => {
    const host = createExcelHost();
    expect(() => host.loadState('{}')).toThrow(/not a saved workbook/);
    expect(() => host.loadState('nope')).toThrow(/not JSON/);
    expect(() => host.loadState(JSON.stringify({ format: 'tassei-excel-host', version: 99, sheets: [], names: [], settings: [] }))).toThrow(/version/);
  });
});
