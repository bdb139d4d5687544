/** Worksheets: the collection, a worksheet, its protection and frozen panes. */
import { MAX_COLUMNS, MAX_ROWS, type Rect } from '../addresses';
import { officeError } from '../errors';
import { newSheet, sheetById, sheetByName, type HostSheet, type HostWorkbookModel, type SheetVisibility } from '../model';
import { HostClientObject, HostClientResult, HostCollection } from '../runtime/clientObject';
import type { Execution, HostRequestContext } from '../runtime/context';
import { dropSheetReferences, renameSheetReferences } from '../structure';
import { HostNoteCollection } from './notes';
import { HostRange } from './range';
import { activeSheet, checkSheetName, nextSheetName, rectOnSheet, usedRect } from './shared';

type LocateSheet = (exec: Execution) => HostSheet | null;

export class HostWorksheet extends HostClientObject<HostSheet> {
  readonly _typeName = 'Worksheet';
  /** Like Excel's object references: once found, a worksheet proxy follows that sheet through renames and moves. */
  private boundId: string | undefined;
  private protectionProxy?: HostWorksheetProtection;
  private freezePanesProxy?: HostWorksheetFreezePanes;
  private notesProxy?: HostNoteCollection;

  private constructor(
    context: HostRequestContext,
    path: string,
    private readonly locate: LocateSheet,
    nullable: boolean,
  ) {
    super(context, path, nullable);
  }

  static of(context: HostRequestContext, path: string, locate: LocateSheet, nullable = false): HostWorksheet {
    return new HostWorksheet(context, path, locate, nullable);
  }

  protected _resolveTarget(exec: Execution): HostSheet | null {
    if (this.boundId !== undefined) {
      const sheet = sheetById(exec.model, this.boundId);
      if (!sheet) {
        if (this._nullable) return null;
        throw officeError('ItemNotFound', 'Worksheet');
      }
      return sheet;
    }
    const sheet = this.locate(exec);
    if (sheet) this.boundId = sheet.id;
    return sheet;
  }

  protected _scalarNames(): readonly string[] {
    return ['id', 'name', 'position', 'visibility', 'standardWidth'];
  }

  protected override _writableNames(): readonly string[] {
    return ['name', 'position', 'visibility', 'standardWidth'];
  }

  protected _readScalar(exec: Execution, sheet: HostSheet, name: string): unknown {
    switch (name) {
      case 'id':
        return `{${sheet.id}}`;
      case 'name':
        return sheet.name;
      case 'position':
        return exec.model.sheets.indexOf(sheet);
      case 'visibility':
        return sheet.visibility;
      default:
        return sheet.standardWidth;
    }
  }

  protected override _navigation(name: string): HostClientObject<unknown> | undefined {
    if (name === 'protection') return this.protection;
    if (name === 'freezePanes') return this.freezePanes;
    return undefined;
  }

  get id(): string {
    return this._get('id');
  }

  get name(): string {
    return this._get('name');
  }

  set name(value: string) {
    this._setProperty('name', value, (exec, sheet, location) => {
      exec.requireStructureWritable(location);
      const name = checkSheetName(exec.model, value, location, sheet);
      const old = sheet.name;
      sheet.name = name;
      renameSheetReferences(exec.model, old, name);
    });
  }

  get position(): number {
    return this._get('position');
  }

  set position(value: number) {
    this._setProperty('position', value, (exec, sheet, location) => {
      exec.requireStructureWritable(location);
      const sheets = exec.model.sheets;
      if (!Number.isInteger(value) || value < 0 || value >= sheets.length) throw officeError('InvalidArgument', location);
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(value, 0, sheet);
    });
  }

