/**
 * What the task pane does, without React and without Excel: it drives the engine (src/core) and the workbook port
 * (the Office.js connector, or the same connector on the in-memory host of the demo). Components call this.
 */
import {
  checkWorkbook,
  fileReport,
  flagPlan,
  parseMapping,
  parseMappingText,
  summaryModel,
  translator,
  type CellRange,
  type CheckResult,
  type FileReport,
  type Lang,
  type Mapping,
  type MappingParse,
  type TableMapping,
  formatRange,
} from '../core';
import { proposeBudgetTable, proposeIndicatorTable, type Proposal } from '../core/propose';
import { DEFAULT_THRESHOLD, describeGrade, describeNote, detectSheet, detectWorkbook } from '../core/detect';
import { moveTable, tableExtent } from '../core/schema/mappingCells';
import { consolidate, errorFileReport, failedFileReport, type ConsolidatedModel, type Submission } from '../core';
import type { ExcelConnector, FlagResult } from '../excel/connector';
import { AddinError } from '../excel/errors';

export type WorkbookPort = Pick<
  ExcelConnector,
  'capabilities' | 'readWorkbook' | 'readArea' | 'readSheet' | 'applyFlags' | 'clearFlags' | 'writeSummary' | 'selectCell' | 'selection' | 'saveMapping' | 'loadSavedMapping' | 'writeConsolidated'
>;

export interface CheckOutcome {
  readonly result: CheckResult;
  readonly report: FileReport;
}

export const EMPTY_MAPPING: Mapping = { version: 1, tables: [] };

/** A submitted file picked in the pane: its name and bytes (a browser gives no path). */
export interface PickedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface Consolidation {
  readonly model: ConsolidatedModel;
  /** The tabs written in the open workbook. */
  readonly sheets: string[];
}

/** A table detection proposes, in words for the pane. */
export interface TableProposal {
  readonly table: TableMapping;
  readonly sheet: string;
  readonly range: string;
  /** 0–100. */
  readonly confidence: number;
  /** Sure enough to be applied by "accept all" (at or above the threshold, nothing to confirm). */
  readonly sure: boolean;
  /** false when a part must be filled in before use (a year no header names): only "correct" is offered then. */
  readonly complete: boolean;
  readonly reasons: string[];
  readonly unsure: string[];
  /** The mapping already has a table of this kind at this place. */
  readonly mapped: boolean;
}

export interface SheetProposals {
  readonly sheet: string;
  readonly proposals: TableProposal[];
  /** 進展度 grades and data seen but not mappable, in words. */
  readonly notes: string[];
  /** Only the first rows of a very large sheet were read. */
  readonly truncated: boolean;
}

export class TasseiService {
  constructor(
    private readonly port: WorkbookPort,
    readonly lang: Lang,
  ) {}

  capabilities() {
    return this.port.capabilities();
  }

