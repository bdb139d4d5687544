/**
 * Every call to Excel lives here (one connector class, as in the Office add-in templates): reading the mapped
 * tables, flagging cells and clearing the flags, writing the summary sheets, saving the mapping in the workbook.
 *
 * Rules this class keeps, whoever calls it:
 * - No value of a user's cell is ever written: only fills, notes, and the add-in's own summary sheets.
 * - The number of context.sync calls does not grow with the size of the tables: each step is a read sync and a
 *   write sync, split only when a request would exceed the 4 MB budget (Excel refuses 5 MB).
 * - Before anything is written, protection and read-only state are read, so that a refusal comes before the first
 *   write and nothing is left half-written (Excel applies a batch's commands up to the one that fails).
 * - Text from submitted sheets written into summary sheets stays text: those cells get the '@' format before their
 *   values, so "=…", "+…", "-…", "@…" never become formulas.
 */
import {
  cellLink,
  cellNumFmt,
  cellStyle,
  cellValue,
  cleanSheetName,
  parseAddress,
  uniqueSheetName,
  type CellFlag,
  type CellRange,
  type Mapping,
  type SummaryCell,
  type SummaryColumn,
  type SummaryModel,
  type ConsolidatedModel,
  type SheetGrid,
  type WorkbookGrid,
} from '../core';
import { formatRange, columnLetters } from '../core';
import { tableExtent } from '../core/schema/mappingCells';
import { snapshotSheet, snapshotWorkbook, type LoadedBlock, type LoadedSheet } from './snapshotGrid';
import { jsonBytes, packByBytes, REQUEST_BUDGET } from './payload';
import { cellKey, FLAG_STATE_KEY, readFlagState, type FlaggedCell, type FlagState, type SavedFill } from './flagState';
import { parseQualified, qualified, splitAreas } from './addresses';
import { AddinError, fromOfficeError } from './errors';

export interface ExcelApi {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface Capabilities {
  /** ExcelApi 1.18: notes on cells. Without it, flags are fills only and the findings are listed in the pane. */
  readonly notes: boolean;
  /** ExcelApi 1.13: merged areas (a merged name reads as its top-left cell). */
  readonly mergedAreas: boolean;
}

export interface WorkbookRead {
  readonly grid: WorkbookGrid;
  readonly sheets: readonly string[];
  readonly protectedSheets: readonly string[];
  readonly readOnly: boolean;
}

export interface FlagResult {
  readonly cells: number;
  readonly notes: number;
}

const SUMMARY_STATE_KEY = 'tassei.summarySheets.v1';
// The consolidated tabs of many submissions are ours too, but apart: writing them leaves the summary sheets be.
const CONSOLIDATED_STATE_KEY = 'tassei.consolidatedSheets.v1';

/** What writeSummary draws: named sheets of rows, and the styles their cells name. */
export type SummaryTabs = Pick<SummaryModel, 'styles'> & { readonly sheets: readonly Pick<SummaryModel['sheets'][number], 'name' | 'columns' | 'rows'>[] };
const MAPPING_KEY = 'tassei.mapping.v1';
const HEAD_ROWS = 12;
const HEAD_COLS = 12;
// What one loaded cell costs in a response (value, number format, value type), for the request budget.
const LOADED_CELL_BYTES = 48;
// Cells per getCellProperties / setCellProperties band of the flags (about 100 bytes a cell each way).
const FILL_BAND_CELLS = 20_000;
// Cells per getMergedAreas request: at most 512 merged areas fit (Excel's limit), each of two cells or more.
const MERGE_BAND_CELLS = 1000;

function sheetsOf(mapping: Mapping): string[] {
  return [...new Set(mapping.tables.map((t) => t.sheet))];
}

/** The ranges to read for a mapping: each table's extent, and the head of each sheet (title, era). */
export function rangesToRead(mapping: Mapping): Map<string, CellRange[]> {
  const out = new Map<string, CellRange[]>();
  for (const t of mapping.tables) {
    const ext = tableExtent(t);
    const list = out.get(t.sheet) ?? [{ top: 1, left: 1, bottom: HEAD_ROWS, right: HEAD_COLS }];
    if (ext) list.push(ext);
    out.set(t.sheet, list);
  }
  return out;
}

/** The most cells of one sheet read for detecting its tables (a used range to row 1,048,576 is not read whole). */
const MAX_SHEET_CELLS = 400_000;

/** Splits a range into row bands of at most `rows` rows (for the request budget). */
function bands(r: CellRange, rows: number): CellRange[] {
  const out: CellRange[] = [];
  for (let top = r.top; top <= r.bottom; top += rows) out.push({ ...r, top, bottom: Math.min(r.bottom, top + rows - 1) });
  return out;
}

export class ExcelConnector {
  constructor(
    private readonly excel: ExcelApi,
    private readonly requirements: { isSetSupported(name: string, version?: string): boolean },
  ) {}

