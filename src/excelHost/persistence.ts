/** Saving and reopening the workbook: the model as JSON (maps and sets as arrays), and back. */
import type { Rect } from './addresses';
import type { HostCell, HostName, HostSheet, HostWorkbookModel, SheetVisibility } from './model';

const FORMAT = 'tassei-excel-host';
const VERSION = 1;

interface SavedSheet {
  id: string;
  name: string;
  visibility: SheetVisibility;
  protected: boolean;
  cells: [number, number, HostCell][];
  merges: Rect[];
  hiddenRows: number[];
  hiddenColumns: number[];
  columnWidths: [number, number][];
  standardWidth: number;
  frozenRows: number;
  frozenColumns: number;
}

interface SavedWorkbook {
  format: typeof FORMAT;
  version: typeof VERSION;
  sheets: SavedSheet[];
  names: HostName[];
  settings: [string, unknown][];
  readOnly: boolean;
  protected: boolean;
  activeSheetId: string | null;
  selection: HostWorkbookModel['selection'];
  nextSheetId: number;
}

export function saveModel(model: HostWorkbookModel): string {
  const saved: SavedWorkbook = {
    format: FORMAT,
    version: VERSION,
    sheets: model.sheets.map((s) => ({
      id: s.id,
      name: s.name,
      visibility: s.visibility,
      protected: s.protected,
      cells: [...s.cells].flatMap(([row, line]) => [...line].map(([col, cell]) => [row, col, cell] as [number, number, HostCell])),
      merges: s.merges,
      hiddenRows: [...s.hiddenRows],
      hiddenColumns: [...s.hiddenColumns],
      columnWidths: [...s.columnWidths],
      standardWidth: s.standardWidth,
      frozenRows: s.frozenRows,
      frozenColumns: s.frozenColumns,
    })),
    names: model.names,
    settings: [...model.settings],
    readOnly: model.readOnly,
    protected: model.protected,
    activeSheetId: model.activeSheetId,
    selection: model.selection,
    nextSheetId: model.nextSheetId,
  };
  return JSON.stringify(saved);
}

function fail(what: string): never {
  throw new Error(`excelHost.loadState: ${what}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseSavedModel(json: string): HostWorkbookModel {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    fail('not JSON');
  }
  if (!isObject(data) || data.format !== FORMAT) fail('not a saved workbook');
  if (data.version !== VERSION) fail(`unsupported version ${String(data.version)}`);
  if (!Array.isArray(data.sheets) || !Array.isArray(data.names) || !Array.isArray(data.settings)) fail('missing sheets, names or settings');
  const saved = data as unknown as SavedWorkbook;
  const sheets: HostSheet[] = saved.sheets.map((s, i) => {
    if (!isObject(s) || typeof s.id !== 'string' || typeof s.name !== 'string' || !Array.isArray(s.cells)) fail(`sheet ${i} is malformed`);
    const cells = new Map<number, Map<number, HostCell>>();
    for (const entry of s.cells) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'number' || typeof entry[1] !== 'number' || !isObject(entry[2])) fail(`a cell of sheet ${s.name} is malformed`);
      const [row, col, cell] = entry;
      let line = cells.get(row);
      if (!line) cells.set(row, (line = new Map()));
      line.set(col, cell);
    }
    return {
      id: s.id,
      name: s.name,
      visibility: s.visibility ?? 'Visible',
      protected: s.protected === true,
      cells,
      merges: s.merges ?? [],
      hiddenRows: new Set(s.hiddenRows ?? []),
      hiddenColumns: new Set(s.hiddenColumns ?? []),
      columnWidths: new Map(s.columnWidths ?? []),
      standardWidth: s.standardWidth ?? 48,
      frozenRows: s.frozenRows ?? 0,
      frozenColumns: s.frozenColumns ?? 0,
    };
  });
  return {
    sheets,
    names: saved.names,
    settings: new Map(saved.settings),
    readOnly: saved.readOnly === true,
    protected: saved.protected === true,
    activeSheetId: saved.activeSheetId ?? sheets[0]?.id ?? null,
    selection: saved.selection ?? null,
    nextSheetId: typeof saved.nextSheetId === 'number' ? saved.nextSheetId : sheets.length + 1,
  };
}

/** Replaces the model's content in place: proxies and the host keep pointing at the same object. */
export function replaceModel(target: HostWorkbookModel, source: HostWorkbookModel): void {
  Object.assign(target, source);
}
