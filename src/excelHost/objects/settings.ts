/** Workbook.settings (ExcelApi 1.4): key → JSON value, saved in the workbook for the add-in. */
import { officeError } from '../errors';
import { HostClientObject, HostCollection } from '../runtime/clientObject';
import type { Execution, HostRequestContext } from '../runtime/context';

type Settings = Map<string, unknown>;

/** Settings travel as JSON: what is stored is what JSON gives back (a Date becomes its ISO text). */
function jsonCopy(value: unknown, location: string): unknown {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') throw officeError('InvalidArgument', location);
  return JSON.parse(JSON.stringify(value)) as unknown;
}

export class HostSettingCollection extends HostCollection<Settings, string, HostSetting> {
  readonly _typeName = 'SettingCollection';

  constructor(context: HostRequestContext, path: string) {
    super(context, path);
  }

  protected _resolveTarget(exec: Execution): Settings {
    return exec.model.settings;
  }

  protected _keys(_exec: Execution, settings: Settings): string[] {
    return [...settings.keys()];
  }

  protected _item(key: string): HostSetting {
    return this.getItem(key);
  }

  getItem(key: string): HostSetting {
    return new HostSetting(this.context, `${this._path}.getItem(${JSON.stringify(key)})`, key, (exec) => {
      if (!exec.model.settings.has(key)) throw officeError('ItemNotFound', 'SettingCollection.getItem');
      return key;
    });
  }

  getItemOrNullObject(key: string): HostSetting {
    return new HostSetting(this.context, `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`, key, (exec) => (exec.model.settings.has(key) ? key : null), true);
  }

  /** Sets a setting (replacing one with the same key). */
  add(key: string, value: string | number | boolean | Date | any[] | any): HostSetting {
    this._method('add', [key, value], (exec, settings, location) => {
      if (exec.model.readOnly) throw officeError('AccessDenied', location);
      if (typeof key !== 'string' || key.length === 0 || key.length > 255) throw officeError('InvalidArgument', location);
      settings.set(key, jsonCopy(value, location));
    });
    return this.getItem(key);
  }
}

export class HostSetting extends HostClientObject<string> {
  readonly _typeName = 'Setting';

  constructor(
    context: HostRequestContext,
    path: string,
    readonly _key: string,
    private readonly locate: (exec: Execution) => string | null,
    nullable = false,
  ) {
    super(context, path, nullable);
  }

  protected _resolveTarget(exec: Execution): string | null {
    return this.locate(exec);
  }

  protected _scalarNames(): readonly string[] {
    return ['key', 'value'];
  }

  protected override _writableNames(): readonly string[] {
    return ['value'];
  }

  protected _readScalar(exec: Execution, key: string, name: string): unknown {
    return name === 'key' ? key : exec.model.settings.get(key);
  }

  get key(): string {
    return this._get('key');
  }

  get value(): any {
    return this._get('value');
  }

  set value(value: any) {
    this._setProperty('value', value, (exec, key, location) => {
      if (exec.model.readOnly) throw officeError('AccessDenied', location);
      exec.model.settings.set(key, jsonCopy(value, location));
    });
  }

  delete(): void {
    this._method('delete', [], (exec, key, location) => {
      if (exec.model.readOnly) throw officeError('AccessDenied', location);
      exec.model.settings.delete(key);
    });
  }
}
