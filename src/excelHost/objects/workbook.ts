/** Excel.Workbook: the entry point of context.workbook — sheets, names, settings, notes, selection. */
import { officeError } from '../errors';
import type { HostWorkbookModel } from '../model';
import { sheetById } from '../model';
import { HostClientObject } from '../runtime/clientObject';
import type { Execution, HostRequestContext } from '../runtime/context';
import { HostNamedItemCollection } from './names';
import { HostNoteCollection } from './notes';
import { HostRange } from './range';
import { HostSettingCollection } from './settings';
import { activeSheet } from './shared';
import { HostWorksheetCollection } from './worksheet';

export class HostWorkbook extends HostClientObject<HostWorkbookModel> {
  readonly _typeName = 'Workbook';
  private worksheetsProxy?: HostWorksheetCollection;
  private namesProxy?: HostNamedItemCollection;
  private settingsProxy?: HostSettingCollection;
  private notesProxy?: HostNoteCollection;
  private protectionProxy?: HostWorkbookProtection;

  constructor(context: HostRequestContext) {
    super(context, 'workbook');
  }

  protected _resolveTarget(exec: Execution): HostWorkbookModel {
    return exec.model;
  }

  protected _scalarNames(): readonly string[] {
    const names = ['name'];
    if (this.context._runtime.requirements.isSetSupported('ExcelApi', '1.8')) names.push('readOnly');
    return names;
  }

  protected _readScalar(_exec: Execution, model: HostWorkbookModel, name: string): unknown {
    return name === 'readOnly' ? model.readOnly : 'Book1.xlsx';
  }

  protected override _navigation(name: string): HostClientObject<unknown> | undefined {
    switch (name) {
      case 'worksheets':
        return this.worksheets;
      case 'names':
        return this.names;
      case 'settings':
        return this.settings;
      case 'protection':
        return this.protection;
      default:
        return undefined;
    }
  }

  get name(): string {
    return this._get('name');
  }

  /** ExcelApi 1.8. */
  get readOnly(): boolean {
    this.context._runtime.requirements.requireApi('Workbook.readOnly', '1.8');
    return this._get('readOnly');
  }

  get worksheets(): HostWorksheetCollection {
    this.worksheetsProxy ??= new HostWorksheetCollection(this.context, 'workbook.worksheets');
    return this.worksheetsProxy;
  }

  get names(): HostNamedItemCollection {
    this.namesProxy ??= new HostNamedItemCollection(this.context, 'workbook.names');
    return this.namesProxy;
  }

  /** ExcelApi 1.4. */
  get settings(): HostSettingCollection {
    this.context._runtime.requirements.requireApi('Workbook.settings', '1.4');
    this.settingsProxy ??= new HostSettingCollection(this.context, 'workbook.settings');
    return this.settingsProxy;
  }

  /** ExcelApi 1.18. */
  get notes(): HostNoteCollection {
    this.context._runtime.requirements.requireApi('Workbook.notes', '1.18');
    this.notesProxy ??= new HostNoteCollection(this.context, 'workbook.notes', null);
    return this.notesProxy;
  }

  /** ExcelApi 1.7. */
  get protection(): HostWorkbookProtection {
    this.context._runtime.requirements.requireApi('Workbook.protection', '1.7');
    this.protectionProxy ??= new HostWorkbookProtection(this.context, 'workbook.protection');
    return this.protectionProxy;
  }

  /** The selected range: what select() last chose, else A1 of the active sheet. */
  getSelectedRange(): HostRange {
    return new HostRange(this.context, 'workbook.getSelectedRange()', (exec) => {
      const model = exec.model;
      const sel = model.selection;
      const sheet = sel ? sheetById(model, sel.sheetId) : undefined;
      if (sheet && sel && sheet.id === model.activeSheetId) return { sheet, rect: sel.rect };
      const active = activeSheet(model);
      if (!active) throw officeError('ItemNotFound', 'Workbook.getSelectedRange');
      return { sheet: active, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getActiveCell(): HostRange {
    return new HostRange(this.context, 'workbook.getActiveCell()', (exec) => {
      const t = this.getSelectedRange()._resolve(exec);
      return t ? { sheet: t.sheet, rect: { top: t.rect.top, left: t.rect.left, bottom: t.rect.top, right: t.rect.left } } : null;
    });
  }
}

/** Workbook structure protection: sheets cannot be added, deleted, renamed, moved or hidden. */
export class HostWorkbookProtection extends HostClientObject<HostWorkbookModel> {
  readonly _typeName = 'WorkbookProtection';

  protected _resolveTarget(exec: Execution): HostWorkbookModel {
    return exec.model;
  }

  protected _scalarNames(): readonly string[] {
    return ['protected'];
  }

  protected _readScalar(_exec: Execution, model: HostWorkbookModel): unknown {
    return model.protected;
  }

  get protected(): boolean {
    return this._get('protected');
  }

  protect(_password?: string): void {
    this._method('protect', [], (exec, model, location) => {
      if (model.readOnly) throw officeError('AccessDenied', location);
      model.protected = true;
      void exec;
    });
  }

  unprotect(_password?: string): void {
    this._method('unprotect', [], (_exec, model, location) => {
      if (model.readOnly) throw officeError('AccessDenied', location);
      model.protected = false;
    });
  }
}
