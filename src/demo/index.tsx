/**
 * The demo page: the real task pane (the same App, service and Office.js connector) running on the in-memory Excel
 * host, beside a view of the workbook, loaded from a sample .xlsx. Anyone can try the add-in in a browser, with no
 * Excel; the browser test drives this page.
 *
 * ?sample=shisaku-322-r3|monitoring-r1|jigyo-keikaku-r6 · ?lang=ja|en · ?notes=0 (an Excel without the notes API)
 * · ?view=functions (the TASSEI.* formulas computed by HyperFormula: FunctionsView.tsx)
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../taskpane/App';
import { TasseiService } from '../taskpane/service';
import { ExcelConnector, type ExcelApi } from '../excel/connector';
import { isLang, type CellRange, type Lang } from '../core';
import { GridView } from './GridView';
import type { HostWorkbookModel } from '../excelHost/model';

// ?view=functions: the TASSEI.* formulas on a formula engine (HyperFormula), loaded only when asked for.
const FunctionsView = lazy(() => import('./FunctionsView'));

const SAMPLES = ['shisaku-322-r3', 'monitoring-r1', 'jigyo-keikaku-r6'] as const;

interface Loaded {
  readonly model: HostWorkbookModel;
  readonly excel: ExcelApi;
  readonly requirements: { isSetSupported(name: string, version?: string): boolean };
}

/** Reads a sample workbook (ExcelJS, loaded only here) into a fresh in-memory host. */
async function loadSample(name: string, notes: boolean): Promise<Loaded> {
  const [{ openWorkbook }, host] = await Promise.all([import('../xlsx/open'), import('../excelHost')]);
  const response = await fetch(`samples/${name}.xlsx`);
  if (!response.ok) throw new Error(`samples/${name}.xlsx: ${response.status}`);
  const opened = await openWorkbook(await response.arrayBuffer());
  if (!opened.ok) throw new Error(`samples/${name}.xlsx: ${opened.error.code}`);
  const model = host.hostModelFromExcelJs(opened.workbook);
  const h = host.createExcelHost(model, { requirementSets: { ExcelApi: notes ? '1.18' : '1.17' } });
  return { model: h.model, excel: h.Excel as unknown as ExcelApi, requirements: h.Office.context.requirements };
}

function Demo({ sample, lang, notes }: { sample: string; lang: Lang; notes: boolean }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    loadSample(sample, notes).then(setLoaded, (e: unknown) => setError(String(e)));
  }, [sample, notes]);

  const service = useMemo(() => {
    if (!loaded) return null;
    // After every Excel.run the view redraws, as Excel would show the changes.
    const excel: ExcelApi = {
      run: async (batch) => {
        try {
          return await loaded.excel.run(batch);
        } finally {
          setVersion((v) => v + 1);
        }
      },
    };
    return new TasseiService(new ExcelConnector(excel, loaded.requirements), lang);
  }, [loaded, lang]);

  if (error) return <p role="alert">{error}</p>;
  if (!loaded || !service) return <p role="status">読み込み中… / Loading…</p>;
  const select = (sheetId: string, r: CellRange) => {
    loaded.model.activeSheetId = sheetId;
    loaded.model.selection = { sheetId, rect: { top: r.top - 1, left: r.left - 1, bottom: r.bottom - 1, right: r.right - 1 } };
    setVersion((v) => v + 1);
  };
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 380px', height: '100vh' }}>
      <section aria-label="ブック / Workbook" style={{ minWidth: 0, borderRight: '1px solid #ccc' }}>
        <header style={{ display: 'flex', gap: 12, padding: 6, alignItems: 'center', background: '#217346', color: 'white' }}>
          <strong>Tassei デモ / demo</strong>
          <label>
            サンプル / Sample{' '}
            <select aria-label="サンプル / Sample" value={sample} onChange={(e) => (window.location.search = `?sample=${e.target.value}&lang=${lang}`)}>
              {SAMPLES.map((s) => (
                <option key={s} value={s}>
                  {s}.xlsx
                </option>
              ))}
            </select>
          </label>
          <a style={{ color: 'white' }} href={`?sample=${sample}&lang=${lang === 'ja' ? 'en' : 'ja'}`}>
            {lang === 'ja' ? 'English' : '日本語'}
          </a>
          <a style={{ color: 'white' }} href={`?view=functions&lang=${lang}`} data-testid="open-functions">
            数式 / Formulas (TASSEI.*)
          </a>
        </header>
        <div style={{ height: 'calc(100% - 36px)' }}>
          <GridView
            model={loaded.model}
            version={version}
            onSelect={select}
            onActivate={(id) => {
              loaded.model.activeSheetId = id;
              setVersion((v) => v + 1);
            }}
          />
        </div>
      </section>
      <aside aria-label="作業ウィンドウ / Task pane" style={{ overflow: 'auto' }} data-testid="taskpane">
        <App service={service} lang={lang} />
      </aside>
    </div>
  );
}

const params = new URLSearchParams(window.location.search);
const sample = SAMPLES.find((s) => s === params.get('sample')) ?? SAMPLES[0];
const langParam = params.get('lang');
const lang: Lang = isLang(langParam) ? langParam : 'ja';
document.documentElement.lang = lang;
const root = document.getElementById('container');
if (root) {
  createRoot(root).render(
    params.get('view') === 'functions' ? (
      <Suspense fallback={<p role="status">読み込み中… / Loading…</p>}>
        <FunctionsView lang={lang} />
      </Suspense>
    ) : (
      <Demo sample={sample} lang={lang} notes={params.get('notes') !== '0'} />
    ),
  );
}
