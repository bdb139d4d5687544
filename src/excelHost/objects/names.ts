/**
 * Workbook names (NamedItemCollection / NamedItem). A name of a range follows its cells: rows inserted above it
 * move it, rows inserted inside grow it, its sheet's rename shows in its value — as Excel keeps names.
 */
import { parseA1, qualifiedA1 } from '../addresses';
import { officeError } from '../errors';
import { nameTargetOf, sheetById, type HostName, type HostWorkbookModel } from '../model';
import { HostClientObject, HostCollection } from '../runtime/clientObject';
import type { Execution, HostRequestContext } from '../runtime/context';
import { HostRange } from './range';

/** Excel's rules for a defined name: a letter, "_" or "\" first; letters, digits, "_", ".", "\" after; no cell-like names. */
export function isValidName(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 255) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u.test(name)) return false;
  if (/^[rc]$/i.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) && parseA1(name) !== null) return false;
  return !/^[Rr]\d*[Cc]\d*$/.test(name);
}

function findName(model: HostWorkbookModel, name: string): HostName | undefined {
  const lower = name.toLowerCase();
  return model.names.find((n) => n.name.toLowerCase() === lower);
}

export class HostNamedItemCollection extends HostCollection<HostWorkbookModel, string, HostNamedItem> {
  readonly _typeName = 'NamedItemCollection';

  constructor(context: HostRequestContext, path: string) {
    super(context, path);
  }

  protected _resolveTarget(exec: Execution): HostWorkbookModel {
    return exec.model;
  }

  protected _keys(_exec: Execution, model: HostWorkbookModel): string[] {
    return model.names.map((n) => n.name);
  }

  protected _item(name: string): HostNamedItem {
    return this.getItem(name);
  }

  getItem(name: string): HostNamedItem {
    return new HostNamedItem(this.context, `${this._path}.getItem(${JSON.stringify(name)})`, (exec) => {
      const found = findName(exec.model, name);
      if (!found) throw officeError('ItemNotFound', 'NamedItemCollection.getItem');
      return found;
    });
  }

  getItemOrNullObject(name: string): HostNamedItem {
    this.context._runtime.requirements.requireApi('NamedItemCollection.getItemOrNullObject', '1.4');
    return new HostNamedItem(this.context, `${this._path}.getItemOrNullObject(${JSON.stringify(name)})`, (exec) => findName(exec.model, name) ?? null, true);
  }

  /** ExcelApi 1.4: a name for a Range or a reference ("=Sheet1!$A$1:$B$2", "=42"). */
  add(name: string, reference: HostRange | string, comment?: string): HostNamedItem {
    this.context._runtime.requirements.requireApi('NamedItemCollection.add', '1.4');
    this.context._checkSameContext([reference]);
    const arg = typeof reference === 'string' ? reference : { _ObjectPath: reference._path };
    this._method('add', comment === undefined ? [name, arg] : [name, arg, comment], (exec, model, location) => {
      if (model.readOnly) throw officeError('AccessDenied', location);
      if (!isValidName(name)) throw officeError('InvalidArgument', location);
      if (findName(model, name)) throw officeError('ItemAlreadyExists', location);
      let target: HostName['target'];
      if (typeof reference === 'string') {
        if (reference.trim() === '') throw officeError('InvalidArgument', location);
        target = nameTargetOf(model, reference);
      } else {
        const t = reference._resolve(exec);
        if (!t) throw officeError('InvalidArgument', location);
        target = { kind: 'range', sheetId: t.sheet.id, rect: t.rect };
      }
      model.names.push({ name, target, comment: comment ?? '', visible: true });
    });
    return new HostNamedItem(this.context, `${this._path}.add(${JSON.stringify(name)})`, (exec) => {
      const found = findName(exec.model, name);
      if (!found) throw officeError('ItemNotFound', 'NamedItemCollection.add');
      return found;
    });
  }
}

