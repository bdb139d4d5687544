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

export interface DemoSite {
  readonly base: string;
  open(sample: string, lang?: string): Promise<Page & { errors: string[] }>;
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
  return {
    base,
    async open(sample, lang = 'ja') {
      const page = (await browser.newPage({ viewport: { width: 1400, height: 900 } })) as Page & { errors: string[] };
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(e.message));
      await page.goto(`${base}/demo.html?sample=${sample}&lang=${lang}`);
      await page.waitForSelector('[data-testid=grid]');
      return page;
    },
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
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
