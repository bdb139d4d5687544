/**
 * Notes (ExcelApi 1.18): Workbook.notes and Worksheet.notes. A note belongs to one cell; adding one to a range of
 * several cells fails with InvalidArgument, as documented. Notes move with their cells on insert/delete.
 */
import { parseQualified, type Rect } from '../addresses';
import { officeError } from '../errors';
import { cellForWrite, getCell, pruneCell, sheetByName, type HostSheet } from '../model';
import { HostClientObject, HostCollection } from '../runtime/clientObject';
import type { Execution, HostRequestContext } from '../runtime/context';
import { HostRange } from './range';
import { activeSheet } from './shared';

export interface NoteTarget {
  readonly sheet: HostSheet;
  readonly row: number;
  readonly col: number;
}

/** A sheet-level collection knows its sheet; the workbook's has none (addresses then name their sheet). */
type Scope = ((exec: Execution) => HostSheet | null) | null;

export class HostNoteCollection extends HostCollection<HostSheet[], string, HostNote> {
  readonly _typeName = 'NoteCollection';

  constructor(
    context: HostRequestContext,
    path: string,
    private readonly scope: Scope,
  ) {
    super(context, path);
  }

  protected _resolveTarget(exec: Execution): HostSheet[] | null {
    if (!this.scope) return exec.model.sheets;
    const sheet = this.scope(exec);
    return sheet ? [sheet] : null;
  }

  protected _keys(_exec: Execution, sheets: HostSheet[]): string[] {
    const keys: string[] = [];
    for (const sheet of sheets) {
      const rows = [...sheet.cells.keys()].sort((a, b) => a - b);
      for (const row of rows) {
        const line = sheet.cells.get(row)!;
        for (const col of [...line.keys()].sort((a, b) => a - b)) if (line.get(col)!.note !== undefined) keys.push(`${sheet.id}:${row}:${col}`);
      }
    }
    return keys;
  }

  protected _item(key: string): HostNote {
    const [sheetId, row, col] = key.split(':');
    return new HostNote(this.context, `${this._path}.getItem(${JSON.stringify(key)})`, (exec) => {
      const sheet = exec.model.sheets.find((s) => s.id === sheetId);
      const r = Number(row);
      const c = Number(col);
      if (!sheet || getCell(sheet, r, c)?.note === undefined) throw officeError('ItemNotFound', 'NoteCollection.getItem');
      return { sheet, row: r, col: c };
    });
  }

  /** The cell an address names in this collection: "A1" on a sheet's collection, "Sheet1!A1" on the workbook's. */
  private cellOf(exec: Execution, address: HostRange | string, location: string): { sheet: HostSheet; rect: Rect } {
    if (typeof address !== 'string') {
      const t = address._resolve(exec);
      if (!t) throw officeError('InvalidArgument', location);
      return t;
    }
    const own = this.scope ? this.scope(exec) : null;
    const q = parseQualified(address);
    if (!q) throw officeError('InvalidArgument', location);
    const sheet = q.sheet !== undefined ? sheetByName(exec.model, q.sheet) : (own ?? activeSheet(exec.model));
    if (!sheet) throw officeError('ItemNotFound', location);
    if (own && sheet !== own) throw officeError('InvalidArgument', location);
    return { sheet, rect: q.rect };
  }

  private find(member: string, key: string, nullable: boolean): HostNote {
    const location = `NoteCollection.${member}`;
    return new HostNote(
      this.context,
      `${this._path}.${member}(${JSON.stringify(key)})`,
      (exec) => {
        if (this._resolve(exec) === null) return null;
        const { sheet, rect } = this.cellOf(exec, key, location);
        if (rect.top !== rect.bottom || rect.left !== rect.right) throw officeError('InvalidArgument', location);
        if (getCell(sheet, rect.top, rect.left)?.note === undefined) {
          if (nullable) return null;
          throw officeError('ItemNotFound', location);
        }
        return { sheet, row: rect.top, col: rect.left };
      },
      nullable,
    );
  }

