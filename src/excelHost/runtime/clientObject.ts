/**
 * The proxy-object model of office.js: a proxy stands for an Excel object found by a path (getItem("S"),
 * getRange("A1")…). Setting a property or calling a method queues a command; load() queues a read; nothing
 * reaches the workbook before context.sync(). Reading a property that was neither loaded (and synced) nor set on
 * this proxy throws PropertyNotLoaded, as office.js does.
 */
import { officeError, propertyNotLoaded, valueNotLoaded } from '../errors';
import type { Execution, HostRequestContext } from './context';
import { parseLoadOption, type LoadOption, type LoadSpec } from './loadOptions';

export type CommandAction = 'set' | 'method' | 'load' | 'instantiate' | 'trace';

export interface Command {
  readonly target: HostClientObject<unknown> | null;
  readonly action: CommandAction;
  readonly name: string;
  readonly args: readonly unknown[];
  /** Runs at sync, in queue order; a read answers what it read (applied to the proxies once the sync succeeds). */
  run(exec: Execution): CommandResult | void;
}

export interface CommandResult {
  /** What the response carries for this read (its size counts toward the response limit). */
  readonly json: unknown;
  apply(): void;
}

/** OfficeExtension.ClientResult: a method's primitive result, readable after the sync. */
export class HostClientResult<T> {
  private loaded = false;
  private result: T | undefined;

  get value(): T {
    if (!this.loaded) throw valueNotLoaded();
    return this.result as T;
  }

  _set(value: T): void {
    this.loaded = true;
    this.result = value;
  }

  toJSON(): unknown {
    return this.loaded ? { value: this.result } : {};
  }
}

export abstract class HostClientObject<T> {
  /** Excel's name for the type: errorLocation says "Range.values", "WorksheetCollection.getItem". */
  abstract readonly _typeName: string;
  /** Set after a sync that reached this object: true when it stands for nothing (an *OrNullObject miss). */
  _isNull: boolean | undefined;
  private readonly fields = new Map<string, unknown>();

  constructor(
    readonly context: HostRequestContext,
    /** How the request names this object, e.g. workbook.worksheets.getItem("S").getRange("A1"). */
    readonly _path: string,
    /** An *OrNullObject result: the sync finds out whether it exists (office.js queues that by itself). */
    readonly _nullable = false,
  ) {
    if (_nullable) context._queue({ target: this, action: 'instantiate', name: '', args: [], run: (exec) => void this._resolve(exec) });
  }

  /** Finds what this proxy stands for, now: the target, null for a null object; throws ItemNotFound and the like. */
  protected abstract _resolveTarget(exec: Execution): T | null;

  /** The scalar properties load() reads, and load() without arguments reads them all. */
  protected abstract _scalarNames(): readonly string[];

  protected abstract _readScalar(exec: Execution, target: T, name: string): unknown;

  /** Navigation properties (range.format, format.fill, worksheet.protection …). */
  protected _navigation(_name: string): HostClientObject<unknown> | undefined {
    return undefined;
  }

  /** Resolved once per sync, in the state the commands before it left the workbook. */
  _resolve(exec: Execution): T | null {
    if (exec.memo.has(this)) return exec.memo.get(this) as T | null;
    const target = this._resolveTarget(exec);
    exec.memo.set(this, target);
    return target;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded('isNullObject', this._typeName);
    return this._isNull;
  }

  /** A property value: as loaded by the last sync, or as set on this proxy since (office.js keeps both). */
  protected _get<V>(name: string): V {
    if (this._isNull === true) return undefined as V;
    if (this.fields.has(name)) return this.fields.get(name) as V;
    throw propertyNotLoaded(name, this._typeName);
  }

  protected _location(name: string): string {
    return `${this._typeName}.${name}`;
  }

  /** Queues a property set; the value is also kept locally (reading it back gives what was set). */
  protected _setProperty(name: string, value: unknown, apply: (exec: Execution, target: T, location: string) => void): void {
    this.fields.set(name, value);
    const location = this._location(name);
    this.context._queue({
      target: this,
      action: 'set',
      name,
      args: [value],
      run: (exec) => {
        const target = this._resolve(exec);
        // On a null object, commands do nothing.
        if (target !== null) apply(exec, target, location);
      },
    });
  }

  protected _method(name: string, args: readonly unknown[], apply: (exec: Execution, target: T, location: string) => void): void {
    this.context._checkSameContext(args);
    const location = this._location(name);
    this.context._queue({
      target: this,
      action: 'method',
      name,
      args,
      run: (exec) => {
        const target = this._resolve(exec);
        if (target !== null) apply(exec, target, location);
      },
    });
  }

  protected _methodResult<R>(name: string, args: readonly unknown[], compute: (exec: Execution, target: T, location: string) => R, whenNull: R): HostClientResult<R> {
    const result = new HostClientResult<R>();
    const location = this._location(name);
    this.context._queue({
      target: this,
      action: 'method',
      name,
      args,
      run: (exec) => {
        const target = this._resolve(exec);
        const value = target === null ? whenNull : compute(exec, target, location);
        return { json: value, apply: () => result._set(value) };
      },
    });
    return result;
  }

