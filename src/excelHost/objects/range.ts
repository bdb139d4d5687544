/**
 * Excel.Range over the in-memory sheet. 2D properties read and write cell by cell with Excel's rules (see
 * cellValues.ts); range-level properties read null when the cells differ. Row indexes are 0-based.
 */
import {
  cellCount,
  columnCount,
  contains,
  intersects,
  isEntireColumns,
  isEntireRows,
  MAX_COLUMNS,
  MAX_ROWS,
  qualifiedA1,
  rowCount,
  type Rect,
} from '../addresses';
import { currentValue, displayText, formulaForApi, numberFormatOf, valueForApi, valueTypeOf, writeInput } from '../cellValues';
import { normalizeColor } from '../colors';
import { dimensionMismatch, officeError } from '../errors';
import { cellForWrite, forEachCellIn, getCell, pruneCell, type HostCell, type HostHyperlink, type HostSheet } from '../model';
import { HostClientObject, HostClientResult } from '../runtime/clientObject';
import type { Execution, HostRequestContext } from '../runtime/context';
import { deleteCells, insertCells, type ShiftAxis } from '../structure';
import { fillProperties, fontProperties, HostRangeFormat } from './format';
import { HostRangeAreas } from './rangeAreas';
import { rangeInWorkbook, usedRect, type RangeTarget } from './shared';
import { HostWorksheet } from './worksheet';

/** Excel reads at most 5,000,000 cells in one request. */
const MAX_READ_CELLS = 5_000_000;

type Locate = (exec: Execution) => RangeTarget | null;

const GRID_PROPERTIES = ['values', 'text', 'formulas', 'formulasLocal', 'numberFormat', 'numberFormatLocal', 'valueTypes'];

export class HostRange extends HostClientObject<RangeTarget> {
  readonly _typeName = 'Range';
  private formatProxy?: HostRangeFormat;
  private worksheetProxy?: HostWorksheet;

  constructor(
    context: HostRequestContext,
    path: string,
    private readonly locate: Locate,
    nullable = false,
  ) {
    super(context, path, nullable);
  }

  protected _resolveTarget(exec: Execution): RangeTarget | null {
    return this.locate(exec);
  }

  /** A range derived from this one (getCell, getOffsetRange …): null when this one is null. */
  private derive(member: string, args: readonly unknown[], make: (t: RangeTarget, location: string, exec: Execution) => Rect | null, nullable = false): HostRange {
    const location = `Range.${member}`;
    return new HostRange(
      this.context,
      `${this._path}.${member}(${args.map((a) => JSON.stringify(a)).join(', ')})`,
      (exec) => {
        const t = this._resolve(exec);
        if (t === null) return null;
        const r = make(t, location, exec);
        if (r === null) return null;
        if (!(r.top >= 0 && r.left >= 0 && r.bottom < MAX_ROWS && r.right < MAX_COLUMNS && r.top <= r.bottom && r.left <= r.right)) {
          if (nullable) return null;
          throw officeError('InvalidArgument', location);
        }
        return { sheet: t.sheet, rect: r };
      },
      nullable,
    );
  }

  get format(): HostRangeFormat {
    this.formatProxy ??= new HostRangeFormat(this.context, `${this._path}.format`, this);
    return this.formatProxy;
  }

  get worksheet(): HostWorksheet {
    this.worksheetProxy ??= HostWorksheet.of(this.context, `${this._path}.worksheet`, (exec) => this._resolve(exec)?.sheet ?? null);
    return this.worksheetProxy;
  }

  protected override _navigation(name: string): HostClientObject<unknown> | undefined {
    return name === 'format' ? this.format : name === 'worksheet' ? this.worksheet : undefined;
  }

  protected _scalarNames(): readonly string[] {
    const names = [
      'address',
      'addressLocal',
      'cellCount',
      'columnCount',
      'columnHidden',
      'columnIndex',
      'formulas',
      'formulasLocal',
      'hidden',
      'isEntireColumn',
      'isEntireRow',
      'numberFormat',
      'numberFormatLocal',
      'rowCount',
      'rowHidden',
      'rowIndex',
      'text',
      'valueTypes',
      'values',
    ];
    if (this.context._runtime.requirements.isSetSupported('ExcelApi', '1.7')) names.push('hyperlink');
    return names;
  }