  getItem(key: string): HostNote {
    return this.find('getItem', key, false);
  }

  getItemOrNullObject(key: string): HostNote {
    return this.find('getItemOrNullObject', key, true);
  }

  getItemAt(index: number): HostNote {
    return new HostNote(this.context, `${this._path}.getItemAt(${index})`, (exec) => {
      const sheets = this._resolve(exec);
      const key = sheets ? this._keys(exec, sheets)[index] : undefined;
      if (!key) throw officeError('ItemNotFound', 'NoteCollection.getItemAt');
      return this._item(key)._resolve(exec);
    });
  }

  /** Adds a note to one cell (a Range or an address); InvalidArgument for several cells. */
  add(cellAddress: HostRange | string, content: any): HostNote {
    let added: NoteTarget | undefined;
    this.context._checkSameContext([cellAddress]);
    const arg = typeof cellAddress === 'string' ? cellAddress : { _ObjectPath: cellAddress._path };
    this._method('add', [arg, content], (exec, _sheets, location) => {
      const { sheet, rect } = this.cellOf(exec, cellAddress, location);
      if (rect.top !== rect.bottom || rect.left !== rect.right) throw officeError('InvalidArgument', location);
      if (typeof content !== 'string') throw officeError('InvalidArgument', location);
      exec.requireWritable(location, sheet);
      const cell = cellForWrite(sheet, rect.top, rect.left);
      if (cell.note !== undefined) throw officeError('ItemAlreadyExists', location);
      cell.note = content;
      added = { sheet, row: rect.top, col: rect.left };
    });
    return new HostNote(this.context, `${this._path}.add(...)`, () => {
      if (!added) throw officeError('ItemNotFound', 'NoteCollection.add');
      return added;
    });
  }
}

export class HostNote extends HostClientObject<NoteTarget> {
  readonly _typeName = 'Note';

  constructor(
    context: HostRequestContext,
    path: string,
    private readonly locate: (exec: Execution) => NoteTarget | null,
    nullable = false,
  ) {
    super(context, path, nullable);
  }

  protected _resolveTarget(exec: Execution): NoteTarget | null {
    return this.locate(exec);
  }

  protected _scalarNames(): readonly string[] {
    return ['authorName', 'content', 'height', 'visible', 'width'];
  }

  protected override _writableNames(): readonly string[] {
    return ['content'];
  }

  protected _readScalar(_exec: Execution, t: NoteTarget, name: string): unknown {
    switch (name) {
      case 'content':
        return getCell(t.sheet, t.row, t.col)?.note ?? '';
      case 'authorName':
        return '';
      case 'visible':
        return false;
      // Excel's default note box, in points.
      case 'height':
        return 59.25;
      default:
        return 108;
    }
  }

  get authorName(): string {
    return this._get('authorName');
  }

  get content(): string {
    return this._get('content');
  }

  set content(value: string) {
    this._setProperty('content', value, (exec, t, location) => {
      if (typeof value !== 'string') throw officeError('InvalidArgument', location);
      exec.requireWritable(location, t.sheet);
      const cell = getCell(t.sheet, t.row, t.col);
      if (!cell || cell.note === undefined) throw officeError('ItemNotFound', location);
      cell.note = value;
    });
  }

  get height(): number {
    return this._get('height');
  }

  get width(): number {
    return this._get('width');
  }

  get visible(): boolean {
    return this._get('visible');
  }

  delete(): void {
    this._method('delete', [], (exec, t, location) => {
      exec.requireWritable(location, t.sheet);
      const cell = getCell(t.sheet, t.row, t.col);
      if (cell) {
        delete cell.note;
        pruneCell(t.sheet, t.row, t.col);
      }
    });
  }

  /** The note's cell. */
  getLocation(): HostRange {
    return new HostRange(this.context, `${this._path}.getLocation()`, (exec) => {
      const t = this._resolve(exec);
      return t ? { sheet: t.sheet, rect: { top: t.row, left: t.col, bottom: t.row, right: t.col } } : null;
    });
  }
}

