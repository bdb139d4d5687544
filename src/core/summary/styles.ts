/**
 * The format plan: fills and fonts by status and severity, shared by the summary sheets and the flags in cells.
 * Colours are Excel's own "good / neutral / bad" cell styles, which officials already know.
 */
export interface CellStyle {
  /** Fill colour as RRGGBB, or null for none. */
  readonly fill: string | null;
  readonly fontColor: string | null;
  readonly bold: boolean;
}

export const STYLES = {
  header: { fill: 'D9E1F2', fontColor: null, bold: true },
  total: { fill: null, fontColor: null, bold: true },
  'status.met': { fill: 'C6EFCE', fontColor: '006100', bold: false },
  'status.nearly': { fill: 'FFEB9C', fontColor: '9C5700', bold: false },
  'status.gap': { fill: 'FFC7CE', fontColor: '9C0006', bold: false },
  'status.pending': { fill: 'EDEDED', fontColor: '3A3A3A', bold: false },
  'status.noTarget': { fill: null, fontColor: '595959', bold: false },
  'status.future': { fill: null, fontColor: '595959', bold: false },
  'severity.error': { fill: 'FFC7CE', fontColor: '9C0006', bold: true },
  'severity.warning': { fill: 'FFEB9C', fontColor: '9C5700', bold: false },
  'severity.info': { fill: null, fontColor: '595959', bold: false },
} as const satisfies Record<string, CellStyle>;

export type StyleKey = keyof typeof STYLES;