  protected override _writableNames(): readonly string[] {
    return ['values', 'formulas', 'formulasLocal', 'numberFormat', 'numberFormatLocal', 'rowHidden', 'columnHidden', 'hyperlink'];
  }

  protected _readScalar(exec: Execution, t: RangeTarget, name: string): unknown {
    const { sheet, rect } = t;
    if (GRID_PROPERTIES.includes(name) && cellCount(rect) > MAX_READ_CELLS) throw officeError('RangeExceedsLimit', this._location(name));
    const model = exec.model;
    switch (name) {
      case 'address':
      case 'addressLocal':
        return qualifiedA1(sheet.name, rect);
      case 'cellCount':
        return cellCount(rect);
      case 'rowCount':
        return rowCount(rect);
      case 'columnCount':
        return columnCount(rect);
      case 'rowIndex':
        return rect.top;
      case 'columnIndex':
        return rect.left;
      case 'isEntireRow':
        return isEntireRows(rect);
      case 'isEntireColumn':
        return isEntireColumns(rect);
      case 'rowHidden':
        return allSomeNone(sheet.hiddenRows, rect.top, rect.bottom);
      case 'columnHidden':
        return allSomeNone(sheet.hiddenColumns, rect.left, rect.right);
      case 'hidden': {
        const rows = allSomeNone(sheet.hiddenRows, rect.top, rect.bottom);
        const cols = allSomeNone(sheet.hiddenColumns, rect.left, rect.right);
        return rows === true || cols === true ? true : rows === false && cols === false ? false : null;
      }
      case 'values':
        return grid(t, '', (row, col) => valueForApi(currentValue(model, sheet, row, col)));
      case 'text':
        return grid(t, '', (row, col, cell) => displayText(currentValue(model, sheet, row, col), numberFormatOf(cell)));
      case 'formulas':
      case 'formulasLocal':
        return grid(t, '', (row, col) => formulaForApi(sheet, row, col));
      case 'numberFormat':
      case 'numberFormatLocal':
        return grid(t, 'General', (_r, _c, cell) => numberFormatOf(cell));
      case 'valueTypes':
        return grid(t, 'Empty', (row, col) => valueTypeOf(currentValue(model, sheet, row, col)));
      case 'hyperlink': {
        const link = getCell(sheet, rect.top, rect.left)?.hyperlink;
        return link ? { ...link } : null;
      }
      default:
        return undefined;
    }
  }

  // --- 2D properties -------------------------------------------------------------------------------------------

  get values(): any[][] {
    return this._get('values');
  }

  set values(value: any[][]) {
    this.setGrid('values', value);
  }

  get formulas(): any[][] {
    return this._get('formulas');
  }

  set formulas(value: any[][]) {
    this.setGrid('formulas', value);
  }

  get formulasLocal(): any[][] {
    return this._get('formulasLocal');
  }

  set formulasLocal(value: any[][]) {
    this.setGrid('formulasLocal', value);
  }

  get numberFormat(): any[][] {
    return this._get('numberFormat');
  }

  set numberFormat(value: any[][]) {
    this.setNumberFormat('numberFormat', value);
  }

  get numberFormatLocal(): any[][] {
    return this._get('numberFormatLocal');
  }

  set numberFormatLocal(value: any[][]) {
    this.setNumberFormat('numberFormatLocal', value);
  }

  get text(): string[][] {
    return this._get('text');
  }

  get valueTypes(): Excel.RangeValueType[][] {
    return this._get('valueTypes');
  }

  private setGrid(name: string, value: unknown): void {
    this._setProperty(name, value, (exec, t, location) => {
      exec.requireWritable(location, t.sheet);
      forEachInput(t, value, location, (row, col, v) => writeInput(t.sheet, row, col, v, location));
    });
  }

  private setNumberFormat(name: string, value: unknown): void {
    this._setProperty(name, value, (exec, t, location) => {
      exec.requireWritable(location, t.sheet);
      forEachInput(t, value, location, (row, col, v) => {
        if (v === null || v === undefined) return;
        if (typeof v !== 'string') throw officeError('InvalidArgument', location);
        const cell = cellForWrite(t.sheet, row, col);
        if (v === '' || v === 'General') delete cell.numberFormat;
        else cell.numberFormat = v;
        pruneCell(t.sheet, row, col);
      });
    });
  }