  capabilities(): Capabilities {
    return {
      notes: this.requirements.isSetSupported('ExcelApi', '1.18'),
      mergedAreas: this.requirements.isSetSupported('ExcelApi', '1.13'),
    };
  }

  private async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.excel.run(batch);
    } catch (e) {
      throw e instanceof AddinError ? e : fromOfficeError(e);
    }
  }

  /** Reads what the engine needs for a mapping: sync 1 the sheets, sync 2 the cells (split only past 4 MB). */
  readWorkbook(mapping: Mapping): Promise<WorkbookRead> {
    return this.readRanges(sheetsOf(mapping), rangesToRead(mapping));
  }

  /**
   * A whole sheet (the active one unless named), for detecting its tables: sync 1 its name and used range, then
   * the cells as readWorkbook reads them. A sheet past `maxCells` is read only down to that many cells.
   */
  async readSheet(sheet: string | null, maxCells = MAX_SHEET_CELLS): Promise<{ sheet: string; read: WorkbookRead; truncated: boolean }> {
    const found = await this.run(async (ctx) => {
      const ws = sheet === null ? ctx.workbook.worksheets.getActiveWorksheet() : ctx.workbook.worksheets.getItem(sheet);
      ws.load('name');
      const used = ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
      await ctx.sync();
      return { name: ws.name, rows: used.isNullObject ? 0 : used.rowIndex + used.rowCount, cols: used.isNullObject ? 0 : used.columnIndex + used.columnCount };
    });
    // From A1: detection reads the titles and headings above and left of the tables too.
    const cols = Math.max(1, found.cols);
    const rows = Math.max(1, Math.min(found.rows, Math.floor(maxCells / cols)));
    const read = await this.readRanges([found.name], new Map([[found.name, [{ top: 1, left: 1, bottom: rows, right: cols }]]]));
    return { sheet: found.name, read, truncated: rows < found.rows };
  }

  private async readRanges(sheetNames: readonly string[], ranges: Map<string, CellRange[]>): Promise<WorkbookRead> {
    const caps = this.capabilities();
    return this.run(async (ctx) => {
      const wb = ctx.workbook;
      const sheetItems = wb.worksheets.load('items/name');
      wb.load('readOnly');
      await ctx.sync();
      const names = sheetItems.items.map((s) => s.name);
      const wanted = sheetNames.filter((s) => names.includes(s));

      const loaded = new Map<string, { blocks: LoadedBlock[]; merges: CellRange[]; hidden: Set<number>; rows: number; cols: number }>();
      const protection = new Map<string, Excel.WorksheetProtection>();
      const used = new Map<string, Excel.Range>();
      type Unit = { sheet: string; range: CellRange };
      const units: Unit[] = [];
      for (const sheet of wanted) {
        loaded.set(sheet, { blocks: [], merges: [], hidden: new Set(), rows: 0, cols: 0 });
        const maxRows = Math.max(1, Math.floor(REQUEST_BUDGET / LOADED_CELL_BYTES / 64));
        for (const r of ranges.get(sheet) ?? []) for (const b of bands(r, Math.max(1, Math.floor(maxRows * 64 / (r.right - r.left + 1))))) units.push({ sheet, range: b });
      }
      const groups = packByBytes(units, (u) => (u.range.bottom - u.range.top + 1) * (u.range.right - u.range.left + 1) * LOADED_CELL_BYTES);
      const mixedHidden: { sheet: string; range: CellRange }[] = [];
      let first = true;
      for (const group of groups.length > 0 ? groups : [[]]) {
        const pending: { unit: Unit; range: Excel.Range | null; merged: Excel.RangeAreas | null }[] = [];
        if (first) {
          for (const sheet of wanted) {
            const ws = wb.worksheets.getItem(sheet);
            protection.set(sheet, ws.protection.load('protected'));
            used.set(sheet, ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'));
          }
        }
        for (const unit of group) {
          const ws = wb.worksheets.getItem(unit.sheet);
          const range = ws.getRange(formatRange(unit.range));
          range.load('values,numberFormat,valueTypes,rowHidden');
          pending.push({ unit, range, merged: null });
          // Excel answers getMergedAreas with nothing past 512 areas: ask in bands small enough never to hold more
          // (an area covers at least two cells), all in this same sync.
          if (caps.mergedAreas) {
            for (const b of bands(unit.range, Math.max(1, Math.floor(MERGE_BAND_CELLS / (unit.range.right - unit.range.left + 1))))) {
              pending.push({ unit: { sheet: unit.sheet, range: b }, range: null, merged: ws.getRange(formatRange(b)).getMergedAreasOrNullObject().load('address') });
            }
          }
        }
        await ctx.sync();
        first = false;
        for (const p of pending) {
          const s = loaded.get(p.unit.sheet)!;
          if (p.range) {
            s.blocks.push({ top: p.unit.range.top, left: p.unit.range.left, values: p.range.values, numberFormat: p.range.numberFormat, valueTypes: p.range.valueTypes as string[][] });
            if (p.range.rowHidden === null) mixedHidden.push(p.unit);
          }
          if (p.merged && !p.merged.isNullObject) {
            for (const a of splitAreas(p.merged.address)) {
              const q = parseQualified(a);
              if (q) s.merges.push(q.range);
            }
          }
        }
      }
      // Some rows are hidden in a range: ask row by row, in one more sync (most sheets never need it).
      if (mixedHidden.length > 0) {
        const rows: { sheet: string; row: number; range: Excel.Range }[] = [];
        for (const u of mixedHidden) {
          for (let r = u.range.top; r <= u.range.bottom; r++) {
            const range = wb.worksheets.getItem(u.sheet).getRange(`${columnLetters(u.range.left)}${r}`).load('rowHidden');
            rows.push({ sheet: u.sheet, row: r, range });
          }
        }
        await ctx.sync();
        for (const r of rows) if (r.range.rowHidden) loaded.get(r.sheet)!.hidden.add(r.row);
      }
      const sheets: LoadedSheet[] = [];
      for (const sheet of wanted) {
        const s = loaded.get(sheet)!;
        const u = used.get(sheet)!;
        const rowCount = u.isNullObject ? 0 : u.rowIndex + u.rowCount;
        const columnCount = u.isNullObject ? 0 : u.columnIndex + u.columnCount;
        sheets.push({ name: sheet, blocks: s.blocks, merges: dedupe(s.merges), hiddenRows: s.hidden, rowCount, columnCount });
      }
      return {
        grid: snapshotWorkbook(sheets),
        sheets: names,
        protectedSheets: wanted.filter((s) => protection.get(s)!.protected),
        readOnly: wb.readOnly,
      };
    });
  }

  /** One area of a sheet as the engine's grid (for proposing the mapping of a selection): one sync. */
  async readArea(sheet: string, area: CellRange): Promise<SheetGrid> {
    const caps = this.capabilities();
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const range = ws.getRange(formatRange(area)).load('values,numberFormat,valueTypes');
      // In bands, as readWorkbook does: Excel answers getMergedAreas with nothing past 512 areas.
      const merged = caps.mergedAreas
        ? bands(area, Math.max(1, Math.floor(MERGE_BAND_CELLS / (area.right - area.left + 1)))).map((b) => ws.getRange(formatRange(b)).getMergedAreasOrNullObject().load('address'))
        : [];
      const used = ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
      await ctx.sync();
      const merges: CellRange[] = [];
      for (const m of merged) {
        if (m.isNullObject) continue;
        for (const a of splitAreas(m.address)) {
          const q = parseQualified(a);
          if (q) merges.push(q.range);
        }
      }
      return snapshotSheet({
        name: sheet,
        blocks: [{ top: area.top, left: area.left, values: range.values, numberFormat: range.numberFormat, valueTypes: range.valueTypes as string[][] }],
        merges: dedupe(merges),
        hiddenRows: new Set(),
        rowCount: used.isNullObject ? 0 : used.rowIndex + used.rowCount,
        columnCount: used.isNullObject ? 0 : used.columnIndex + used.columnCount,
      });
    });
  }

  /** Refuses, before any write, a workbook or sheet that cannot take it. */
  private static assertWritable(readOnly: boolean, sheets: readonly string[], protectedSheets: ReadonlySet<string>): void {
    if (readOnly) throw new AddinError('readOnly', {});
    const locked = sheets.filter((s) => protectedSheets.has(s));
    if (locked.length > 0) throw new AddinError('protected', { sheets: locked.join('、') });
  }

  /**
   * What the cells to be flagged or restored look like now, in two syncs whatever their number: sync 1 the saved
   * state, the sheets and the workbook's notes; sync 2 where those notes are, the sheets' protection, and the fills
   * of the flagged cells (getCellProperties over row bands of each sheet's flagged area).
   */
  private async currentLooks(ctx: Excel.RequestContext, cells: (state: FlagState | null, present: Set<string>) => readonly { sheet: string; cell: string }[]) {
    const caps = this.capabilities();
    const wb = ctx.workbook;
    const setting = wb.settings.getItemOrNullObject(FLAG_STATE_KEY).load('value');
    wb.load('readOnly');
    const sheetItems = wb.worksheets.load('items/name');
    const noteItems = caps.notes ? wb.notes.load('items/content') : null;
    await ctx.sync();
    const present = new Set(sheetItems.items.map((s) => s.name));
    const state = setting.isNullObject ? null : readFlagState(setting.value);
    const wanted = cells(state, present).filter((c) => present.has(c.sheet));
    const sheets = [...new Set(wanted.map((c) => c.sheet).concat((state?.cells ?? []).map((c) => c.sheet)))].filter((s) => present.has(s));

    const protection = new Map(sheets.map((s) => [s, wb.worksheets.getItem(s).protection.load('protected')] as const));
    const locations = (noteItems?.items ?? []).map((n) => ({ note: n, at: n.getLocation().load('address') }));
    const fills: { sheet: string; band: CellRange; props: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
    for (const [sheet, area] of areasOf(wanted)) {
      for (const band of bands(area, Math.max(1, Math.floor(FILL_BAND_CELLS / (area.right - area.left + 1))))) {
        fills.push({ sheet, band, props: wb.worksheets.getItem(sheet).getRange(formatRange(band)).getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true } } }) });
      }
    }
    await ctx.sync();
    ExcelConnector.assertWritable(wb.readOnly, sheets, new Set([...protection].filter(([, p]) => p.protected).map(([s]) => s)));

    const notes = new Map<string, string>();
    for (const l of locations) {
      const q = parseQualified(l.at.address);
      if (q) notes.set(cellKey(q.sheet, formatRange({ ...q.range, bottom: q.range.top, right: q.range.left })), l.note.content);
    }
    const fillAt = (sheet: string, cell: string): SavedFill | undefined => {
      const ref = parseAddress(cell)!;
      const f = fills.find((x) => x.sheet === sheet && ref.row >= x.band.top && ref.row <= x.band.bottom && ref.col >= x.band.left && ref.col <= x.band.right);
      const fill = f ? fillOf(f.props.value[ref.row - f.band.top]?.[ref.col - f.band.left]) : {};
      return fill.pattern === undefined || fill.pattern === 'None' ? undefined : fill;
    };
    return { state, present, notes, fillAt, notesOn: caps.notes };
  }

  /**
   * Flags cells: fills by status and notes with the findings. The fill and note each cell had before are saved in
   * the workbook (a setting), so that clearFlags restores them exactly; flags of an earlier check are replaced.
   * Three syncs at most (two reads, one write), split only past the request budget.
   */
  async applyFlags(plan: Iterable<CellFlag>, noteHeader: string): Promise<FlagResult> {
    // The plan is made as it is read (src/core/summary/flags.ts): read once here, where it is walked several times.
    const flags = [...plan];
    return this.run(async (ctx) => {
      const wb = ctx.workbook;
      const now = await this.currentLooks(ctx, () => flags);
      const targets = flags.filter((f) => now.present.has(f.sheet));
      // What each cell had before any flag of ours: from the saved state when we flagged it already.
      const before = new Map<string, FlaggedCell>((now.state?.cells ?? []).filter((c) => now.present.has(c.sheet)).map((c) => [cellKey(c.sheet, c.cell), c]));
      const state: FlagState = { version: 1, cells: [] };
      const writes: Write[] = [];
      let notes = 0;
      const fillsBySheet = new Map<string, { cell: string; props: Excel.SettableCellProperties }[]>();
      for (const f of targets) {
        const key = cellKey(f.sheet, f.cell);
        const noteNow = now.notes.get(key) ?? null;
        let saved = before.get(key);
        if (!saved) {
          const fill = now.fillAt(f.sheet, f.cell);
          saved = { sheet: f.sheet, cell: f.cell, ...(fill ? { fill } : {}), ...(now.notesOn ? { note: noteNow } : {}) };
        }
        before.delete(key);
        state.cells.push(saved);
        const list = fillsBySheet.get(f.sheet) ?? [];
        list.push({ cell: f.cell, props: f.fill ? { format: { fill: { color: `#${f.fill}` } } } : fillProps(saved.fill) });
        fillsBySheet.set(f.sheet, list);
        if (now.notesOn) {
          const original = saved.note ?? null;
          const ours = f.note.length > 0 ? [noteHeader, ...f.note].join('\n') : null;
          const content = ours === null ? original : original ? `${original}\n\n${ours}` : ours;
          if (content !== noteNow) writes.push(noteWrite(f.sheet, f.cell, noteNow !== null, content));
          if (ours !== null) notes++;
        }
      }
      // Cells flagged by an earlier check and not now: put them back as they were.
      for (const c of before.values()) {
        const list = fillsBySheet.get(c.sheet) ?? [];
        list.push({ cell: c.cell, props: fillProps(c.fill) });
        fillsBySheet.set(c.sheet, list);
        if (now.notesOn && c.note !== undefined) {
          const noteNow = now.notes.get(cellKey(c.sheet, c.cell)) ?? null;
          if (noteNow !== c.note) writes.push(noteWrite(c.sheet, c.cell, noteNow !== null, c.note));
        }
      }
      writes.unshift(...fillWrites(fillsBySheet));
      const stateJson = JSON.stringify(state);
      writes.push({ bytes: jsonBytes(stateJson) + 200, apply: () => (state.cells.length > 0 ? wb.settings.add(FLAG_STATE_KEY, stateJson) : now.state && wb.settings.getItem(FLAG_STATE_KEY).delete()) });
      for (const group of packByBytes(writes, (w) => w.bytes)) {
        for (const w of group) w.apply(wb);
        await ctx.sync();
      }
      return { cells: state.cells.length, notes };
    });
  }

  /** Puts back the fills and notes the flagged cells had before: two reads, then the writes (split past 4 MB). */
  async clearFlags(): Promise<FlagResult> {
    return this.run(async (ctx) => {
      const wb = ctx.workbook;
      const now = await this.currentLooks(ctx, () => []);
      if (!now.state) return { cells: 0, notes: 0 };
      const cells = now.state.cells.filter((c) => now.present.has(c.sheet));
      const writes: Write[] = [];
      const fillsBySheet = new Map<string, { cell: string; props: Excel.SettableCellProperties }[]>();
      let notes = 0;
      for (const c of cells) {
        const list = fillsBySheet.get(c.sheet) ?? [];
        list.push({ cell: c.cell, props: fillProps(c.fill) });
        fillsBySheet.set(c.sheet, list);
        if (now.notesOn && c.note !== undefined) {
          const noteNow = now.notes.get(cellKey(c.sheet, c.cell)) ?? null;
          if (noteNow !== c.note) {
            writes.push(noteWrite(c.sheet, c.cell, noteNow !== null, c.note));
            notes++;
          }
        }
      }
      writes.unshift(...fillWrites(fillsBySheet));
      writes.push({ bytes: 200, apply: () => wb.settings.getItem(FLAG_STATE_KEY).delete() });
      for (const group of packByBytes(writes, (w) => w.bytes)) {
        for (const w of group) w.apply(wb);
        await ctx.sync();
      }
      return { cells: cells.length, notes };
    });
  }

  /**
   * Writes the summary sheets: the add-in's own sheets of an earlier run are replaced; a user's sheet with the same
   * name is never touched (ours then gets "達成状況 (2)").
   */
  async writeSummary(model: SummaryTabs, stateKey = SUMMARY_STATE_KEY): Promise<string[]> {
    return this.run(async (ctx) => {
      const wb = ctx.workbook;
      const sheetItems = wb.worksheets.load('items/name');
      const setting = wb.settings.getItemOrNullObject(stateKey).load('value');
      wb.load('readOnly');
      await ctx.sync();
      if (wb.readOnly) throw new AddinError('readOnly', {});
      const ours = new Set(setting.isNullObject ? [] : parseNames(setting.value));
      const existing = sheetItems.items.map((s) => s.name);
      // Our earlier summary sheets go; their names become free again.
      for (const name of existing) if (ours.has(name)) wb.worksheets.getItem(name).delete();
      const taken = existing.filter((n) => !ours.has(n));
      const names: string[] = [];
      const writes: { sheet: string; range: string; apply: (r: Excel.Range) => void; bytes: number }[] = [];
      for (const s of model.sheets) {
        const name = uniqueSheetName(cleanSheetName(s.name), [...taken, ...names]);
        names.push(name);
        writes.push(...summaryWrites(name, s.columns, s.rows(), model));
      }
      // Adding the sheets and the first writes go in the same sync; more syncs only past the request budget.
      for (const name of names) wb.worksheets.add(name);
      wb.settings.add(stateKey, JSON.stringify(names));
      const groups = packByBytes(writes, (w) => w.bytes);
      for (const group of groups) {
        for (const w of group) w.apply(wb.worksheets.getItem(w.sheet).getRange(w.range));
        await ctx.sync();
      }
      if (groups.length === 0) await ctx.sync();
      return names;
    });
  }

  /**
   * Writes the consolidated summary of many submissions (core/consolidate) as tabs of this workbook, as
   * writeSummary writes its sheets (same syncs, text stays text, a user's sheet is never touched); the tabs of an
   * earlier consolidation are replaced. The submitted files are not in this workbook: rows say where they came
   * from in their file, sheet and cell columns, without links.
   */
  writeConsolidated(model: ConsolidatedModel): Promise<string[]> {
    const sheets = model.sheets.map((s) => ({
      name: s.name,
      columns: s.columns,
      rows: function* () {
        for (const row of s.rows()) yield row.map((c): SummaryCell => (c.style ? { value: c.value, style: c.style, ...(c.numFmt ? { numFmt: c.numFmt } : {}) } : c.numFmt ? { value: c.value, numFmt: c.numFmt } : { value: c.value }));
      },
    }));
    return this.writeSummary({ sheets, styles: model.styles }, CONSOLIDATED_STATE_KEY);
  }

  /** Selects a cell, so that clicking a finding shows it in the sheet. */
  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    });
  }

  /** The selected range, as a sheet name and an address without the sheet. */
  async selection(): Promise<{ sheet: string; range: CellRange }> {
    return this.run(async (ctx) => {
      const r = ctx.workbook.getSelectedRange().load('address');
      await ctx.sync();
      const q = parseQualified(r.address);
      if (!q) throw new AddinError('selection', { address: r.address });
      return q;
    });
  }

  /**
   * Saves the mapping in the workbook: the JSON in a setting, and each table anchored to a workbook name
   * (Tassei_T1 …) so that it follows the table when rows are inserted above it or the sheet is renamed.
   */
  async saveMapping(mapping: Mapping): Promise<void> {
    await this.run(async (ctx) => {
      const wb = ctx.workbook;
      const names = wb.names.load('items/name');
      wb.load('readOnly');
      await ctx.sync();
      if (wb.readOnly) throw new AddinError('readOnly', {});
      for (const n of names.items) if (/^Tassei_T\d+$/.test(n.name)) wb.names.getItem(n.name).delete();
      const anchors = mapping.tables.map((t, i) => {
        const ext = tableExtent(t);
        const range = ext ? formatRange(ext) : 'A1';
        const name = `Tassei_T${i + 1}`;
        wb.names.add(name, wb.worksheets.getItem(t.sheet).getRange(range));
        return { name, sheet: t.sheet, range };
      });
      wb.settings.add(MAPPING_KEY, JSON.stringify({ mapping, anchors }));
      await ctx.sync();
    });
  }

  /** The saved mapping and, per table, where its anchor name points now (null: the name is gone or broken). */
  async loadSavedMapping(): Promise<{ json: unknown; anchors: { name: string; sheet: string; range: string; now: { sheet: string; range: CellRange } | null }[] } | null> {
    return this.run(async (ctx) => {
      const wb = ctx.workbook;
      const setting = wb.settings.getItemOrNullObject(MAPPING_KEY).load('value');
      await ctx.sync();
      if (setting.isNullObject) return null;
      let saved: { mapping: unknown; anchors?: { name: string; sheet: string; range: string }[] };
      try {
        saved = JSON.parse(String(setting.value));
      } catch {
        return { json: null, anchors: [] };
      }
      const anchors = saved.anchors ?? [];
      const ranges = anchors.map((a) => wb.names.getItemOrNullObject(a.name).getRangeOrNullObject().load('address'));
      await ctx.sync();
      return {
        json: saved.mapping,
        anchors: anchors.map((a, i) => {
          const r = ranges[i]!;
          return { ...a, now: r.isNullObject ? null : parseQualified(r.address) };
        }),
      };
    });
  }
}

