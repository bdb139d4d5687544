/**
 * "Add submissions…" on the demo page in a real browser (Debian's Chromium driven by Playwright): the three samples
 * with their mappings, the same 事業計画書 again under another name and a broken file are picked at once; they are
 * read and checked in the page (ExcelJS loaded on demand) and the consolidated tabs appear in the open workbook
 * with the counts and totals an official computes by hand. The pane is checked for accessibility with axe-core.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import webpack from 'webpack';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { SAMPLES, SAMPLE_NAMES } from './helpers/samples';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../webpack.config.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let server: Server;
let base: string;
let browser: Browser;

function build(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(config({ only: 'demo', outDir }, { mode: 'development' }), (err, stats) => {
      if (err) reject(err);
      else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve();
    });
  });
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.xlsx': 'application/octet-stream', '.json': 'application/json', '.map': 'application/json' };

function serve(root: string): Promise<Server> {
  return new Promise((resolve) => {
    const s = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const file = path.join(root, decodeURIComponent(url.pathname));
      if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    });
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is needed at ${CHROMIUM}: apt-get install chromium (as .ci/run does)`);
  const out = mkdtempSync(path.join(tmpdir(), 'tassei-demo-batch-'));
  await build(out);
  server = await serve(out);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

async function open(sample: string, lang = 'ja'): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/demo.html?sample=${sample}&lang=${lang}`);
  await page.waitForSelector('[data-testid=grid]');
  return { page, errors };
}

/** The files as a user picks them: the samples and their mappings, a second copy of one, a broken download. */
function picked() {
  const files = SAMPLE_NAMES.flatMap((n) => [path.join(SAMPLES, `${n}.xlsx`), path.join(SAMPLES, `${n}.tassei.json`)]).map((f) => ({
    name: path.basename(f),
    mimeType: f.endsWith('.json') ? 'application/json' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: readFileSync(f),
  }));
  const jigyo = readFileSync(path.join(SAMPLES, 'jigyo-keikaku-r6.xlsx'));
  files.push({ name: '事業計画_再提出.xlsx', mimeType: 'application/octet-stream', buffer: jigyo });
  files.push({ name: '事業計画_再提出.tassei.json', mimeType: 'application/json', buffer: readFileSync(path.join(SAMPLES, 'jigyo-keikaku-r6.tassei.json')) });
  files.push({ name: 'broken.xlsx', mimeType: 'application/octet-stream', buffer: jigyo.subarray(0, 5000) });
  return files;
}

test('add submissions…: five files consolidated into tabs of the open workbook', async () => {
  const { page, errors } = await open('shisaku-322-r3');
  const pane = page.getByTestId('taskpane');
  const grid = page.locator('[data-testid=grid]');
  await pane.getByRole('tab', { name: '複数ファイル' }).click();
  await pane.getByTestId('submissions-input').setInputFiles(picked());
  await pane.getByText('5 ファイルを集計し、シート ファイル一覧、達成状況（全ファイル）、予算（全ファイル）、予算合計、検証結果（全ファイル） に書き出しました（読み込めなかったファイル 1 件、同じ内容のファイル 2 件）。').waitFor({ timeout: 60_000 });

  // The pane lists each file with its status and what only shows across files.
  const rows = pane.getByRole('table', { name: '集計したファイル' }).locator('tbody tr');
  await eventually(async () => expect(await rows.count()).toBe(5));
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')))).toEqual(['warnings', 'warnings', 'warnings', 'warnings', 'failed']);
  await containsText(rows.nth(2), '同じ内容のファイルがあります: 事業計画_再提出.xlsx');
  await containsText(rows.nth(4), '途中で切れている');

  // The tabs in the workbook: one row per file, and the budget totals of both copies of the 事業計画書.
  await page.getByRole('tab', { name: 'ファイル一覧', exact: true }).click();
  await containsText(grid, 'broken.xlsx');
  await containsText(grid, '読み込めません');
  await page.getByRole('tab', { name: '予算合計', exact: true }).click();
  // fy2024: 2 × 1,145,196 (both copies are kept and counted, and the sheet says so); fy2021: 施策322 and its
  // 記入例, 2 × 232,266.
  await containsText(grid, '2024年度 合計');
  await containsText(grid, '2,290,392');
  await containsText(grid, '464,532');
  await containsText(grid, '同じ内容のファイルが 2 件あり');
  await page.getByRole('tab', { name: '達成状況（全ファイル）', exact: true }).click();
  await containsText(grid, '四日市コンビナートの競争力強化・先進化に向けた取組数');
  await containsText(grid, '(1) 1次対応相談件数(親族内)');

  // The user's own sheets are still there, untouched by the consolidation.
  await page.getByRole('tab', { name: '施策322（記入例）', exact: true }).click();
  await containsText(page.locator('[data-testid=grid] td[data-address="E25"]'), '3 件');

  // Consolidating again replaces our tabs instead of adding "(2)" copies.
  await pane.getByTestId('submissions-input').setInputFiles(picked().slice(0, 2));
  await pane.getByText(/^1 ファイルを集計し、シート ファイル一覧、/).waitFor({ timeout: 60_000 });
  expect(await page.getByRole('tab', { name: /ファイル一覧/ }).count()).toBe(1);
  expect(errors).toEqual([]);
  await page.close();
}, 180_000);

test('the submissions tab has no serious accessibility violations (axe-core), in Japanese and in English', async () => {
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  for (const lang of ['ja', 'en']) {
    const { page } = await open('jigyo-keikaku-r6', lang);
    const pane = page.getByTestId('taskpane');
    await pane.getByRole('tab', { name: lang === 'ja' ? '複数ファイル' : 'Many files' }).click();
    await pane.getByTestId('submissions-input').setInputFiles(picked().slice(4, 6));
    await pane.getByRole('table').waitFor({ timeout: 60_000 });
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
      return axe.run({ include: [['[data-testid=taskpane]']], exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    });
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => (n as { target: unknown }).target))}`);
    expect(serious).toEqual([]);
    await page.close();
  }
}, 120_000);

/** Retries an assertion until it holds (the page updates after each Excel.run). */
async function eventually(check: () => Promise<void>, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      await check();
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function containsText(l: Locator, want: string): Promise<void> {
  await eventually(async () => expect(await l.textContent()).toContain(want));
}
