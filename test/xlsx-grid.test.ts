import * as ExcelJS from 'exceljs';
import { EMPTY, parseAddress, type SheetGrid, type WorkbookGrid } from '../src/core/grid';
import { cellValueOf, openWorkbook, workbookGrid } from '../src/xlsx';
import { LONG_TEXT, TRIANGLE_FORMAT, oddCellsWorkbook, sample } from './helpers/badFiles';

async function open(bytes: Uint8Array): Promise<{ wb: ExcelJS.Workbook; grid: WorkbookGrid }> {
  const result = await openWorkbook(bytes);
  if (!result.ok) throw new Error(`not opened: ${JSON.stringify(result.error)}`);
  return { wb: result.workbook, grid: workbookGrid(result.workbook) };
}

function sheetOf(grid: WorkbookGrid, name: string): SheetGrid {
  const s = grid.sheet(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

const at = (s: SheetGrid, address: string) => {
  const ref = parseAddress(address);
  if (!ref) throw new Error(address);
  return s.cell(ref.row, ref.col);
};

describe('the samples through workbookGrid', () => {
  test('jigyo-keikaku-r6: budget amounts as text, and as a number with the ▲ format', async () => {
    const { grid } = await open(sample('jigyo-keikaku-r6.xlsx'));
    expect(grid.sheets.map((s) => s.name)).toEqual(['事業計画', '成果目標値']);
    const s = sheetOf(grid, '事業計画');
    expect(at(s, 'E12')).toEqual({ kind: 'text', text: '102,382' });
    expect(at(s, 'F12')).toEqual({ kind: 'text', text: '▲ 7,133' });
    expect(at(s, 'E75')).toEqual({ kind: 'number', value: 4869, numFmt: TRIANGLE_FORMAT });
    expect(at(s, 'E14')).toEqual({ kind: 'text', text: '事業費(単位:千円)' });
    expect([s.rowCount, s.columnCount]).toEqual([127, 6]);
    expect(s.mergedArea(12, 5)).toBeNull();
    expect(sheetOf(grid, '成果目標値').mergedArea(23, 3)).toEqual({ top: 23, left: 2, bottom: 23, right: 3 });
  });

  test('shisaku-322-r3: a name merged over two rows reads the same on both', async () => {
    const { grid } = await open(sample('shisaku-322-r3.xlsx'));
    const s = sheetOf(grid, '施策322');
    const name = { kind: 'text', text: '県内ものづくり企業の新たな製品開発や事業化等につながった件数（累計）' };
    expect(at(s, 'A10')).toEqual(name);
    expect(at(s, 'A11')).toEqual(name);
    expect(s.mergedArea(11, 1)).toEqual({ top: 10, left: 1, bottom: 11, right: 1 });
    expect(s.mergedArea(10, 1)).toEqual({ top: 10, left: 1, bottom: 11, right: 1 });
    expect(at(s, 'C8')).toEqual({ kind: 'text', text: '２年度' });
    expect(at(s, 'D8')).toEqual({ kind: 'text', text: '２年度' });
    expect(s.mergedArea(8, 4)).toEqual({ top: 8, left: 3, bottom: 8, right: 4 });
    expect(s.mergedArea(8, 5)).toBeNull();
    expect(at(s, 'E8')).toEqual({ kind: 'text', text: '３年度' });
    expect(at(s, 'B7')).toBe(EMPTY);
    expect([s.rowCount, s.columnCount]).toEqual([61, 7]);
    expect(grid.sheet('施策322（記入例）')).toBeDefined();
    expect(grid.sheet('存在しないシート')).toBeUndefined();
  });

  test('monitoring-r1: merged areas of both sheets', async () => {
    const { grid } = await open(sample('monitoring-r1.xlsx'));
    expect(sheetOf(grid, 'モニタリング指標').mergedArea(39, 5)).toEqual({ top: 39, left: 4, bottom: 39, right: 5 });
    const example = sheetOf(grid, '進捗（記入例）');
    expect(example.mergedArea(5, 1)).toEqual({ top: 4, left: 1, bottom: 5, right: 1 });
    expect(at(example, 'A5')).toEqual(at(example, 'A4'));
    expect(at(example, 'A5').kind).toBe('text');
  });

  test('ExcelJS itself gives a merged cell its master\'s value, and cellValueOf reads the master', async () => {
    const { wb } = await open(sample('shisaku-322-r3.xlsx'));
    const ws = wb.getWorksheet('施策322')!;
    const slave = ws.findCell(11, 1)!;
    expect(slave.type).toBe(ExcelJS.ValueType.Merge);
    expect(slave.value).toBe(ws.findCell(10, 1)!.value);
    expect(cellValueOf(slave)).toEqual(cellValueOf(ws.findCell(10, 1)!));
  });
});

describe('odd cells, written by ExcelJS and read back', () => {
  let grid: WorkbookGrid;
  let wb: ExcelJS.Workbook;
  let s: SheetGrid;
  beforeAll(async () => {
    ({ grid, wb } = await open(await oddCellsWorkbook()));
    s = sheetOf(grid, 'Odd');
  });

  test.each([
    ['A1', { kind: 'number', value: 4869, numFmt: TRIANGLE_FORMAT }],
    ['A2', { kind: 'number', value: -7133, numFmt: TRIANGLE_FORMAT }],
    ['A3', { kind: 'number', value: 1.5 }],
    ['A4', { kind: 'text', text: '前年度比' }],
    ['A5', { kind: 'boolean', value: true }],
    ['A6', { kind: 'boolean', value: false }],
    ['A7', { kind: 'date', iso: '2024-04-01' }],
    ['A8', { kind: 'date', iso: '2024-04-01T09:30:00' }],
    ['A9', { kind: 'error', code: '#DIV/0!' }],
    ['A10', { kind: 'error', code: '#N/A' }],
    ['A11', { kind: 'number', value: 9738, numFmt: TRIANGLE_FORMAT }],
    ['A12', { kind: 'empty' }],
    ['A13', { kind: 'text', text: 'ab' }],
    ['A14', { kind: 'error', code: '#DIV/0!' }],
    ['A15', { kind: 'text', text: '三重県' }],
    ['A17', { kind: 'number', value: 4870 }],
    ['A18', { kind: 'number', value: 4871 }],
    ['A19', { kind: 'number', value: 1295, numFmt: '0"件"' }],
    ['A21', { kind: 'empty' }],
  ])('%s', (address, expected) => {
    expect(at(s, address)).toEqual(expected);
  });

  test('a 10,000-character string is read whole', () => {
    expect(at(s, 'A16')).toEqual({ kind: 'text', text: LONG_TEXT });
    expect(LONG_TEXT).toHaveLength(10_000);
  });

  test('every cell of a merged area reads as its top-left cell', () => {
    const name = { kind: 'text', text: '県内ものづくり企業の件数（累計）' };
    for (let row = 2; row <= 4; row++) {
      for (let col = 3; col <= 5; col++) {
        expect(s.cell(row, col)).toEqual(name);
        expect(s.mergedArea(row, col)).toEqual({ top: 2, left: 3, bottom: 4, right: 5 });
      }
    }
    expect(at(s, 'B7')).toEqual({ kind: 'text', text: '予算' });
    expect(s.mergedArea(7, 2)).toEqual({ top: 6, left: 2, bottom: 7, right: 2 });
    expect(s.mergedArea(5, 3)).toBeNull();
    expect(s.mergedArea(2, 6)).toBeNull();
  });

  test('hidden rows', () => {
    expect(s.isRowHidden(6)).toBe(true);
    expect(s.isRowHidden(8)).toBe(true);
    expect(s.isRowHidden(7)).toBe(false);
    expect(s.isRowHidden(1)).toBe(false);
    expect(s.isRowHidden(5000)).toBe(false);
  });

  test('the extent is the last row and column holding a value, not a styled cell beyond', () => {
    expect([s.rowCount, s.columnCount]).toEqual([20, 5]);
    const empty = sheetOf(grid, 'Empty');
    expect([empty.rowCount, empty.columnCount]).toEqual([0, 0]);
    expect(empty.cell(1, 1)).toBe(EMPTY);
    expect(empty.mergedArea(1, 1)).toBeNull();
    expect(empty.isRowHidden(1)).toBe(false);
  });

  test('addresses outside the sheet read empty, never throw', () => {
    for (const [row, col] of [[0, 1], [1, 0], [-3, 2], [1.5, 1], [2_000_000, 1], [1, 20_000], [NaN, 1]] as const) {
      expect(s.cell(row, col)).toBe(EMPTY);
      expect(s.mergedArea(row, col)).toBeNull();
    }
    expect(s.isRowHidden(0)).toBe(false);
  });

  test('reading creates no rows or cells in the ExcelJS worksheet (it reads, it does not copy or grow)', () => {
    const ws = wb.getWorksheet('Odd')!;
    const rowsBefore = ws.rowCount;
    for (let row = 1; row <= 200; row++) for (let col = 1; col <= 30; col++) s.cell(row, col);
    s.isRowHidden(150);
    expect(ws.rowCount).toBe(rowsBefore);
    expect(ws.findRow(150)).toBeUndefined();
    expect(ws.findRow(1)!.cellCount).toBe(1);
  });

  test('sheet names are found exactly first, then ignoring case', () => {
    expect(grid.sheet('odd')?.name).toBe('Odd');
    expect(grid.sheet('EMPTY')?.name).toBe('Empty');
  });
});

describe('a workbook built in memory (as the add-in might hand over)', () => {
  test('reads values, merges, a large sheet lazily', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('大');
    for (let r = 1; r <= 2000; r++) ws.getRow(r).values = Array.from({ length: 50 }, (_, c) => r * 100 + c + 1);
    ws.mergeCells('A1:B2');
    const grid = workbookGrid(wb);
    const s = grid.sheets[0]!;
    expect([s.rowCount, s.columnCount]).toEqual([2000, 50]);
    expect(s.cell(2000, 50)).toEqual({ kind: 'number', value: 200050 });
    expect(s.cell(2, 2)).toEqual({ kind: 'number', value: 101 });
    let sum = 0;
    for (let r = 1; r <= s.rowCount; r++) {
      for (let c = 1; c <= s.columnCount; c++) {
        const v = s.cell(r, c);
        if (v.kind === 'number') sum += v.value;
      }
    }
    expect(sum).toBeGreaterThan(0);
  });
});
