/** Range.format and its fill and font: read across the range (null when the cells differ), written to every cell. */
import { normalizeColor } from '../colors';
import { officeError } from '../errors';
import { cellForWrite, forEachCellIn, pruneCell, type HostCell, type HostFill, type HostFont } from '../model';
import { HostClientObject } from '../runtime/clientObject';
import type { Execution, HostRequestContext } from '../runtime/context';
import { columnCount, rowCount } from '../addresses';
import { DEFAULT_FONT_COLOR, DEFAULT_FONT_NAME, DEFAULT_FONT_SIZE, NO_FILL_COLOR, type RangeTarget } from './shared';
import { displayText, currentValue, numberFormatOf } from '../cellValues';

const MAX_FORMAT_CELLS = 5_000_000;

/** One value for the whole range: the cells' common value, or null when they differ. Sparse: absent cells count as `absent`. */
export function uniform<V>(target: RangeTarget, pick: (cell: HostCell | undefined) => V): V | null {
  const { sheet, rect } = target;
  let seen = 0;
  let first: { v: V } | null = null;
  let mixed = false;
  forEachCellIn(sheet, rect, (_row, _col, cell) => {
    if (mixed) return;
    seen++;
    const v = pick(cell);
    if (!first) first = { v };
    else if (first.v !== v) mixed = true;
  });
  if (mixed) return null;
  const found = first as { v: V } | null;
  if (seen < rowCount(rect) * columnCount(rect)) {
    const v = pick(undefined);
    if (!found) return v;
    if (found.v !== v) return null;
  }
  return found ? found.v : pick(undefined);
}

/** Applies a change to every cell of the range (creating cells as needed). */
export function eachCell(exec: Execution, target: RangeTarget, location: string, change: (cell: HostCell) => void): void {
  exec.requireWritable(location, target.sheet);
  const { sheet, rect } = target;
  if (rowCount(rect) * columnCount(rect) > MAX_FORMAT_CELLS) throw officeError('RangeExceedsLimit', location);
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      change(cellForWrite(sheet, r, c));
      pruneCell(sheet, r, c);
    }
  }
}

abstract class RangePart extends HostClientObject<RangeTarget> {
  constructor(
    context: HostRequestContext,
    path: string,
    private readonly owner: HostClientObject<RangeTarget>,
  ) {
    super(context, path);
  }

  protected _resolveTarget(exec: Execution): RangeTarget | null {
    return this.owner._resolve(exec);
  }
}

export class HostRangeFill extends RangePart {
  readonly _typeName = 'RangeFill';

  protected _scalarNames(): readonly string[] {
    return ['color', 'pattern', 'patternColor', 'tintAndShade'];
  }

  protected override _writableNames(): readonly string[] {
    return this._scalarNames();
  }

  protected _readScalar(_exec: Execution, t: RangeTarget, name: string): unknown {
    switch (name) {
      case 'color':
        return uniform(t, (c) => c?.fill?.color ?? NO_FILL_COLOR);
      case 'pattern':
        return uniform(t, (c) => (c?.fill ? (c.fill.pattern ?? 'Solid') : 'None'));
      case 'patternColor':
        return uniform(t, (c) => c?.fill?.patternColor ?? null);
      default:
        return uniform(t, (c) => c?.fill?.tintAndShade ?? 0);
    }
  }

  get color(): string {
    return this._get('color');
  }

  set color(value: string) {
    this._setProperty('color', value, (exec, t, location) => {
      const color = normalizeColor(value);
      if (!color) throw officeError('InvalidArgument', location);
      eachCell(exec, t, location, (cell) => {
        cell.fill = { ...(cell.fill ?? {}), color, pattern: cell.fill?.pattern && cell.fill.pattern !== 'None' ? cell.fill.pattern : 'Solid' };
      });
    });
  }

  get pattern(): Excel.RangeFill['pattern'] {
    return this._get('pattern');
  }

  set pattern(value: Excel.RangeFill['pattern']) {
    this._setProperty('pattern', value, (exec, t, location) => {
      if (typeof value !== 'string') throw officeError('InvalidArgument', location);
      eachCell(exec, t, location, (cell) => {
        if (value === 'None') delete cell.fill;
        else cell.fill = { ...(cell.fill ?? { color: NO_FILL_COLOR }), pattern: value };
      });
    });
  }