function dedupe(ranges: CellRange[]): CellRange[] {
  const seen = new Map<string, CellRange>();
  for (const r of ranges) seen.set(formatRange(r), r);
  return [...seen.values()];
}

function parseNames(value: unknown): string[] {
  try {
    const v = JSON.parse(String(value));
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** The fill a cell had, as Excel reports it (properties Excel leaves empty are not kept). */
function fillOf(props: Excel.CellProperties | undefined): SavedFill {
  const f = props?.format?.fill ?? {};
  const out: SavedFill = {};
  if (f.color !== undefined && f.color !== null) out.color = f.color;
  if (f.pattern !== undefined && f.pattern !== null) out.pattern = f.pattern;
  if (f.patternColor !== undefined && f.patternColor !== null) out.patternColor = f.patternColor;
  if (f.tintAndShade !== undefined && f.tintAndShade !== null) out.tintAndShade = f.tintAndShade;
  return out;
}

/** A cell's fill as cell properties to set: the saved one, or none (pattern None, as Excel reports no fill). */
function fillProps(fill: SavedFill | undefined): Excel.SettableCellProperties {
  if (!fill || fill.pattern === undefined || fill.pattern === null || fill.pattern === 'None') return { format: { fill: { pattern: Excel_None } } };
  const set: Excel.CellPropertiesFill = {};
  for (const [k, v] of Object.entries(fill)) if (v !== null && v !== undefined) (set as Record<string, unknown>)[k] = v;
  return { format: { fill: set } };
}

// The fill pattern of no fill, written as a string so that this module needs no Excel global at run time.
const Excel_None = 'None' as Excel.FillPattern.none;

type Write = { bytes: number; apply(wb: Excel.Workbook): void };

/** The smallest range of each sheet holding the given cells. */
function areasOf(cells: readonly { sheet: string; cell: string }[]): Map<string, CellRange> {
  const out = new Map<string, CellRange>();
  for (const c of cells) {
    const ref = parseAddress(c.cell);
    if (!ref) continue;
    const a = out.get(c.sheet);
    out.set(c.sheet, a ? { top: Math.min(a.top, ref.row), left: Math.min(a.left, ref.col), bottom: Math.max(a.bottom, ref.row), right: Math.max(a.right, ref.col) } : { top: ref.row, left: ref.col, bottom: ref.row, right: ref.col });
  }
  return out;
}

/** Fills as one setCellProperties per row band of each sheet's area ({} for the cells not touched). */
function fillWrites(bySheet: Map<string, { cell: string; props: Excel.SettableCellProperties }[]>): Write[] {
  const writes: Write[] = [];
  for (const [sheet, list] of bySheet) {
    const area = areasOf(list.map((x) => ({ sheet, cell: x.cell }))).get(sheet)!;
    const at = new Map(list.map((x) => [x.cell, x.props]));
    const width = area.right - area.left + 1;
    for (const band of bands(area, Math.max(1, Math.floor(FILL_BAND_CELLS / width)))) {
      const props: Excel.SettableCellProperties[][] = [];
      for (let r = band.top; r <= band.bottom; r++) {
        const row: Excel.SettableCellProperties[] = [];
        for (let c = band.left; c <= band.right; c++) row.push(at.get(`${columnLetters(c)}${r}`) ?? {});
        props.push(row);
      }
      writes.push({ bytes: jsonBytes(props) + 200, apply: (wb) => wb.worksheets.getItem(sheet).getRange(formatRange(band)).setCellProperties(props) });
    }
  }
  return writes;
}

/** Sets, adds or removes one note. */
function noteWrite(sheet: string, cell: string, exists: boolean, content: string | null): Write {
  return {
    bytes: jsonBytes(content ?? '') + 250,
    apply: (wb) => {
      const notes = wb.worksheets.getItem(sheet).notes;
      if (content === null) notes.getItem(cell).delete();
      else if (exists) notes.getItem(cell).content = content;
      else notes.add(cell, content);
    },
  };
}

/** The commands that write one summary sheet, each with its request size, in row bands. */
function summaryWrites(
  sheet: string,
  columns: readonly SummaryColumn[],
  rows: Iterable<readonly SummaryCell[]>,
  model: Pick<SummaryModel, 'styles'>,
): { sheet: string; range: string; apply: (r: Excel.Range) => void; bytes: number }[] {
  const headers = columns.map((c) => c.header);
  const widths = columns.map((c) => c.width);
  const width = headers.length;
  const last = columnLetters(width);
  const out: { sheet: string; range: string; apply: (r: Excel.Range) => void; bytes: number }[] = [];
  const header = model.styles.header;
  out.push({
    sheet,
    range: `A1:${last}1`,
    bytes: jsonBytes(headers) * 2 + 200,
    apply: (r) => {
      r.numberFormat = [headers.map(() => '@')];
      r.values = [headers.slice()];
      r.format.font.bold = true;
      if (header.fill) r.format.fill.color = `#${header.fill}`;
      widths.forEach((w, i) => {
        r.getCell(0, i).format.columnWidth = w * 7;
      });
      r.worksheet.freezePanes.freezeRows(1);
    },
  });
  const all = [...rows];
  if (all.length === 0) return out;
  const lastRow = all.length + 1;
  // Number formats by column: one value for the whole column where the column has one format (most do), so the
  // request does not carry a format per cell. Strings are text ('@'): "=1+1" from a submitted sheet stays text.
  for (let j = 0; j < width; j++) {
    const formats = all.map((row) => formatOf(row[j], columns[j]));
    const kinds = new Set(formats.filter((f) => f !== 'General'));
    const colRange = `${columnLetters(j + 1)}2:${columnLetters(j + 1)}${lastRow}`;
    if (kinds.size <= 1) {
      const only = kinds.size === 1 ? [...kinds][0]! : 'General';
      out.push({ sheet, range: colRange, bytes: 200, apply: (r) => void (r.numberFormat = only as unknown as string[][]) });
    } else {
      const column = formats.map((f) => [f]);
      out.push({ sheet, range: colRange, bytes: jsonBytes(column) + 200, apply: (r) => void (r.numberFormat = column) });
    }
  }
  // Values in bands sized to the request budget; fills, fonts and links only in the columns that have some.
  const styledColumns = Array.from({ length: width }, (_, j) => j).filter((j) => all.some((row) => cellStyle(row[j]) || cellLink(row[j])));
  const band = 1000;
  for (let start = 0; start < all.length; start += band) {
    const slice = all.slice(start, start + band);
    const top = start + 2;
    const bottom = top + slice.length - 1;
    const values = slice.map((row) => Array.from({ length: width }, (_, j) => cellValueOf(row[j])));
    out.push({ sheet, range: `A${top}:${last}${bottom}`, bytes: jsonBytes(values) + 200, apply: (r) => void (r.values = values) });
    for (const j of styledColumns) {
      const props = slice.map((row) => [propsOf(row[j], model)]);
      if (!props.some((p) => Object.keys(p[0]!).length > 0)) continue;
      const letters = columnLetters(j + 1);
      out.push({ sheet, range: `${letters}${top}:${letters}${bottom}`, bytes: jsonBytes(props) + 200, apply: (r) => r.setCellProperties(props) });
    }
  }
  return out;
}

/** A summary cell's fill, font and link as Excel cell properties ({} for a plain cell). */
function propsOf(c: SummaryCell | undefined, model: Pick<SummaryModel, 'styles'>): Excel.SettableCellProperties {
  if (!c) return {};
  const p: Excel.SettableCellProperties = {};
  const key = cellStyle(c);
  const style = key ? model.styles[key] : undefined;
  if (style && (style.fill || style.fontColor || style.bold)) {
    p.format = {};
    if (style.fill) p.format.fill = { color: `#${style.fill}` };
    if (style.fontColor || style.bold) p.format.font = { ...(style.fontColor ? { color: `#${style.fontColor}` } : {}), ...(style.bold ? { bold: true } : {}) };
  }
  const link = cellLink(c);
  const value = cellValue(c);
  if (link && value !== null && value !== '') p.hyperlink = { documentReference: qualified(link.sheet, link.cell), textToDisplay: String(value) };
  return p;
}

function cellValueOf(c: SummaryCell | undefined): string | number | boolean {
  return cellValue(c) ?? '';
}

function formatOf(c: SummaryCell | undefined, column: SummaryColumn | undefined): string {
  const value = cellValue(c);
  if (value === null) return 'General';
  if (typeof value === 'string') return '@';
  return cellNumFmt(c, column) ?? 'General';
}

