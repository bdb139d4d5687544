/** RangeAreas (ExcelApi 1.9): several rectangles of one sheet, as getMergedAreasOrNullObject answers. */
import { cellCount, qualifiedA1, type Rect } from '../addresses';
import type { HostSheet } from '../model';
import { HostClientObject, HostCollection } from '../runtime/clientObject';
import type { Execution, HostRequestContext } from '../runtime/context';
import { HostRange } from './range';

export interface AreasTarget {
  readonly sheet: HostSheet;
  readonly rects: readonly Rect[];
}

export class HostRangeAreas extends HostClientObject<AreasTarget> {
  readonly _typeName = 'RangeAreas';
  private areasProxy?: HostRangeCollection;

  constructor(
    context: HostRequestContext,
    path: string,
    private readonly locate: (exec: Execution, location: string) => AreasTarget | null,
    nullable = false,
  ) {
    super(context, path, nullable);
  }

  protected _resolveTarget(exec: Execution): AreasTarget | null {
    return this.locate(exec, this._path);
  }

  protected _scalarNames(): readonly string[] {
    return ['address', 'addressLocal', 'areaCount', 'cellCount'];
  }

  protected _readScalar(_exec: Execution, t: AreasTarget, name: string): unknown {
    switch (name) {
      case 'address':
      case 'addressLocal':
        // As documented: "Sheet1!A1:B4, Sheet1!D1:D4".
        return t.rects.map((r) => qualifiedA1(t.sheet.name, r)).join(', ');
      case 'areaCount':
        return t.rects.length;
      default:
        return t.rects.reduce((n, r) => n + cellCount(r), 0);
    }
  }

  protected override _navigation(name: string): HostClientObject<unknown> | undefined {
    return name === 'areas' ? this.areas : undefined;
  }

  get areas(): HostRangeCollection {
    this.areasProxy ??= new HostRangeCollection(this.context, `${this._path}.areas`, this);
    return this.areasProxy;
  }

  get address(): string {
    return this._get('address');
  }

  get addressLocal(): string {
    return this._get('addressLocal');
  }

  get areaCount(): number {
    return this._get('areaCount');
  }

  get cellCount(): number {
    return this._get('cellCount');
  }
}

export class HostRangeCollection extends HostCollection<AreasTarget, number, HostRange> {
  readonly _typeName = 'RangeCollection';

  constructor(
    context: HostRequestContext,
    path: string,
    private readonly owner: HostRangeAreas,
  ) {
    super(context, path);
  }

  protected _resolveTarget(exec: Execution): AreasTarget | null {
    return this.owner._resolve(exec);
  }

  protected _keys(_exec: Execution, t: AreasTarget): number[] {
    return t.rects.map((_, i) => i);
  }

  protected _item(index: number): HostRange {
    return new HostRange(this.context, `${this._path}.getItemAt(${index})`, (exec) => {
      const t = this._resolve(exec);
      const r = t?.rects[index];
      return t && r ? { sheet: t.sheet, rect: r } : null;
    });
  }

  getItemAt(index: number): HostRange {
    return this._item(index);
  }
}
