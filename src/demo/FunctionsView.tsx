/**
 * The demo's view of the TASSEI.* formula functions: values of the sample sheet 施策322（記入例） (the fy2021
 * indicators, the year headers, the budget lines) in a HyperFormula engine with the functions registered as a
 * plugin (hyperformulaTassei.ts, over the same src/core/functions as Excel's custom functions), shown with their
 * formulas and computed values. A formula bar changes a cell and the engine computes again, as Excel would.
 * Loaded on demand by index.tsx (?view=functions): HyperFormula and ExcelJS stay out of the demo's first load.
 */
import { useEffect, useMemo, useState, type CSSProperties, type FormEvent } from 'react';
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import { columnLetters, parseAddress, translator, type CellValue, type Lang, type SheetGrid } from '../core';
import { contentOf, HYPERFORMULA_LICENSE, registerTassei } from './hyperformulaTassei';

const SAMPLE = 'shisaku-322-r3';
const SHEET = '施策322（記入例）';
/** Rows of the four indicators (target row; the actual row is the next one) and the columns used, in the sample. */
const INDICATOR_ROWS = [10, 20, 22, 24];
const FY2021 = 'E';
const HEADER_CELLS = ['B8', 'C8', 'E8', 'F8', 'G8'];
const BUDGET_LINES = [30, 35, 40, 45, 50, 55, 60].map((r) => `A${r}`);

type Raw = string | number | boolean | null;

function rawOf(v: CellValue): Raw {
  switch (v.kind) {
    case 'number':
      return v.value;
    case 'text':
      return v.text;
    case 'boolean':
      return v.value;
    case 'empty':
      return null;
    default:
      return null;
  }
}

function at(sheet: SheetGrid, address: string): Raw {
  const ref = parseAddress(address);
  return ref ? rawOf(sheet.cell(ref.row, ref.col)) : null;
}

/** The engine's sheet: labels and sample values (always as values, never formulas), and the TASSEI formulas. */
function buildRows(sheet: SheetGrid, t: (key: string) => string): RawCellContent[][] {
  const label = (key: string) => contentOf(t(`fn.view.${key}`));
  const n = INDICATOR_ROWS.length;
  const rows: RawCellContent[][] = [
    ['name', 'target', 'actual', 'ratio', 'status', 'value', 'unit'].map((k) => label(`col.${k}`)),
    ...INDICATOR_ROWS.map((r) => [contentOf(at(sheet, `A${r}`)), contentOf(at(sheet, `${FY2021}${r}`)), contentOf(at(sheet, `${FY2021}${r + 1}`))]),
    [],
    [label('row.header'), ...HEADER_CELLS.map((a) => contentOf(at(sheet, a)))],
    [label('row.fy')],
    [],
    [label('col.line'), label('col.change')],
    ...BUDGET_LINES.map((a) => [contentOf(at(sheet, a))]),
  ];
  // One formula per column, over the whole range (rows[i] is sheet row i + 1).
  const last = 1 + n; // the indicators are rows 2 … last
  rows[1]!.push(`=TASSEI.RATIO(C2:C${last},B2:B${last})`, `=TASSEI.STATUS(C2:C${last},B2:B${last})`, `=TASSEI.VALUE(C2:C${last})`, `=TASSEI.UNIT(C2:C${last})`);
  const headers = last + 2; // the year headers; their fiscal years in the row below, the era from the first one
  rows[headers]![1] = `=TASSEI.FY(B${headers}:F${headers},B${headers})`;
  const firstLine = headers + 4; // the budget lines
  rows[firstLine - 1]![1] = `=TASSEI.CHANGE(A${firstLine}:A${firstLine + BUDGET_LINES.length - 1})`;
  return rows;
}

async function loadSheet(): Promise<SheetGrid> {
  const [{ openWorkbook }, { workbookGrid }] = await Promise.all([import('../xlsx/open'), import('../xlsx/grid')]);
  const response = await fetch(`samples/${SAMPLE}.xlsx`);
  if (!response.ok) throw new Error(`samples/${SAMPLE}.xlsx: ${response.status}`);
  const opened = await openWorkbook(await response.arrayBuffer());
  if (!opened.ok) throw new Error(`samples/${SAMPLE}.xlsx: ${opened.error.code}`);
  const sheet = workbookGrid(opened.workbook).sheet(SHEET);
  if (!sheet) throw new Error(`samples/${SAMPLE}.xlsx: no sheet ${SHEET}`);
  return sheet;
}

/** What a user types into the formula bar: a formula, a plain number, or else text as written. */
function typed(input: string): RawCellContent {
  if (input.startsWith('=')) return input;
  if (/^-?\d+(\.\d+)?$/.test(input.trim())) return Number(input);
  return contentOf(input);
}

function shown(v: unknown): string {
  if (v instanceof DetailedCellError) return v.value;
  if (v === null || v === undefined) return '';
  return String(v);
}