  load(option?: LoadOption): this {
    const spec = parseLoadOption(option);
    this.context._queue({ target: this, action: 'load', name: 'load', args: [spec.paths?.map((p) => p.join('/')) ?? '*'], run: (exec) => this._readPaths(exec, spec) });
    return this;
  }

  /** Reads the requested properties (following navigation paths) in the workbook as it is at this command. */
  _readPaths(exec: Execution, spec: LoadSpec): CommandResult {
    const target = this._resolve(exec);
    if (target === null) return { json: null, apply: () => (this._isNull = true) };
    const scalars = this._scalarNames();
    const own: string[] = [];
    const nav = new Map<string, string[][] | null>();
    if (spec.paths === null) own.push(...scalars);
    for (const path of spec.paths ?? []) {
      const head = path[0]!;
      const child = this._navigation(head);
      if (child) {
        if (path.length === 1) nav.set(head, null);
        else if (nav.get(head) !== null) nav.set(head, [...(nav.get(head) ?? []), path.slice(1)]);
      } else if (path.length === 1 && scalars.includes(head)) {
        if (!own.includes(head)) own.push(head);
      } else {
        throw officeError('InvalidArgument', this._location('load'), `The property '${path.join('/')}' does not exist on ${this._typeName}.`);
      }
    }
    const values: Record<string, unknown> = {};
    for (const name of own) values[name] = this._readScalar(exec, target, name);
    const children: [string, CommandResult][] = [];
    for (const [name, paths] of nav) children.push([name, this._navigation(name)!._readPaths(exec, { paths })]);
    const json: Record<string, unknown> = { ...values };
    for (const [name, r] of children) json[name] = r.json;
    return {
      json,
      apply: () => {
        this._isNull = false;
        for (const [k, v] of Object.entries(values)) this.fields.set(k, v);
        for (const [, r] of children) r.apply();
      },
    };
  }

  /** Object.set(): several properties at once, navigation properties as nested objects. */
  set(properties: object, _options?: { throwOnReadOnly?: boolean }): void {
    for (const [key, value] of Object.entries(properties as Record<string, unknown>)) {
      const child = this._navigation(key);
      if (child && value !== null && typeof value === 'object' && !Array.isArray(value)) {
        child.set(value);
        continue;
      }
      if (!this._writableNames().includes(key)) throw officeError('InvalidArgument', this._location('set'), `Cannot set the read-only property '${key}'.`);
      (this as unknown as Record<string, unknown>)[key] = value;
    }
  }

  protected _writableNames(): readonly string[] {
    return [];
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.fields);
  }

  /** office.js's object tracking: nothing to do in memory. */
  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

/** A collection proxy: `items` after a load of its items' properties ("items/name", or "name"). */
export abstract class HostCollection<T, K, Item extends HostClientObject<unknown>> extends HostClientObject<T> {
  private loadedItems: Item[] | undefined;

  /** The keys of the items as they are now (sheet ids, names, cell keys). */
  protected abstract _keys(exec: Execution, target: T): K[];

  /** A proxy bound to one item. */
  protected abstract _item(key: K): Item;

  get items(): Item[] {
    if (this._isNull === true) return undefined as unknown as Item[];
    if (!this.loadedItems) throw propertyNotLoaded('items', this._typeName);
    return this.loadedItems;
  }

  protected _scalarNames(): readonly string[] {
    return [];
  }

  protected _readScalar(): unknown {
    return undefined;
  }

  override _readPaths(exec: Execution, spec: LoadSpec): CommandResult {
    const target = this._resolve(exec);
    if (target === null) return { json: null, apply: () => (this._isNull = true) };
    let itemPaths: string[][] | null = null;
    if (spec.paths !== null) {
      const paths: string[][] = [];
      let all = false;
      for (const p of spec.paths) {
        const rest = p[0] === 'items' ? p.slice(1) : p.slice();
        if (rest.length === 0) all = true;
        else paths.push(rest);
      }
      itemPaths = all ? null : paths;
    }
    let keys = this._keys(exec, target);
    if (spec.skip !== undefined) keys = keys.slice(spec.skip);
    if (spec.top !== undefined) keys = keys.slice(0, spec.top);
    const items = keys.map((k) => this._item(k));
    const reads = items.map((item) => item._readPaths(exec, { paths: itemPaths }));
    return {
      json: { items: reads.map((r) => r.json) },
      apply: () => {
        this._isNull = false;
        this.loadedItems = items;
        for (const r of reads) r.apply();
      },
    };
  }

  getCount(): HostClientResult<number> {
    return this._methodResult('getCount', [], (exec, target) => this._keys(exec, target).length, 0);
  }

  override toJSON(): Record<string, unknown> {
    return this.loadedItems ? { items: this.loadedItems.map((i) => i.toJSON()) } : {};
  }
}
