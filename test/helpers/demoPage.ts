/**
 * The demo page for browser tests: built with webpack into a temporary folder, served on a free local port, opened
 * in Debian's Chromium driven by Playwright (no browser download: the system's Chromium).
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import webpack from 'webpack';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../webpack.config.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.png': 'image/png', '.xlsx': 'application/octet-stream', '.json': 'application/json', '.map': 'application/json' };

function build(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(config({ only: 'demo', outDir }, { mode: 'development' }), (err, stats) => {
      if (err) reject(err);
      else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve();
    });
  });
}

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

export type DemoPage = Page & { errors: string[] };

export interface DemoSite {
  readonly base: string;
  /** demo.html?<query>, the page's uncaught errors collected in `errors`. */
  open(query: string): Promise<DemoPage>;
  /** A sample workbook in the demo, once its grid is drawn. */
  openSample(sample: string, lang?: string): Promise<DemoPage>;
  close(): Promise<void>;
}

export async function startDemo(): Promise<DemoSite> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is needed at ${CHROMIUM}: apt-get install chromium (as .ci/run does)`);
  const out = mkdtempSync(path.join(tmpdir(), 'tassei-demo-'));
  await build(out);
  const server = await serve(out);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const open = async (query: string): Promise<DemoPage> => {
    const page = (await browser.newPage({ viewport: { width: 1400, height: 900 } })) as DemoPage;
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(e.message));
    await page.goto(`${base}/demo.html?${query}`);
    return page;
  };
  return {
    base,
    open,
    async openSample(sample, lang = 'ja') {
      const page = await open(`sample=${sample}&lang=${lang}`);
      await page.waitForSelector('[data-testid=grid]');
      return page;
    },
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/** The task pane of the demo page, for axe: Fluent UI's focus sentinels (data-tabster-dummy, focus handed on at
 * once, aria-hidden) are not content and are left out; everything else is checked. */
export const TASKPANE_A11Y = { include: [['[data-testid=taskpane]']], exclude: [['[data-tabster-dummy]']] };

/** The serious and critical accessibility violations axe-core finds in `context` (a selector spec, or the page). */
export async function seriousViolations(page: Page, context: unknown = null): Promise<string[]> {
  await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  const result = await page.evaluate(async (ctx) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe;
    return axe.run(ctx ?? document, { resultTypes: ['violations'] });
  }, context);
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

/** Retries an assertion until it holds (the page updates after each Excel.run), as web-first assertions do. */
export async function eventually(check: () => Promise<void>, timeout = 15_000): Promise<void> {
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

export async function hasText(l: Locator, want: string): Promise<void> {
  await eventually(async () => expect((await l.textContent())?.trim()).toBe(want));
}

export async function containsText(l: Locator, want: string): Promise<void> {
  await eventually(async () => expect(await l.textContent()).toContain(want));
}

export async function hasAttr(l: Locator, name: string, want: string | RegExp): Promise<void> {
  await eventually(async () => {
    const v = await l.getAttribute(name);
    if (typeof want === 'string') expect(v).toBe(want);
    else expect(v).toMatch(want);
  });
}