const styles: Record<string, CSSProperties> = {
  root: { fontFamily: '"Noto Sans CJK JP", "Yu Gothic", Meiryo, sans-serif', fontSize: 13, padding: 0 },
  header: { display: 'flex', gap: 12, padding: 6, alignItems: 'center', background: '#217346', color: 'white' },
  body: { padding: 12 },
  table: { borderCollapse: 'collapse', tableLayout: 'auto' },
  head: { background: '#f3f3f3', color: '#444', border: '1px solid #d0d0d0', padding: '0 4px' },
  cell: { border: '1px solid #e0e0e0', padding: '2px 6px', verticalAlign: 'top', maxWidth: 360, cursor: 'pointer' },
  formula: { display: 'block', fontFamily: 'monospace', fontSize: 11, color: '#555' },
};

export default function FunctionsView({ lang }: { lang: Lang }) {
  const t = useMemo(() => translator(lang), [lang]);
  const [engine, setEngine] = useState<HyperFormula | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState('C2');
  const [bar, setBar] = useState('');

  useEffect(() => {
    let alive = true;
    let built: HyperFormula | null = null;
    loadSheet().then(
      (sheet) => {
        if (!alive) return;
        registerTassei(lang);
        built = HyperFormula.buildFromSheets({ TASSEI: buildRows(sheet, t) }, { licenseKey: HYPERFORMULA_LICENSE });
        setEngine(built);
      },
      (e: unknown) => setError(String(e)),
    );
    return () => {
      alive = false;
      built?.destroy();
    };
  }, [lang, t]);

  // The formula bar shows the selected cell's formula, or its value.
  useEffect(() => {
    const ref = parseAddress(selected);
    if (!engine || !ref) return;
    const where = { sheet: 0, row: ref.row - 1, col: ref.col - 1 };
    setBar(engine.doesCellHaveFormula(where) ? (engine.getCellFormula(where) ?? '') : shown(engine.getCellValue(where)));
  }, [engine, selected, version]);

  if (error) return <p role="alert">{error}</p>;
  if (!engine) return <p role="status">{t('fn.view.loading')}</p>;

  const { height, width } = engine.getSheetDimensions(0);
  const errors: { address: string; value: string; message: string }[] = [];
  const enter = (e: FormEvent) => {
    e.preventDefault();
    const ref = parseAddress(selected);
    if (!ref) return;
    engine.setCellContents({ sheet: 0, row: ref.row - 1, col: ref.col - 1 }, typed(bar));
    setVersion((v) => v + 1);
  };

  const rows = Array.from({ length: height }, (_, r) => (
    <tr key={r}>
      <th style={styles.head} scope="row">
        {r + 1}
      </th>
      {Array.from({ length: width }, (_, c) => {
        const cellAddress = `${columnLetters(c + 1)}${r + 1}`;
        const where = { sheet: 0, row: r, col: c };
        const value = engine.getCellValue(where);
        const formula = engine.doesCellHaveFormula(where) ? engine.getCellFormula(where) : undefined;
        const message = value instanceof DetailedCellError ? (value.message ?? '') : '';
        if (value instanceof DetailedCellError) errors.push({ address: cellAddress, value: value.value, message });
        return (
          <td
            key={c}
            data-address={cellAddress}
            data-formula={formula ?? ''}
            data-value={shown(value)}
            title={message || undefined}
            onClick={() => setSelected(cellAddress)}
            style={{
              ...styles.cell,
              background: formula ? '#e8f3ec' : engine.isCellPartOfArray(where) ? '#f4faf6' : undefined,
              color: value instanceof DetailedCellError ? '#b00020' : undefined,
              outline: selected === cellAddress ? '2px solid #217346' : undefined,
              outlineOffset: -2,
            }}
          >
            {shown(value)}
            {formula ? <code style={styles.formula}>{formula}</code> : null}
          </td>
        );
      })}
    </tr>
  ));

  return (
    <div style={styles.root} lang={lang}>
      <header style={styles.header}>
        <strong>{t('fn.view.title')}</strong>
        <a style={{ color: 'white' }} href={`?sample=${SAMPLE}&lang=${lang}`}>
          {t('fn.view.back')}
        </a>
        <a style={{ color: 'white' }} href={`?view=functions&lang=${lang === 'ja' ? 'en' : 'ja'}`}>
          {lang === 'ja' ? 'English' : '日本語'}
        </a>
      </header>
      <main style={styles.body}>
        <p>
          {t('fn.view.source')} {t('fn.view.hint')}
        </p>
        <form onSubmit={enter} style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 8 }}>
          <input aria-label={t('fn.view.cell')} data-testid="functions-selected" value={selected} onChange={(e) => setSelected(e.target.value.trim().toUpperCase())} size={5} />
          <input aria-label={t('fn.view.bar')} data-testid="functions-bar" value={bar} onChange={(e) => setBar(e.target.value)} size={60} />
          <button type="submit">{t('fn.view.set')}</button>
        </form>
        <table style={styles.table} data-testid="functions-grid" data-version={version}>
          <thead>
            <tr>
              <th style={styles.head} />
              {Array.from({ length: width }, (_, c) => (
                <th key={c} style={styles.head} scope="col">
                  {columnLetters(c + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{rows}</tbody>
        </table>
        {errors.length > 0 ? (
          <section aria-label={t('fn.view.errors')}>
            <h2 style={{ fontSize: 14 }}>{t('fn.view.errors')}</h2>
            <ul data-testid="functions-errors">
              {errors.map((e) => (
                <li key={e.address} data-address={e.address}>
                  {e.address} {e.value}: {e.message}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </main>
    </div>
  );
}