/** What a name's reference reads as: its value, its type, its range. */
function describeName(model: HostWorkbookModel, n: HostName): { type: string; value: unknown; formula: string } {
  if (n.target.kind === 'range') {
    const sheet = sheetById(model, n.target.sheetId);
    if (!sheet) return { type: 'Error', value: '#REF!', formula: '=#REF!' };
    const ref = qualifiedA1(sheet.name, n.target.rect, true);
    return { type: 'Range', value: ref, formula: `=${ref}` };
  }
  const f = n.target.formula;
  const body = f.replace(/^=/, '').trim();
  if (body.includes('#REF!')) return { type: 'Error', value: '#REF!', formula: f };
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) return { type: 'Double', value: Number(body), formula: f };
  if (/^(TRUE|FALSE)$/i.test(body)) return { type: 'Boolean', value: body.toUpperCase() === 'TRUE', formula: f };
  if (/^"(?:[^"]|"")*"$/.test(body)) return { type: 'String', value: body.slice(1, -1).replace(/""/g, '"'), formula: f };
  return { type: 'String', value: f, formula: f };
}

export class HostNamedItem extends HostClientObject<HostName> {
  readonly _typeName = 'NamedItem';

  constructor(
    context: HostRequestContext,
    path: string,
    private readonly locate: (exec: Execution) => HostName | null,
    nullable = false,
  ) {
    super(context, path, nullable);
  }

  protected _resolveTarget(exec: Execution): HostName | null {
    return this.locate(exec);
  }

  protected _scalarNames(): readonly string[] {
    return ['name', 'type', 'value', 'formula', 'comment', 'visible', 'scope'];
  }

  protected override _writableNames(): readonly string[] {
    return ['comment', 'visible', 'formula'];
  }

  protected _readScalar(exec: Execution, n: HostName, prop: string): unknown {
    switch (prop) {
      case 'name':
        return n.name;
      case 'comment':
        return n.comment;
      case 'visible':
        return n.visible;
      case 'scope':
        return 'Workbook';
      default:
        return describeName(exec.model, n)[prop as 'type' | 'value' | 'formula'];
    }
  }

  get name(): string {
    return this._get('name');
  }

  get type(): Excel.NamedItemType | 'String' | 'Integer' | 'Double' | 'Boolean' | 'Range' | 'Error' | 'Array' {
    return this._get('type');
  }

  get value(): any {
    return this._get('value');
  }

  get scope(): Excel.NamedItemScope | 'Worksheet' | 'Workbook' {
    return this._get('scope');
  }

  get formula(): any {
    return this._get('formula');
  }

  set formula(value: any) {
    this._setProperty('formula', value, (exec, n, location) => {
      if (exec.model.readOnly) throw officeError('AccessDenied', location);
      if (typeof value !== 'string' || value.trim() === '') throw officeError('InvalidArgument', location);
      n.target = nameTargetOf(exec.model, value);
    });
  }

  get comment(): string {
    return this._get('comment');
  }

  set comment(value: string) {
    this._setProperty('comment', value, (exec, n, location) => {
      if (exec.model.readOnly) throw officeError('AccessDenied', location);
      if (typeof value !== 'string') throw officeError('InvalidArgument', location);
      n.comment = value;
    });
  }

  get visible(): boolean {
    return this._get('visible');
  }

  set visible(value: boolean) {
    this._setProperty('visible', value, (exec, n, location) => {
      if (exec.model.readOnly) throw officeError('AccessDenied', location);
      if (typeof value !== 'boolean') throw officeError('InvalidArgument', location);
      n.visible = value;
    });
  }

  delete(): void {
    this.context._runtime.requirements.requireApi('NamedItem.delete', '1.4');
    this._method('delete', [], (exec, n, location) => {
      if (exec.model.readOnly) throw officeError('AccessDenied', location);
      exec.model.names.splice(exec.model.names.indexOf(n), 1);
    });
  }

  private rangeOf(member: string, nullable: boolean): HostRange {
    const location = `NamedItem.${member}`;
    return new HostRange(
      this.context,
      `${this._path}.${member}()`,
      (exec) => {
        const n = this._resolve(exec);
        if (n === null) return null;
        const sheet = n.target.kind === 'range' ? sheetById(exec.model, n.target.sheetId) : undefined;
        if (n.target.kind !== 'range' || !sheet) {
          if (nullable) return null;
          throw officeError('InvalidReference', location);
        }
        return { sheet, rect: n.target.rect };
      },
      nullable,
    );
  }

  /** The range a name of a range refers to now; InvalidReference for a name of a value or a broken reference. */
  getRange(): HostRange {
    return this.rangeOf('getRange', false);
  }

  getRangeOrNullObject(): HostRange {
    this.context._runtime.requirements.requireApi('NamedItem.getRangeOrNullObject', '1.4');
    return this.rangeOf('getRangeOrNullObject', true);
  }
}