  // --- scalar properties ---------------------------------------------------------------------------------------

  get address(): string {
    return this._get('address');
  }

  get addressLocal(): string {
    return this._get('addressLocal');
  }

  get cellCount(): number {
    return this._get('cellCount');
  }

  get rowCount(): number {
    return this._get('rowCount');
  }

  get columnCount(): number {
    return this._get('columnCount');
  }

  get rowIndex(): number {
    return this._get('rowIndex');
  }

  get columnIndex(): number {
    return this._get('columnIndex');
  }

  get isEntireRow(): boolean {
    return this._get('isEntireRow');
  }

  get isEntireColumn(): boolean {
    return this._get('isEntireColumn');
  }

  get hidden(): boolean {
    return this._get('hidden');
  }

  get rowHidden(): boolean {
    return this._get('rowHidden');
  }

  set rowHidden(value: boolean) {
    this._setProperty('rowHidden', value, (exec, t, location) => {
      if (typeof value !== 'boolean') throw officeError('InvalidArgument', location);
      exec.requireWritable(location, t.sheet);
      for (let r = t.rect.top; r <= t.rect.bottom; r++) {
        if (value) t.sheet.hiddenRows.add(r);
        else t.sheet.hiddenRows.delete(r);
      }
    });
  }

  get columnHidden(): boolean {
    return this._get('columnHidden');
  }

  set columnHidden(value: boolean) {
    this._setProperty('columnHidden', value, (exec, t, location) => {
      if (typeof value !== 'boolean') throw officeError('InvalidArgument', location);
      exec.requireWritable(location, t.sheet);
      for (let c = t.rect.left; c <= t.rect.right; c++) {
        if (value) t.sheet.hiddenColumns.add(c);
        else t.sheet.hiddenColumns.delete(c);
      }
    });
  }

  get hyperlink(): Excel.RangeHyperlink {
    this.requireSet('Range.hyperlink', '1.7');
    return this._get('hyperlink');
  }