  get patternColor(): string {
    return this._get('patternColor');
  }

  set patternColor(value: string) {
    this._setProperty('patternColor', value, (exec, t, location) => {
      const color = normalizeColor(value);
      if (!color) throw officeError('InvalidArgument', location);
      eachCell(exec, t, location, (cell) => {
        if (cell.fill) cell.fill.patternColor = color;
      });
    });
  }

  get tintAndShade(): number {
    return this._get('tintAndShade');
  }

  set tintAndShade(value: number) {
    this._setProperty('tintAndShade', value, (exec, t, location) => {
      if (typeof value !== 'number' || value < -1 || value > 1) throw officeError('InvalidArgument', location);
      eachCell(exec, t, location, (cell) => {
        if (cell.fill) cell.fill.tintAndShade = value;
      });
    });
  }

  /** Removes the fill (the cell shows no fill; its color reads '#FFFFFF'). */
  clear(): void {
    this._method('clear', [], (exec, t, location) => eachCell(exec, t, location, (cell) => delete cell.fill));
  }
}

export class HostRangeFont extends RangePart {
  readonly _typeName = 'RangeFont';

  protected _scalarNames(): readonly string[] {
    return ['bold', 'italic', 'color', 'name', 'size'];
  }

  protected override _writableNames(): readonly string[] {
    return this._scalarNames();
  }

  protected _readScalar(_exec: Execution, t: RangeTarget, name: string): unknown {
    switch (name) {
      case 'bold':
        return uniform(t, (c) => c?.font?.bold ?? false);
      case 'italic':
        return uniform(t, (c) => c?.font?.italic ?? false);
      case 'color':
        return uniform(t, (c) => c?.font?.color ?? DEFAULT_FONT_COLOR);
      case 'name':
        return uniform(t, (c) => c?.font?.name ?? DEFAULT_FONT_NAME);
      default:
        return uniform(t, (c) => c?.font?.size ?? DEFAULT_FONT_SIZE);
    }
  }

  private write(name: keyof HostFont, value: unknown, check: (v: unknown) => unknown): void {
    this._setProperty(name, value, (exec, t, location) => {
      const v = check(value);
      if (v === undefined) throw officeError('InvalidArgument', location);
      eachCell(exec, t, location, (cell) => {
        cell.font = { ...(cell.font ?? {}), [name]: v };
      });
    });
  }

  get bold(): boolean {
    return this._get('bold');
  }

  set bold(value: boolean) {
    this.write('bold', value, (v) => (typeof v === 'boolean' ? v : undefined));
  }

  get italic(): boolean {
    return this._get('italic');
  }

  set italic(value: boolean) {
    this.write('italic', value, (v) => (typeof v === 'boolean' ? v : undefined));
  }

  get color(): string {
    return this._get('color');
  }

  set color(value: string) {
    this.write('color', value, (v) => normalizeColor(v) ?? undefined);
  }

  get name(): string {
    return this._get('name');
  }

  set name(value: string) {
    this.write('name', value, (v) => (typeof v === 'string' && v !== '' ? v : undefined));
  }

  get size(): number {
    return this._get('size');
  }

  set size(value: number) {
    this.write('size', value, (v) => (typeof v === 'number' && v >= 1 && v <= 409 ? v : undefined));
  }
}

export class HostRangeFormat extends RangePart {
  readonly _typeName = 'RangeFormat';
  private fillProxy?: HostRangeFill;
  private fontProxy?: HostRangeFont;

  constructor(context: HostRequestContext, path: string, owner: HostClientObject<RangeTarget>) {
    super(context, path, owner);
  }

  get fill(): HostRangeFill {
    this.fillProxy ??= new HostRangeFill(this.context, `${this._path}.fill`, this);
    return this.fillProxy;
  }

  get font(): HostRangeFont {
    this.fontProxy ??= new HostRangeFont(this.context, `${this._path}.font`, this);
    return this.fontProxy;
  }

  protected override _navigation(name: string): HostClientObject<unknown> | undefined {
    return name === 'fill' ? this.fill : name === 'font' ? this.font : undefined;
  }

