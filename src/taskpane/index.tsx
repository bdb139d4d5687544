/** The task pane in Excel: office.js is loaded by taskpane.html; the connector talks to the real Excel. */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { TasseiService } from './service';
import { langOfDisplay } from './i18n';
import { ExcelConnector } from '../excel/connector';

void Office.onReady(() => {
  const lang = langOfDisplay(Office.context.displayLanguage);
  const connector = new ExcelConnector(Excel, Office.context.requirements);
  const root = document.getElementById('container');
  if (!root) return;
  if (!Office.context.requirements.isSetSupported('ExcelApi', '1.9')) {
    root.textContent = lang === 'en' ? 'This Excel cannot run Tassei (Excel API 1.9 or later is needed).' : 'この Excel では Tassei を使えません（Excel API 1.9 以降が必要です）。';
    return;
  }
  createRoot(root).render(<App service={new TasseiService(connector, lang)} lang={lang} />);
});
