#!/usr/bin/env node
/**
 * npm start.
 *
 * - Where desktop Excel runs (Windows, macOS) and not in CI: sideload the add-in into Excel, the yo-office way —
 *   `office-addin-debugging start manifest.xml desktop --app excel`, which starts `npm run dev-server`
 *   (https://localhost:3000) and opens Excel with the Tassei button on the Home tab. `npm run stop` ends it.
 * - Elsewhere (Linux, CI, no Excel): build the demo page (the task pane on an in-memory Excel host, no Office) with
 *   webpack's dev server and print its URL; a browser is opened only when one can be (a display, not CI).
 *
 *   node scripts/start.js            choose as above
 *   node scripts/start.js demo       the demo page, on any system
 *   node scripts/start.js desktop    sideload into desktop Excel, on any system (fails where there is none)
 *
 * The demo is served over plain http (http://localhost:3000/demo.html): it needs no Office, so no certificate that a
 * browser would warn about. For Excel on the web from any system: `npm run dev-server` (https), then upload
 * manifest.xml in Excel on the web (Home > Add-ins > More add-ins > Upload My Add-in).
 */
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const CI = Boolean(process.env.CI) && process.env.CI !== 'false';

function desktopExcelPossible() {
  return (process.platform === 'win32' || process.platform === 'darwin') && !CI;
}

function sideload() {
  const cli = path.join(path.dirname(require.resolve('office-addin-debugging/package.json')), 'cli.js');
  const config = require(path.join(ROOT, 'webpack.config.js'));
  const args = [cli, 'start', 'manifest.xml', 'desktop', '--app', 'excel', '--dev-server', 'npm run dev-server', '--dev-server-port', String(config.devServerPort)];
  console.log(`> office-addin-debugging ${args.slice(1).join(' ')}`);
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    process.exitCode = code === null ? 1 : code;
    if (signal) console.error(`office-addin-debugging ended by ${signal}`);
  });
}

/** A command that opens a URL in a browser here, or null when there is no browser to open. */
function browserOpener() {
  if (CI || !process.stdout.isTTY) return null;
  if (process.platform === 'darwin') return ['open'];
  if (process.platform === 'win32') return ['cmd', '/c', 'start', '""'];
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return null;
  const found = spawnSync('sh', ['-c', 'command -v xdg-open'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? [found.stdout.trim()] : null;
}

async function serveDemo() {
  const webpack = require('webpack');
  const WebpackDevServer = require('webpack-dev-server');
  const configFn = require(path.join(ROOT, 'webpack.config.js'));
  if (!fs.existsSync(path.join(ROOT, 'src/demo/index.tsx'))) {
    console.error('src/demo/index.tsx is missing: there is no demo page to build yet.');
    return 1;
  }
  const config = await configFn({ WEBPACK_SERVE: true, only: 'demo', http: true }, { mode: 'development' });
  const devServer = { ...config.devServer, open: false };
  delete config.devServer;
  config.stats = 'errors-warnings'; // the URL printed below stays in sight
  const url = `http://localhost:${devServer.port}/demo.html`;
  const compiler = webpack(config);
  const server = new WebpackDevServer(devServer, compiler);

  let announced = false;
  compiler.hooks.done.tap('tassei-start', (stats) => {
    if (stats.hasErrors()) {
      console.error('\nThe demo page did not build (errors above); the server goes on and rebuilds on save.');
      return;
    }
    if (announced) return;
    announced = true;
    setImmediate(() => announce());
  });
  const announce = () => {
    console.log(`\nTassei demo (no Excel needed): ${url}`);
    console.log('For Excel itself: Windows or macOS `npm start`; Excel on the web: `npm run dev-server`, then upload manifest.xml.');
    console.log('Ctrl+C stops the server.');
    const opener = browserOpener();
    if (opener) {
      const [cmd, ...rest] = opener;
      spawn(cmd, [...rest, url], { stdio: 'ignore', detached: true }).on('error', () => {}).unref();
    }
  };

  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  try {
    await server.start();
  } catch (err) {
    console.error(
      err && err.code === 'EADDRINUSE'
        ? `Port ${devServer.port} is in use (another dev server? \`npm run stop\` ends a sideloading session).`
        : `The dev server did not start: ${err instanceof Error ? err.message : err}`,
    );
    return 1;
  }
  return 0;
}

async function main(argv) {
  const mode = argv[0] || (desktopExcelPossible() ? 'desktop' : 'demo');
  if (mode === 'desktop') return sideload();
  if (mode === 'demo') return serveDemo();
  console.error(`usage: node scripts/start.js [demo|desktop]`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (typeof code === 'number' && code !== 0) process.exitCode = code;
  },
  (err) => {
    console.error(err);
    process.exitCode = 1;
  },
);
