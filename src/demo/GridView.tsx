/**
 * A plain view of the in-memory workbook: sheet tabs, a name box to select a range by address, and the cells with
 * their fills and notes, so that what the add-in does to a workbook can be seen and tested without Excel.
 * Cell text is rendered as text (React escapes it), never as markup.
 */
import { useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { HostSheet, HostWorkbookModel } from '../excelHost/model';
import { displayText } from '../excelHost/cellValues';
import { columnLetters, parseRange, type CellRange } from '../core';

const MAX_ROWS = 400;
const MAX_COLS = 26;

export interface GridViewProps {
  readonly model: HostWorkbookModel;
  /** Bumped after every sync, so that the view shows the workbook as it is now. */
  readonly version: number;
  onSelect(sheetId: string, range: CellRange): void;
  onActivate(sheetId: string): void;
}

function usedSize(sheet: HostSheet): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const [r, line] of sheet.cells) {
    for (const c of line.keys()) {
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
  }
  for (const m of sheet.merges) {
    rows = Math.max(rows, m.bottom + 1);
    cols = Math.max(cols, m.right + 1);
  }
  return { rows: Math.min(rows + 2, MAX_ROWS), cols: Math.min(Math.max(cols + 1, 6), MAX_COLS) };
}

const styles: Record<string, CSSProperties> = {
  root: { display: 'flex', flexDirection: 'column', height: '100%', fontFamily: '"Noto Sans CJK JP", "Yu Gothic", Meiryo, sans-serif', fontSize: 12 },
  bar: { display: 'flex', gap: 8, alignItems: 'center', padding: 4, borderBottom: '1px solid #ccc' },
  scroller: { overflow: 'auto', flex: 1 },
  table: { borderCollapse: 'collapse', tableLayout: 'fixed' },
  head: { background: '#f3f3f3', color: '#444', border: '1px solid #d0d0d0', padding: '0 4px', position: 'sticky', top: 0, zIndex: 1 },
  rowHead: { background: '#f3f3f3', color: '#444', border: '1px solid #d0d0d0', padding: '0 4px', textAlign: 'right' },
  cell: { border: '1px solid #e0e0e0', padding: '1px 4px', maxWidth: 320, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'pre-wrap', verticalAlign: 'top', position: 'relative' },
  tabs: { display: 'flex', gap: 2, borderTop: '1px solid #ccc', padding: 2, flexWrap: 'wrap' },
};

export function GridView({ model, version, onSelect, onActivate }: GridViewProps) {
  const sheet = model.sheets.find((s) => s.id === model.activeSheetId) ?? model.sheets[0];
  const [box, setBox] = useState('');
  if (!sheet) return <div style={styles.root} />;
  const { rows, cols } = usedSize(sheet);
  const sel = model.selection && model.selection.sheetId === sheet.id ? model.selection.rect : null;
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of sheet.merges) {
    spans.set(`${m.top},${m.left}`, { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  const selectAddress = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    const r = parseRange(box.trim());
    if (r) onSelect(sheet.id, r);
  };

  return (
    <div style={styles.root} data-version={version}>
      <div style={styles.bar}>
        <label>
          範囲 / Range{' '}
          <input aria-label="名前ボックス / Name box" data-testid="name-box" value={box} onChange={(e) => setBox(e.target.value)} onKeyDown={selectAddress} placeholder="A8:G11" size={12} />
        </label>
        <span data-testid="selection">{sel ? `${sheet.name}!${columnLetters(sel.left + 1)}${sel.top + 1}:${columnLetters(sel.right + 1)}${sel.bottom + 1}` : ''}</span>
      </div>
      <div style={styles.scroller}>
        <table style={styles.table} data-testid="grid" data-sheet={sheet.name}>
          <thead>
            <tr>
              <th style={styles.head} />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} style={{ ...styles.head, width: Math.round((sheet.columnWidths.get(c) ?? sheet.standardWidth) * 1.6) }} scope="col">
                  {columnLetters(c + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) =>
              sheet.hiddenRows.has(r) ? null : (
                <tr key={r}>
                  <th style={styles.rowHead} scope="row">
                    {r + 1}
                  </th>
                  {Array.from({ length: cols }, (_, c) => {
                    if (covered.has(`${r},${c}`)) return null;
                    const cell = sheet.cells.get(r)?.get(c);
                    const span = spans.get(`${r},${c}`);
                    const address = `${columnLetters(c + 1)}${r + 1}`;
                    const inSel = sel && r >= sel.top && r <= sel.bottom && c >= sel.left && c <= sel.right;
                    const text = cell?.formula && cell.value === undefined ? cell.formula : displayText(cell?.value, cell?.numberFormat ?? 'General');
                    return (
                      <td
                        key={c}
                        rowSpan={span?.rowSpan}
                        colSpan={span?.colSpan}
                        data-address={address}
                        data-fill={cell?.fill?.color ?? ''}
                        data-note={cell?.note ?? ''}
                        title={cell?.note ?? undefined}
                        onClick={(e) => {
                          if (e.shiftKey && sel) onSelect(sheet.id, { top: Math.min(sel.top, r) + 1, left: Math.min(sel.left, c) + 1, bottom: Math.max(sel.bottom, r) + 1, right: Math.max(sel.right, c) + 1 });
                          else onSelect(sheet.id, { top: r + 1, left: c + 1, bottom: r + 1 + (span ? span.rowSpan - 1 : 0), right: c + 1 + (span ? span.colSpan - 1 : 0) });
                        }}
                        style={{
                          ...styles.cell,
                          background: cell?.fill && cell.fill.pattern !== 'None' ? cell.fill.color : undefined,
                          fontWeight: cell?.font?.bold ? 'bold' : undefined,
                          color: cell?.font?.color,
                          outline: inSel ? '2px solid #217346' : undefined,
                          outlineOffset: -2,
                        }}
                      >
                        {text}
                        {cell?.note ? <span aria-hidden="true" style={{ position: 'absolute', top: 0, right: 0, borderTop: '6px solid #c00', borderLeft: '6px solid transparent' }} /> : null}
                      </td>
                    );
                  })}
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      <div style={styles.tabs} role="tablist" aria-label="シート / Sheets">
        {model.sheets.map((s) => (
          <button key={s.id} role="tab" aria-selected={s.id === sheet.id} onClick={() => onActivate(s.id)} style={{ fontWeight: s.id === sheet.id ? 'bold' : undefined }}>
            {s.name}
          </button>
        ))}
      </div>
    </div>
  );
}
