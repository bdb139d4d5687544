/**
 * The demo page in a real browser (Debian's Chromium driven by Playwright): the task pane on the in-memory Excel
 * host, through map → check → flags → summary → clear flags, asserting the workbook's state as the page shows it;
 * the pane is checked for accessibility with axe-core, and a screenshot of it with flags is kept in test/artifacts/.
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import webpack from 'webpack';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../webpack.config.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(__dirname, 'artifacts');

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

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.png': 'image/png', '.xlsx': 'application/octet-stream', '.json': 'application/json', '.map': 'application/json' };

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
  const out = mkdtempSync(path.join(tmpdir(), 'tassei-demo-'));
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

async function open(sample: string, lang = 'ja'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/demo.html?sample=${sample}&lang=${lang}`);
  await page.waitForSelector('[data-testid=grid]');
  (page as unknown as { errors: string[] }).errors = errors;
  return page;
}

const cell = (page: Page, address: string) => page.locator(`[data-testid=grid] td[data-address="${address}"]`);

async function select(page: Page, sheet: string, range: string): Promise<void> {
  await page.getByRole('tab', { name: sheet, exact: true }).click();
  await page.getByTestId('name-box').fill(range);
  await page.getByTestId('name-box').press('Enter');
}

test('map → check → flags → summary → clear flags, on the 施策評価表 sample', async () => {
  const page = await open('shisaku-322-r3');
  const pane = page.getByTestId('taskpane');

  // Map: the 副指標 table of the 記入例 sheet, proposed from the selection and saved.
  await select(page, '施策322（記入例）', 'A18:G25');
  await pane.getByRole('button', { name: '選択範囲を指標表として登録' }).click();
  await pane.getByRole('button', { name: '保存', exact: true }).click();
  await pane.getByText('マッピングをブックに保存しました。').waitFor();
  await select(page, '施策322（記入例）', 'A8:G11');
  await pane.getByRole('button', { name: '選択範囲を指標表として登録' }).click();
  await pane.getByRole('button', { name: '保存', exact: true }).click();
  await pane.getByText('マッピングをブックに保存しました。').waitFor();
  await eventually(async () => expect(await pane.getByRole('table', { name: '表' }).getByRole('row').count()).toBe(3));

  // Check: the FY2021 figures of the four indicators (0.94 nearly, 1.10 met, 0.92 nearly, 0.60 gap).
  await pane.getByRole('tab', { name: 'チェック' }).click();
  await pane.getByLabel('評価年度').fill('2021');
  await pane.getByRole('button', { name: 'チェックを実行' }).click();
  await pane.locator('[data-status=met]').waitFor();
  await hasText(pane.locator('[data-status=met]'), '達成 1');
  await hasText(pane.locator('[data-status=nearly]'), '概ね達成 2');
  await hasText(pane.locator('[data-status=gap]'), '未達成 1');
  const gapRow = pane.locator('tr[data-rule="indicator.target-gap"]');
  await containsText(gapRow, '2021年度の達成率 0.60 が基準 0.85 を下回っています');

  // Clicking a finding selects its cell in the sheet.
  await gapRow.getByRole('button').click();
  await hasText(page.getByTestId('selection'), '施策322（記入例）!E25:E25');

  // Flags: fills by status and a note; the values stay as they were.
  const before = await page.locator('[data-testid=grid] td').allTextContents();
  await pane.getByRole('tab', { name: 'セル表示' }).click();
  await pane.getByRole('button', { name: 'セルに表示する' }).click();
  await pane.getByText(/セルに表示しました/).waitFor();
  await hasAttr(cell(page, 'E25'), 'data-fill', '#FFC7CE');
  await hasAttr(cell(page, 'E25'), 'data-note', /2021年度の達成率 0\.60 が基準 0\.85 を下回っています/);
  await hasAttr(cell(page, 'E21'), 'data-fill', '#C6EFCE');
  await hasAttr(cell(page, 'E11'), 'data-fill', '#FFEB9C');
  expect(await page.locator('[data-testid=grid] td').allTextContents()).toEqual(before);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'demo-flags.png') });

  // Summary: the three sheets appear, with the figures.
  await pane.getByRole('tab', { name: '集計' }).click();
  await pane.getByRole('button', { name: '集計シートを作成・更新' }).click();
  await pane.getByText('集計シートを作成しました: 達成状況、予算、検証結果').waitFor();
  await page.getByRole('tab', { name: '達成状況', exact: true }).click();
  await containsText(page.locator('[data-testid=grid]'), '技術開発や技術課題解決に向けた共同研究等に取り組んだ企業数（累計）');
  await containsText(page.locator('[data-testid=grid]'), '四日市コンビナートの競争力強化・先進化に向けた取組数');

  // Clear flags: the original look comes back.
  await pane.getByRole('tab', { name: 'セル表示' }).click();
  await pane.getByRole('button', { name: '表示を消す（元の書式に戻す）' }).click();
  await pane.getByText(/元の書式に戻しました/).waitFor();
  await page.getByRole('tab', { name: '施策322（記入例）', exact: true }).click();
  await hasAttr(cell(page, 'E25'), 'data-fill', '');
  await hasAttr(cell(page, 'E25'), 'data-note', '');
  expect((page as unknown as { errors: string[] }).errors).toEqual([]);
  await page.close();
}, 120_000);

test('the pane has no serious accessibility violations (axe-core), in Japanese and in English', async () => {
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  for (const lang of ['ja', 'en']) {
    const page = await open('jigyo-keikaku-r6', lang);
    const pane = page.getByTestId('taskpane');
    await pane.getByRole('tab', { name: lang === 'ja' ? 'チェック' : 'Check' }).click();
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
      // Fluent UI's focus manager (tabster) puts focus sentinels (<i data-tabster-dummy tabindex=0 aria-hidden>) at
      // the edges of some groups; they hand focus on at once and are not content. Everything else is checked.
      return axe.run({ include: [['[data-testid=taskpane]']], exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    });
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => (n as { target: unknown }).target))}`);
    expect(serious).toEqual([]);
    await page.close();
  }
}, 120_000);

/** Retries an assertion until it holds (the page updates after each Excel.run), as web-first assertions do. */
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

async function hasAttr(l: Locator, name: string, want: string | RegExp): Promise<void> {
  await eventually(async () => {
    const v = await l.getAttribute(name);
    if (typeof want === 'string') expect(v).toBe(want);
    else expect(v).toMatch(want);
  });
}

async function hasText(l: Locator, want: string): Promise<void> {
  await eventually(async () => expect((await l.textContent())?.trim()).toBe(want));
}

async function containsText(l: Locator, want: string): Promise<void> {
  await eventually(async () => expect(await l.textContent()).toContain(want));
}
