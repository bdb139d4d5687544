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
import { moveTable, tableExtent } from '../core/schema/mappingCells';
import type { ExcelConnector, FlagResult } from '../excel/connector';
import { AddinError } from '../excel/errors';

export type WorkbookPort = Pick<
  ExcelConnector,
  'capabilities' | 'readWorkbook' | 'readArea' | 'applyFlags' | 'clearFlags' | 'writeSummary' | 'selectCell' | 'selection' | 'saveMapping' | 'loadSavedMapping'
>;

export interface CheckOutcome {
  readonly result: CheckResult;
  readonly report: FileReport;
}

export const EMPTY_MAPPING: Mapping = { version: 1, tables: [] };

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

  async check(mapping: Mapping): Promise<CheckOutcome> {
    const read = await this.port.readWorkbook(mapping);
    const result = checkWorkbook(read.grid, mapping);
    return { result, report: fileReport('', result, this.lang) };
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