  protected _scalarNames(): readonly string[] {
    return ['columnWidth', 'wrapText', 'horizontalAlignment'];
  }

  protected override _writableNames(): readonly string[] {
    return this._scalarNames();
  }

  protected _readScalar(_exec: Execution, t: RangeTarget, name: string): unknown {
    switch (name) {
      case 'columnWidth': {
        let width: number | null = null;
        for (let c = t.rect.left; c <= t.rect.right; c++) {
          const w = t.sheet.columnWidths.get(c) ?? t.sheet.standardWidth;
          if (width === null) width = w;
          else if (width !== w) return null;
          // Whole rows span 16,384 columns: the rest share the standard width unless set.
          if (c - t.rect.left > 256 && t.sheet.columnWidths.size === 0) break;
        }
        return width;
      }
      case 'wrapText':
        return uniform(t, (c) => c?.wrapText ?? false);
      default:
        return uniform(t, (c) => c?.horizontalAlignment ?? 'General');
    }
  }

  get columnWidth(): number {
    return this._get('columnWidth');
  }

  set columnWidth(value: number) {
    this._setProperty('columnWidth', value, (exec, t, location) => {
      if (typeof value !== 'number' || !(value >= 0) || value > 1790) throw officeError('InvalidArgument', location);
      exec.requireWritable(location, t.sheet);
      for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, value);
    });
  }

  get wrapText(): boolean {
    return this._get('wrapText');
  }

  set wrapText(value: boolean) {
    this._setProperty('wrapText', value, (exec, t, location) => {
      if (typeof value !== 'boolean') throw officeError('InvalidArgument', location);
      eachCell(exec, t, location, (cell) => {
        if (value) cell.wrapText = true;
        else delete cell.wrapText;
      });
    });
  }

  get horizontalAlignment(): Excel.RangeFormat['horizontalAlignment'] {
    return this._get('horizontalAlignment');
  }

  set horizontalAlignment(value: Excel.RangeFormat['horizontalAlignment']) {
    this._setProperty('horizontalAlignment', value, (exec, t, location) => {
      const allowed = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
      if (!allowed.includes(String(value))) throw officeError('InvalidArgument', location);
      eachCell(exec, t, location, (cell) => {
        if (value === 'General') delete cell.horizontalAlignment;
        else cell.horizontalAlignment = value;
      });
    });
  }

  /** Widths that fit the text of the range's cells (about 7 pixels a character, twice for full-width ones). */
  autofitColumns(): void {
    this._method('autofitColumns', [], (exec, t, location) => {
      exec.requireWritable(location, t.sheet);
      const widest = new Map<number, number>();
      forEachCellIn(t.sheet, t.rect, (row, col, cell) => {
        const text = displayText(currentValue(exec.model, t.sheet, row, col), numberFormatOf(cell));
        const units = [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);
        widest.set(col, Math.max(widest.get(col) ?? 0, units));
      });
      for (const [col, units] of widest) if (units > 0) t.sheet.columnWidths.set(col, Math.round((units * 7 + 5) * 0.75 * 100) / 100);
    });
  }

  autofitRows(): void {
    // Row heights are not modeled: nothing changes.
    this._method('autofitRows', [], (exec, t, location) => exec.requireWritable(location, t.sheet));
  }
}

/** A fill as getCellProperties gives it. */
export function fillProperties(fill: HostFill | undefined): { color: string; pattern: string; patternColor: string | null; tintAndShade: number } {
  if (!fill) return { color: NO_FILL_COLOR, pattern: 'None', patternColor: null, tintAndShade: 0 };
  return { color: fill.color, pattern: fill.pattern ?? 'Solid', patternColor: fill.patternColor ?? null, tintAndShade: fill.tintAndShade ?? 0 };
}

export function fontProperties(font: HostFont | undefined): { bold: boolean; italic: boolean; color: string; name: string; size: number } {
  return {
    bold: font?.bold ?? false,
    italic: font?.italic ?? false,
    color: font?.color ?? DEFAULT_FONT_COLOR,
    name: font?.name ?? DEFAULT_FONT_NAME,
    size: font?.size ?? DEFAULT_FONT_SIZE,
  };
}