  /** The mapping saved in the workbook, each table moved to where its anchor name points now. */
  async loadMapping(): Promise<{ mapping: Mapping; notices: string[] }> {
    const t = translator(this.lang);
    const saved = await this.port.loadSavedMapping();
    if (!saved) return { mapping: EMPTY_MAPPING, notices: [] };
    const parsed = parseMapping(saved.json);
    if (!parsed.ok) return { mapping: EMPTY_MAPPING, notices: [t('ui.tables.importInvalid', { issues: parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ') })] };
    const notices: string[] = [];
    const tables: TableMapping[] = [];
    parsed.mapping.tables.forEach((table, i) => {
      const anchor = saved.anchors[i];
      const ext = tableExtent(table);
      if (!anchor || !ext) {
        tables.push(table);
        return;
      }
      if (!anchor.now) {
        notices.push(t('ui.tables.anchorLost', { sheet: table.sheet, range: anchor.range }));
        return;
      }
      const dRows = anchor.now.range.top - ext.top;
      const dCols = anchor.now.range.left - ext.left;
      const moved = { ...moveTable(table, dRows, dCols), sheet: anchor.now.sheet };
      if (dRows !== 0 || dCols !== 0 || anchor.now.sheet !== table.sheet) {
        notices.push(t('ui.tables.moved', { sheet: anchor.now.sheet, from: `${table.sheet}!${anchor.range}`, to: `${anchor.now.sheet}!${formatRange(anchor.now.range)}` }));
      }
      tables.push(moved);
    });
    return { mapping: { ...parsed.mapping, tables }, notices };
  }

  saveMapping(mapping: Mapping): Promise<void> {
    return this.port.saveMapping(mapping);
  }

  /** A first mapping for the selected range, read with the rows just above it (titles, year headers). */
  async proposeFromSelection(kind: TableMapping['kind']): Promise<Proposal<TableMapping>> {
    const sel = await this.port.selection();
    const area: CellRange = { ...sel.range, top: Math.max(1, sel.range.top - 6), left: 1 };
    const sheet = await this.port.readArea(sel.sheet, area);
    return kind === 'indicator' ? proposeIndicatorTable(sheet, sel.range) : proposeBudgetTable(sheet, sel.range);
  }

  /** The tables detection finds on the active sheet, for the user to accept or correct; nothing is applied here. */
  async detectTables(mapping: Mapping): Promise<SheetProposals> {
    const t = translator(this.lang);
    const { sheet, read, truncated } = await this.port.readSheet(null);
    const grid = read.grid.sheet(sheet);
    if (!grid) throw new AddinError('sheetMissing', { sheet });
    const found = detectSheet(grid);
    const proposals = found.tables.map((d): TableProposal => {
      const table: TableMapping = { ...d.mapping, range: d.mapping.range ?? d.range };
      return {
        table,
        sheet: d.sheet,
        range: d.range,
        confidence: Math.round(d.confidence * 100),
        sure: d.confidence >= DEFAULT_THRESHOLD && d.unsure.length === 0,
        complete: !d.unsure.some((n) => n.code === 'fy'),
        reasons: d.reasons.map((n) => describeNote(n, this.lang, 'reason')),
        unsure: d.unsure.map((n) => describeNote(n, this.lang, 'unsure')),
        mapped: mapping.tables.some((m) => m.sheet === d.sheet && m.kind === d.kind && sameRange(m, table)),
      };
    });
    const notes = [
      ...found.grades.map((g) => describeGrade(g, this.lang)),
      ...found.unmapped.map((u) => t(`detect.unmapped.${u.code}`, { cell: `${u.sheet}!${u.cell}` })),
    ];
    return { sheet, proposals, notes, truncated };
  }

  async check(mapping: Mapping): Promise<CheckOutcome> {
    const read = await this.port.readWorkbook(mapping);
    const result = checkWorkbook(read.grid, mapping);
    return { result, report: fileReport('', result, this.lang) };
  }

  /**
   * Many submissions at once: each picked .xlsx is read here (ExcelJS, loaded only now), checked with its own
   * mapping (a <name>.tassei.json picked with it), else the open workbook's, else the tables detected in it; the
   * consolidated summary is written as tabs of the open workbook. A file that cannot be read is listed with its
   * reason; the others go on.
   */
  async consolidate(files: readonly PickedFile[], mapping: Mapping): Promise<Consolidation> {
    const t = translator(this.lang);
    const [{ openWorkbook }, { workbookGrid }] = await Promise.all([import('../xlsx/open'), import('../xlsx/grid')]);
    const SIDECAR = /\.tassei\.json$/i;
    const sidecars = new Map(files.filter((f) => SIDECAR.test(f.name)).map((f) => [f.name.replace(SIDECAR, '').toLowerCase(), f]));
    const subs: Submission[] = [];
    for (const f of files) {
      if (SIDECAR.test(f.name)) continue;
      const hash = await sha256(f.bytes);
      const own = sidecars.get(f.name.replace(/\.xlsx$/i, '').toLowerCase());
      let m = mapping;
      if (own) {
        const parsed = parseMappingText(new TextDecoder().decode(own.bytes));
        if (!parsed.ok) {
          const issues = parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
          subs.push({ report: errorFileReport(f.name, 'mapping-invalid', `${t('cli.mappingInvalid', { file: own.name })} ${issues}`), hash });
          continue;
        }
        m = parsed.mapping;
      }
      const opened = await openWorkbook(f.bytes);
      if (!opened.ok) {
        subs.push({ report: failedFileReport(f.name, opened.error, this.lang), hash });
        continue;
      }
      const grid = workbookGrid(opened.workbook);
      // Neither its own mapping nor one in the open workbook: its tables are detected, as `tassei check` does.
      if (m.tables.length === 0) m = detectWorkbook(grid);
      if (m.tables.length === 0) subs.push({ report: errorFileReport(f.name, 'no-mapping', t('batch.ui.noMapping', { file: f.name })), hash });
      else subs.push({ report: fileReport(f.name, checkWorkbook(grid, m), this.lang), hash });
    }
    const model = consolidate(subs, this.lang);
    return { model, sheets: await this.port.writeConsolidated(model) };
  }

  flag(outcome: CheckOutcome): Promise<FlagResult> {
    const t = translator(this.lang);
    return this.port.applyFlags(flagPlan(outcome.result, outcome.report.findings, this.lang), t('note.header'));
  }

  clearFlags(): Promise<FlagResult> {
    return this.port.clearFlags();
  }

  writeSummary(outcome: CheckOutcome): Promise<string[]> {
    return this.port.writeSummary(summaryModel(outcome.result, outcome.report.findings, this.lang));
  }

  goTo(sheet: string, cell: string): Promise<void> {
    return this.port.selectCell(sheet, cell);
  }

  exportMapping(mapping: Mapping): string {
    return `${JSON.stringify(mapping, null, 2)}\n`;
  }

  importMapping(text: string): MappingParse {
    return parseMappingText(text);
  }

  /** A message for any error of a step, in the pane's language. */
  describe(e: unknown): string {
    const t = translator(this.lang);
    if (e instanceof AddinError) return t(`ui.error.${e.key}`, e.params);
    return t('ui.error.unknown', { message: e instanceof Error ? e.message : String(e) });
  }
}

/** SHA-256 of a file's bytes (hex), to tell the same submission sent twice; null where the browser has no SubtleCrypto. */
async function sha256(bytes: Uint8Array): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Whether two tables cover the same cells (by their stated range, or the cells they map). */
function sameRange(a: TableMapping, b: TableMapping): boolean {
  const ra = rangeOf(a);
  return ra !== null && ra === rangeOf(b);
}

function rangeOf(t: TableMapping): string | null {
  if (t.range) return t.range;
  const ext = tableExtent(t);
  return ext ? formatRange(ext) : null;
}