  set hyperlink(value: Excel.RangeHyperlink) {
    this.requireSet('Range.hyperlink', '1.7');
    this._setProperty('hyperlink', value, (exec, t, location) => {
      exec.requireWritable(location, t.sheet);
      for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) setHyperlink(t.sheet, r, c, value, location);
    });
  }

  private requireSet(api: string, version: string): void {
    this.context._runtime.requirements.requireApi(api, version);
  }

  // --- ranges from this range ----------------------------------------------------------------------------------

  getCell(row: number, column: number): HostRange {
    return this.derive('getCell', [row, column], (t) => ({ top: t.rect.top + row, left: t.rect.left + column, bottom: t.rect.top + row, right: t.rect.left + column }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): HostRange {
    return this.derive('getOffsetRange', [rowOffset, columnOffset], (t) => ({
      top: t.rect.top + rowOffset,
      left: t.rect.left + columnOffset,
      bottom: t.rect.bottom + rowOffset,
      right: t.rect.right + columnOffset,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): HostRange {
    return this.derive('getResizedRange', [deltaRows, deltaColumns], (t) => ({ ...t.rect, bottom: t.rect.bottom + deltaRows, right: t.rect.right + deltaColumns }));
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): HostRange {
    return this.derive('getAbsoluteResizedRange', [numRows, numColumns], (t) => ({ ...t.rect, bottom: t.rect.top + numRows - 1, right: t.rect.left + numColumns - 1 }));
  }

  getRow(row: number): HostRange {
    return this.derive('getRow', [row], (t) => ({ ...t.rect, top: t.rect.top + row, bottom: t.rect.top + row }));
  }

  getColumn(column: number): HostRange {
    return this.derive('getColumn', [column], (t) => ({ ...t.rect, left: t.rect.left + column, right: t.rect.left + column }));
  }

  getEntireRow(): HostRange {
    return this.derive('getEntireRow', [], (t) => ({ ...t.rect, left: 0, right: MAX_COLUMNS - 1 }));
  }

  getEntireColumn(): HostRange {
    return this.derive('getEntireColumn', [], (t) => ({ ...t.rect, top: 0, bottom: MAX_ROWS - 1 }));
  }

  getLastCell(): HostRange {
    return this.derive('getLastCell', [], (t) => ({ top: t.rect.bottom, left: t.rect.right, bottom: t.rect.bottom, right: t.rect.right }));
  }

  getLastRow(): HostRange {
    return this.derive('getLastRow', [], (t) => ({ ...t.rect, top: t.rect.bottom }));
  }

  getLastColumn(): HostRange {
    return this.derive('getLastColumn', [], (t) => ({ ...t.rect, left: t.rect.right }));
  }

  getRowsAbove(count = 1): HostRange {
    return this.derive('getRowsAbove', [count], (t) => ({ ...t.rect, top: t.rect.top - count, bottom: t.rect.top - 1 }));
  }

  getRowsBelow(count = 1): HostRange {
    return this.derive('getRowsBelow', [count], (t) => ({ ...t.rect, top: t.rect.bottom + 1, bottom: t.rect.bottom + count }));
  }

  getColumnsBefore(count = 1): HostRange {
    return this.derive('getColumnsBefore', [count], (t) => ({ ...t.rect, left: t.rect.left - count, right: t.rect.left - 1 }));
  }

  getColumnsAfter(count = 1): HostRange {
    return this.derive('getColumnsAfter', [count], (t) => ({ ...t.rect, left: t.rect.right + 1, right: t.rect.right + count }));
  }

  getBoundingRect(anotherRange: HostRange | string): HostRange {
    this.context._checkSameContext([anotherRange]);
    return this.derive('getBoundingRect', [refArg(anotherRange)], (t, location, exec) => {
      const o = other(exec, anotherRange, t, location);
      return { top: Math.min(t.rect.top, o.top), left: Math.min(t.rect.left, o.left), bottom: Math.max(t.rect.bottom, o.bottom), right: Math.max(t.rect.right, o.right) };
    });
  }

  getIntersection(anotherRange: HostRange | string): HostRange {
    this.context._checkSameContext([anotherRange]);
    return this.derive('getIntersection', [refArg(anotherRange)], (t, location, exec) => {
      const o = other(exec, anotherRange, t, location);
      if (!intersects(t.rect, o)) throw officeError('InvalidArgument', location);
      return intersection(t.rect, o);
    });
  }

  getIntersectionOrNullObject(anotherRange: HostRange | string): HostRange {
    this.context._checkSameContext([anotherRange]);
    return this.derive(
      'getIntersectionOrNullObject',
      [refArg(anotherRange)],
      (t, location, exec) => {
        const o = other(exec, anotherRange, t, location);
        return intersects(t.rect, o) ? intersection(t.rect, o) : null;
      },
      true,
    );
  }

  /** The used part of this range; ItemNotFound when nothing is used. */
  getUsedRange(valuesOnly?: boolean): HostRange {
    return this.derive('getUsedRange', [valuesOnly ?? false], (t, location) => {
      const used = usedRect(t.sheet, valuesOnly === true);
      if (!used || !intersects(used, t.rect)) throw officeError('ItemNotFound', location);
      return intersection(used, t.rect);
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): HostRange {
    return this.derive(
      'getUsedRangeOrNullObject',
      [valuesOnly ?? false],
      (t) => {
        const used = usedRect(t.sheet, valuesOnly === true);
        return used && intersects(used, t.rect) ? intersection(used, t.rect) : null;
      },
      true,
    );
  }

  // --- methods -------------------------------------------------------------------------------------------------

  /** ExcelApi 1.13: the merged areas that meet this range, or a null object when there are none. */
  getMergedAreasOrNullObject(): HostRangeAreas {
    this.requireSet('Range.getMergedAreasOrNullObject', '1.13');
    return new HostRangeAreas(
      this.context,
      `${this._path}.getMergedAreasOrNullObject()`,
      (exec, location) => {
        const t = this._resolve(exec);
        if (t === null) return null;
        const areas = t.sheet.merges.filter((m) => intersects(m, t.rect)).sort((a, b) => a.top - b.top || a.left - b.left);
        if (areas.length > 512) throw officeError('GeneralException', location);
        return areas.length === 0 ? null : { sheet: t.sheet, rects: areas };
      },
      true,
    );
  }

  merge(across = false): void {
    this._method('merge', [across], (exec, t, location) => {
      exec.requireWritable(location, t.sheet);
      const parts: Rect[] = across ? Array.from({ length: rowCount(t.rect) }, (_, i) => ({ ...t.rect, top: t.rect.top + i, bottom: t.rect.top + i })) : [t.rect];
      for (const part of parts) {
        if (part.top === part.bottom && part.left === part.right) continue;
        const overlapping = t.sheet.merges.filter((m) => intersects(m, part));
        if (overlapping.some((m) => !contains(part, m))) throw officeError('InvalidOperation', location);
        t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, part));
        // Excel keeps the top-left value; the other cells of the area lose theirs.
        for (let r = part.top; r <= part.bottom; r++) {
          for (let c = part.left; c <= part.right; c++) {
            if (r === part.top && c === part.left) continue;
            const cell = getCell(t.sheet, r, c);
            if (cell) {
              delete cell.value;
              delete cell.formula;
              pruneCell(t.sheet, r, c);
            }
          }
        }
        t.sheet.merges.push(part);
      }
    });
  }

  unmerge(): void {
    this._method('unmerge', [], (exec, t, location) => {
      exec.requireWritable(location, t.sheet);
      t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.rect));
    });
  }

  /** Selects the range (and activates its sheet): the model records the selection. */
  select(): void {
    this._method('select', [], (exec, t, location) => {
      if (t.sheet.visibility !== 'Visible') throw officeError('InvalidOperation', location);
      exec.model.activeSheetId = t.sheet.id;
      exec.model.selection = { sheetId: t.sheet.id, rect: t.rect };
    });
  }

  clear(applyTo: Excel.ClearApplyTo | 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' | 'ResetContents' = 'All'): void {
    this._method('clear', [applyTo], (exec, t, location) => {
      const what = String(applyTo);
      if (!['All', 'Formats', 'Contents', 'Hyperlinks', 'RemoveHyperlinks', 'ResetContents'].includes(what)) throw officeError('InvalidArgument', location);
      exec.requireWritable(location, t.sheet);
      const doomed: [number, number][] = [];
      forEachCellIn(t.sheet, t.rect, (row, col, cell) => {
        clearCell(cell, what);
        doomed.push([row, col]);
      });
      for (const [row, col] of doomed) pruneCell(t.sheet, row, col);
    });
  }

  /** Inserts cells here, shifting the others down (or right); the new range covers the inserted cells. */
  insert(shift: Excel.InsertShiftDirection | 'Down' | 'Right'): HostRange {
    const axis = shiftAxis(shift, 'Down', 'Right');
    this._method('insert', [shift], (exec, t, location) => {
      if (!axis) throw officeError('InvalidArgument', location);
      exec.requireWritable(location, t.sheet);
      insertCells(exec.model, t.sheet, t.rect, axis, location);
    });
    return this.derive('insert', [shift], (t) => t.rect);
  }

  delete(shift: Excel.DeleteShiftDirection | 'Up' | 'Left'): void {
    const axis = shiftAxis(shift, 'Up', 'Left');
    this._method('delete', [shift], (exec, t, location) => {
      if (!axis) throw officeError('InvalidArgument', location);
      exec.requireWritable(location, t.sheet);
      deleteCells(exec.model, t.sheet, t.rect, axis, location);
    });
  }

  calculate(): void {
    // Formulas are computed when read.
    this._method('calculate', [], () => undefined);
  }

  /** ExcelApi 1.9: the requested properties of each cell. */
  getCellProperties(cellPropertiesLoadOptions: Excel.CellPropertiesLoadOptions): HostClientResult<Excel.CellProperties[][]> {
    this.requireSet('Range.getCellProperties', '1.9');
    return this._methodResult(
      'getCellProperties',
      [cellPropertiesLoadOptions],
      (_exec, t, location) => {
        if (cellCount(t.rect) > MAX_READ_CELLS) throw officeError('RangeExceedsLimit', location);
        const out: Excel.CellProperties[][] = [];
        for (let r = t.rect.top; r <= t.rect.bottom; r++) {
          const line: Excel.CellProperties[] = [];
          for (let c = t.rect.left; c <= t.rect.right; c++) line.push(cellProperties(t.sheet, r, c, cellPropertiesLoadOptions ?? {}));
          out.push(line);
        }
        return out;
      },
      [],
    );
  }

  /** ExcelApi 1.9: fill, font, alignment and links per cell; the array must match the range. */
  setCellProperties(cellPropertiesData: Excel.SettableCellProperties[][]): void {
    this.requireSet('Range.setCellProperties', '1.9');
    this._method('setCellProperties', [cellPropertiesData], (exec, t, location) => {
      exec.requireWritable(location, t.sheet);
      if (!Array.isArray(cellPropertiesData) || cellPropertiesData.length !== rowCount(t.rect) || cellPropertiesData.some((row) => !Array.isArray(row) || row.length !== columnCount(t.rect))) {
        throw dimensionMismatch(location);
      }
      cellPropertiesData.forEach((line, i) =>
        line.forEach((props, j) => {
          if (props) applyCellProperties(t.sheet, t.rect.top + i, t.rect.left + j, props, location);
        }),
      );
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------

function shiftAxis(shift: unknown, along: string, across: string): ShiftAxis | null {
  return shift === along ? 'rows' : shift === across ? 'columns' : null;
}

function refArg(r: HostRange | string): unknown {
  return typeof r === 'string' ? r : { _ObjectPath: r._path };
}

function other(exec: Execution, r: HostRange | string, t: RangeTarget, location: string): Rect {
  const found = typeof r === 'string' ? rangeInWorkbook(exec.model, r.includes('!') ? r : `${quoteIfNeeded(t.sheet.name)}!${r}`, location) : r._resolve(exec);
  if (!found || found.sheet !== t.sheet) throw officeError('InvalidArgument', location);
  return found.rect;
}

function quoteIfNeeded(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function intersection(a: Rect, b: Rect): Rect {
  return { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
}

/** true when every index in [from, to] is in the set, false when none is, null when some are. */
function allSomeNone(set: ReadonlySet<number>, from: number, to: number): boolean | null {
  let n = 0;
  for (const i of set) if (i >= from && i <= to) n++;
  return n === 0 ? false : n === to - from + 1 ? true : null;
}

/** A 2D array over the range: the default for absent cells, `read` for present ones. */
function grid<V>(t: RangeTarget, absent: V, read: (row: number, col: number, cell: HostCell | undefined) => V): V[][] {
  const { sheet, rect } = t;
  const out: V[][] = [];
  const width = columnCount(rect);
  for (let r = rect.top; r <= rect.bottom; r++) out.push(new Array<V>(width).fill(absent));
  forEachCellIn(sheet, rect, (row, col, cell) => {
    out[row - rect.top]![col - rect.left] = read(row, col, cell);
  });
  return out;
}

/**
 * Each value of a 2D input with its cell: an array must match the range exactly; a single value (not an array)
 * goes to every cell (Excel's "single input copy"); null for the whole property is refused.
 */
function forEachInput(t: RangeTarget, input: unknown, location: string, write: (row: number, col: number, v: unknown) => void): void {
  const { rect } = t;
  if (input === null || input === undefined) throw officeError('InvalidArgument', location);
  if (!Array.isArray(input)) {
    if (cellCount(rect) > MAX_READ_CELLS) throw officeError('RangeExceedsLimit', location);
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) write(r, c, input);
    return;
  }
  if (input.length !== rowCount(rect) || input.some((line) => !Array.isArray(line) || line.length !== columnCount(rect))) throw dimensionMismatch(location);
  input.forEach((line: unknown[], i) => line.forEach((v, j) => write(rect.top + i, rect.left + j, v)));
}

function clearCell(cell: HostCell, what: string): void {
  const contents = (): void => {
    delete cell.value;
    delete cell.formula;
  };
  const formats = (): void => {
    delete cell.numberFormat;
    delete cell.fill;
    delete cell.font;
    delete cell.wrapText;
    delete cell.horizontalAlignment;
  };
  switch (what) {
    case 'Contents':
    case 'ResetContents':
      contents();
      break;
    case 'Formats':
      formats();
      break;
    case 'Hyperlinks':
      delete cell.hyperlink;
      delete cell.font;
      break;
    case 'RemoveHyperlinks':
      delete cell.hyperlink;
      break;
    default:
      contents();
      formats();
      delete cell.hyperlink;
      delete cell.note;
  }
}

function setHyperlink(sheet: HostSheet, row: number, col: number, value: unknown, location: string): void {
  if (value === null || typeof value !== 'object') throw officeError('InvalidArgument', location);
  const v = value as Record<string, unknown>;
  const link: HostHyperlink = {};
  for (const key of ['address', 'documentReference', 'screenTip', 'textToDisplay'] as const) {
    const x = v[key];
    if (x === undefined || x === null) continue;
    if (typeof x !== 'string') throw officeError('InvalidArgument', location);
    link[key] = x;
  }
  const cell = cellForWrite(sheet, row, col);
  if (!link.address && !link.documentReference) {
    delete cell.hyperlink;
    pruneCell(sheet, row, col);
    return;
  }
  cell.hyperlink = link;
  // The cell shows the link's text: the text given, or the target when the cell is empty.
  if (link.textToDisplay !== undefined) {
    delete cell.formula;
    cell.value = link.textToDisplay;
  } else if (cell.value === undefined && cell.formula === undefined) cell.value = link.address ?? link.documentReference!;
}

function cellProperties(sheet: HostSheet, row: number, col: number, o: Excel.CellPropertiesLoadOptions): Excel.CellProperties {
  const cell = getCell(sheet, row, col);
  const out: Excel.CellProperties = {};
  if (o.address) out.address = qualifiedA1(sheet.name, { top: row, left: col, bottom: row, right: col });
  if (o.addressLocal) out.addressLocal = qualifiedA1(sheet.name, { top: row, left: col, bottom: row, right: col });
  if (o.hidden) out.hidden = sheet.hiddenRows.has(row) || sheet.hiddenColumns.has(col);
  if (o.hyperlink && cell?.hyperlink) out.hyperlink = { ...cell.hyperlink };
  const f = o.format;
  if (f) {
    const format: Excel.CellPropertiesFormat = {};
    if (f.fill) {
      const all = fillProperties(cell?.fill);
      const fill: Record<string, unknown> = {};
      for (const key of ['color', 'pattern', 'patternColor', 'tintAndShade'] as const) if (f.fill[key]) fill[key] = all[key];
      format.fill = fill as Excel.CellPropertiesFill;
    }
    if (f.font) {
      const all = fontProperties(cell?.font);
      const font: Record<string, unknown> = {};
      for (const key of ['bold', 'italic', 'color', 'name', 'size'] as const) if (f.font[key]) font[key] = all[key];
      format.font = font as Excel.CellPropertiesFont;
    }
    if (f.wrapText) format.wrapText = cell?.wrapText ?? false;
    if (f.horizontalAlignment) format.horizontalAlignment = (cell?.horizontalAlignment ?? 'General') as Excel.HorizontalAlignment;
    out.format = format;
  }
  return out;
}

function applyCellProperties(sheet: HostSheet, row: number, col: number, props: Excel.SettableCellProperties, location: string): void {
  const cell = cellForWrite(sheet, row, col);
  const fill = props.format?.fill;
  if (fill) {
    if (fill.pattern === 'None') delete cell.fill;
    else {
      const next = { ...(cell.fill ?? { color: '#FFFFFF' }) };
      if (fill.color !== undefined) {
        const color = normalizeColor(fill.color);
        if (!color) throw officeError('InvalidArgument', location);
        next.color = color;
      }
      next.pattern = fill.pattern ?? (next.pattern && next.pattern !== 'None' ? next.pattern : 'Solid');
      if (fill.patternColor !== undefined && fill.patternColor !== null) {
        const pc = normalizeColor(fill.patternColor);
        if (!pc) throw officeError('InvalidArgument', location);
        next.patternColor = pc;
      }
      if (typeof fill.tintAndShade === 'number') next.tintAndShade = fill.tintAndShade;
      cell.fill = next;
    }
  }
  const font = props.format?.font;
  if (font) {
    const next = { ...(cell.font ?? {}) };
    if (font.bold !== undefined) next.bold = Boolean(font.bold);
    if (font.italic !== undefined) next.italic = Boolean(font.italic);
    if (font.name !== undefined) next.name = font.name;
    if (font.size !== undefined) next.size = font.size;
    if (font.color !== undefined) {
      const color = normalizeColor(font.color);
      if (!color) throw officeError('InvalidArgument', location);
      next.color = color;
    }
    cell.font = next;
  }
  if (props.format?.wrapText !== undefined) cell.wrapText = Boolean(props.format.wrapText);
  if (props.format?.horizontalAlignment !== undefined) cell.horizontalAlignment = String(props.format.horizontalAlignment);
  if (props.hyperlink !== undefined) setHyperlink(sheet, row, col, props.hyperlink, location);
  pruneCell(sheet, row, col);
}