  get visibility(): Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden' {
    return this._get('visibility');
  }

  set visibility(value: Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden') {
    this._setProperty('visibility', value, (exec, sheet, location) => {
      exec.requireStructureWritable(location);
      const v = String(value) as SheetVisibility;
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(v)) throw officeError('InvalidArgument', location);
      // A workbook keeps at least one visible sheet.
      if (v !== 'Visible' && !exec.model.sheets.some((s) => s !== sheet && s.visibility === 'Visible')) throw officeError('InvalidOperation', location);
      sheet.visibility = v;
      if (v !== 'Visible' && exec.model.activeSheetId === sheet.id) exec.model.activeSheetId = exec.model.sheets.find((s) => s.visibility === 'Visible')!.id;
    });
  }

  get standardWidth(): number {
    return this._get('standardWidth');
  }

  set standardWidth(value: number) {
    this._setProperty('standardWidth', value, (exec, sheet, location) => {
      if (typeof value !== 'number' || value < 0) throw officeError('InvalidArgument', location);
      exec.requireWritable(location, sheet);
      sheet.standardWidth = value;
    });
  }

  get protection(): HostWorksheetProtection {
    this.protectionProxy ??= new HostWorksheetProtection(this.context, `${this._path}.protection`, this);
    return this.protectionProxy;
  }

  get freezePanes(): HostWorksheetFreezePanes {
    this.context._runtime.requirements.requireApi('Worksheet.freezePanes', '1.7');
    this.freezePanesProxy ??= new HostWorksheetFreezePanes(this.context, `${this._path}.freezePanes`, this);
    return this.freezePanesProxy;
  }

  /** ExcelApi 1.18: the notes of this sheet. */
  get notes(): HostNoteCollection {
    this.context._runtime.requirements.requireApi('Worksheet.notes', '1.18');
    this.notesProxy ??= new HostNoteCollection(this.context, `${this._path}.notes`, (exec) => this._resolve(exec));
    return this.notesProxy;
  }

  private range(member: string, args: readonly unknown[], make: (exec: Execution, sheet: HostSheet, location: string) => Rect | null, nullable = false): HostRange {
    const location = `Worksheet.${member}`;
    return new HostRange(
      this.context,
      `${this._path}.${member}(${args.map((a) => JSON.stringify(a)).join(', ')})`,
      (exec) => {
        const sheet = this._resolve(exec);
        if (!sheet) return null;
        const r = make(exec, sheet, location);
        return r ? { sheet, rect: r } : null;
      },
      nullable,
    );
  }

  /** A range by address ("A1:B2", "A:A", "3:4"); an address Excel cannot read fails at sync (InvalidArgument). */
  getRange(address?: string): HostRange {
    return this.range('getRange', address === undefined ? [] : [address], (exec, sheet, location) => rectOnSheet(exec.model, sheet, address, location));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): HostRange {
    return this.range('getRangeByIndexes', [startRow, startColumn, rowCount, columnCount], (_exec, _sheet, location) => {
      const r = { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
      if (!(rowCount > 0 && columnCount > 0 && r.top >= 0 && r.left >= 0 && r.bottom < MAX_ROWS && r.right < MAX_COLUMNS)) throw officeError('InvalidArgument', location);
      return r;
    });
  }

  getCell(row: number, column: number): HostRange {
    return this.range('getCell', [row, column], (_exec, _sheet, location) => {
      if (!(row >= 0 && column >= 0 && row < MAX_ROWS && column < MAX_COLUMNS)) throw officeError('InvalidArgument', location);
      return { top: row, left: column, bottom: row, right: column };
    });
  }

  /** The used range; an empty sheet answers A1, as Excel does. */
  getUsedRange(valuesOnly?: boolean): HostRange {
    return this.range('getUsedRange', [valuesOnly ?? false], (_exec, sheet) => usedRect(sheet, valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): HostRange {
    return this.range('getUsedRangeOrNullObject', [valuesOnly ?? false], (_exec, sheet) => usedRect(sheet, valuesOnly === true), true);
  }

  activate(): void {
    this._method('activate', [], (exec, sheet, location) => {
      if (sheet.visibility !== 'Visible') throw officeError('InvalidOperation', location);
      exec.model.activeSheetId = sheet.id;
      if (exec.model.selection?.sheetId !== sheet.id) exec.model.selection = { sheetId: sheet.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  delete(): void {
    this._method('delete', [], (exec, sheet, location) => {
      exec.requireStructureWritable(location);
      const model = exec.model;
      if (!model.sheets.some((s) => s !== sheet && s.visibility === 'Visible')) throw officeError('InvalidOperation', location);
      dropSheetReferences(model, sheet);
      model.sheets.splice(model.sheets.indexOf(sheet), 1);
      if (model.activeSheetId === sheet.id) model.activeSheetId = model.sheets.find((s) => s.visibility === 'Visible')!.id;
      if (model.selection?.sheetId === sheet.id) model.selection = null;
    });
  }
}

export class HostWorksheetCollection extends HostCollection<HostWorkbookModel, string, HostWorksheet> {
  readonly _typeName = 'WorksheetCollection';

  constructor(context: HostRequestContext, path: string) {
    super(context, path);
  }

  protected _resolveTarget(exec: Execution): HostWorkbookModel {
    return exec.model;
  }

  protected _keys(_exec: Execution, model: HostWorkbookModel): string[] {
    return model.sheets.map((s) => s.id);
  }

  protected _item(id: string): HostWorksheet {
    return HostWorksheet.of(this.context, `${this._path}.getItem(${JSON.stringify(id)})`, (exec) => {
      const sheet = sheetById(exec.model, id);
      if (!sheet) throw officeError('ItemNotFound', 'WorksheetCollection.getItem');
      return sheet;
    });
  }

  /** By name (case-insensitive) or id; ItemNotFound at sync when there is none. */
  getItem(key: string): HostWorksheet {
    return HostWorksheet.of(this.context, `${this._path}.getItem(${JSON.stringify(key)})`, (exec) => {
      const sheet = findSheet(exec.model, key);
      if (!sheet) throw officeError('ItemNotFound', 'WorksheetCollection.getItem');
      return sheet;
    });
  }

  getItemOrNullObject(key: string): HostWorksheet {
    return HostWorksheet.of(this.context, `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`, (exec) => findSheet(exec.model, key) ?? null, true);
  }

  getActiveWorksheet(): HostWorksheet {
    return HostWorksheet.of(this.context, `${this._path}.getActiveWorksheet()`, (exec) => {
      const sheet = activeSheet(exec.model);
      if (!sheet) throw officeError('ItemNotFound', 'WorksheetCollection.getActiveWorksheet');
      return sheet;
    });
  }

  getFirst(visibleOnly?: boolean): HostWorksheet {
    return HostWorksheet.of(this.context, `${this._path}.getFirst(${visibleOnly ?? false})`, (exec) => {
      const sheet = exec.model.sheets.find((s) => !visibleOnly || s.visibility === 'Visible');
      if (!sheet) throw officeError('ItemNotFound', 'WorksheetCollection.getFirst');
      return sheet;
    });
  }

  getLast(visibleOnly?: boolean): HostWorksheet {
    return HostWorksheet.of(this.context, `${this._path}.getLast(${visibleOnly ?? false})`, (exec) => {
      const sheet = [...exec.model.sheets].reverse().find((s) => !visibleOnly || s.visibility === 'Visible');
      if (!sheet) throw officeError('ItemNotFound', 'WorksheetCollection.getLast');
      return sheet;
    });
  }

  override getCount(visibleOnly?: boolean): HostClientResult<number> {
    return this._methodResult('getCount', [visibleOnly ?? false], (exec) => exec.model.sheets.filter((s) => !visibleOnly || s.visibility === 'Visible').length, 0);
  }

  /** Adds a sheet at the end (Excel's rules for its name); the proxy stands for the new sheet. */
  add(name?: string): HostWorksheet {
    let createdId: string | undefined;
    this._method('add', name === undefined ? [] : [name], (exec, model, location) => {
      exec.requireStructureWritable(location);
      const sheetName = name === undefined ? nextSheetName(model) : checkSheetName(model, name, location);
      createdId = newSheet(model, sheetName).id;
    });
    return HostWorksheet.of(this.context, `${this._path}.add(${name === undefined ? '' : JSON.stringify(name)})`, (exec) => {
      const sheet = createdId === undefined ? undefined : sheetById(exec.model, createdId);
      if (!sheet) throw officeError('ItemNotFound', 'WorksheetCollection.add');
      return sheet;
    });
  }
}

function findSheet(model: HostWorkbookModel, key: string): HostSheet | undefined {
  return sheetByName(model, key) ?? model.sheets.find((s) => `{${s.id}}` === key);
}

export class HostWorksheetProtection extends HostClientObject<HostSheet> {
  readonly _typeName = 'WorksheetProtection';

  constructor(
    context: HostRequestContext,
    path: string,
    private readonly owner: HostWorksheet,
  ) {
    super(context, path);
  }

  protected _resolveTarget(exec: Execution): HostSheet | null {
    return this.owner._resolve(exec);
  }

  protected _scalarNames(): readonly string[] {
    return ['protected'];
  }

  protected _readScalar(_exec: Execution, sheet: HostSheet): unknown {
    return sheet.protected;
  }

  get protected(): boolean {
    return this._get('protected');
  }

  protect(_options?: Excel.WorksheetProtectionOptions, _password?: string): void {
    this._method('protect', [], (exec, sheet, location) => {
      if (exec.model.readOnly) throw officeError('AccessDenied', location);
      if (sheet.protected) throw officeError('InvalidOperation', location);
      sheet.protected = true;
    });
  }

  unprotect(_password?: string): void {
    this._method('unprotect', [], (exec, sheet, location) => {
      if (exec.model.readOnly) throw officeError('AccessDenied', location);
      sheet.protected = false;
    });
  }
}

export class HostWorksheetFreezePanes extends HostClientObject<HostSheet> {
  readonly _typeName = 'WorksheetFreezePanes';

  constructor(
    context: HostRequestContext,
    path: string,
    private readonly owner: HostWorksheet,
  ) {
    super(context, path);
  }

  protected _resolveTarget(exec: Execution): HostSheet | null {
    return this.owner._resolve(exec);
  }

  protected _scalarNames(): readonly string[] {
    return [];
  }

  protected _readScalar(): unknown {
    return undefined;
  }

  freezeRows(count = 1): void {
    this._method('freezeRows', [count], (_exec, sheet, location) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS) throw officeError('InvalidArgument', location);
      sheet.frozenRows = count;
      sheet.frozenColumns = 0;
    });
  }

  freezeColumns(count = 1): void {
    this._method('freezeColumns', [count], (_exec, sheet, location) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_COLUMNS) throw officeError('InvalidArgument', location);
      sheet.frozenColumns = count;
      sheet.frozenRows = 0;
    });
  }

  freezeAt(frozenRange: HostRange | string): void {
    this.context._checkSameContext([frozenRange]);
    this._method('freezeAt', [typeof frozenRange === 'string' ? frozenRange : { _ObjectPath: frozenRange._path }], (exec, sheet, location) => {
      const t = typeof frozenRange === 'string' ? { sheet, rect: rectOnSheet(exec.model, sheet, frozenRange, location) } : frozenRange._resolve(exec);
      if (!t || t.sheet !== sheet || t.rect.top !== 0 || t.rect.left !== 0) throw officeError('InvalidArgument', location);
      sheet.frozenRows = t.rect.bottom === MAX_ROWS - 1 ? 0 : t.rect.bottom + 1;
      sheet.frozenColumns = t.rect.right === MAX_COLUMNS - 1 ? 0 : t.rect.right + 1;
    });
  }

  unfreeze(): void {
    this._method('unfreeze', [], (_exec, sheet) => {
      sheet.frozenRows = 0;
      sheet.frozenColumns = 0;
    });
  }

  getLocationOrNullObject(): HostRange {
    return new HostRange(
      this.context,
      `${this._path}.getLocationOrNullObject()`,
      (exec) => {
        const sheet = this._resolve(exec);
        if (!sheet || (sheet.frozenRows === 0 && sheet.frozenColumns === 0)) return null;
        const bottom = sheet.frozenRows === 0 ? MAX_ROWS - 1 : sheet.frozenRows - 1;
        const right = sheet.frozenColumns === 0 ? MAX_COLUMNS - 1 : sheet.frozenColumns - 1;
        return { sheet, rect: { top: 0, left: 0, bottom, right } };
      },
      true,
    );
  }
}
