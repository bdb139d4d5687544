#!/usr/bin/env node
/**
 * The task pane's size budget (npm run size): builds the add-in for production, checks that the files the task pane
 * page loads at start are exactly the ones .size-limit.json measures and that ExcelJS is not among them (it must be
 * loaded on demand), then runs size-limit, which prints the gzipped figure and exits 1 over the limit.
 *
 *   node scripts/size.js              build dist/addin (production), check, measure
 *   node scripts/size.js --no-build   measure the dist/addin already built (size-limit only)
 *   node scripts/size.js --config F   build with another webpack configuration (an experiment's)
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const ROOT = path.resolve(__dirname, '..');
/** The entries whose scripts taskpane.html loads (shared runtime: the commands and custom functions live in the task pane's page). */
const TASKPANE_PAGE_ENTRIES = ['taskpane', 'commands', 'functions'];
const EXCELJS = /[\\/]node_modules[\\/]exceljs[\\/]/;

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const gzipSize = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

function readBudget() {
  const checks = JSON.parse(fs.readFileSync(path.join(ROOT, '.size-limit.json'), 'utf8'));
  const check = checks[0];
  return { ...check, files: [].concat(check.path).map((p) => path.resolve(ROOT, p)) };
}

function build(configFile) {
  const webpack = require('webpack');
  const configFn = require(path.resolve(configFile));
  return Promise.resolve(configFn({ only: 'addin' }, { mode: 'production' })).then(
    (config) =>
      new Promise((resolve, reject) => {
        webpack(config, (err, stats) => {
          if (err) return reject(err);
          if (stats.hasErrors()) return reject(new Error(stats.toString('errors-only')));
          resolve({ stats, outDir: config.output.path });
        });
      }),
  );
}

/** The initial files of the task pane's page, the modules of ExcelJS found in them, and the files loaded on demand. */
function initialFiles(stats, outDir) {
  const { compilation } = stats;
  const files = new Set();
  const excel = [];
  const visit = (m) => {
    if (Array.isArray(m.modules)) m.modules.forEach(visit); // a concatenated module: its parts
    else if (EXCELJS.test(m.resource || m.identifier())) excel.push(m.readableIdentifier(compilation.requestShortener));
  };
  for (const name of TASKPANE_PAGE_ENTRIES) {
    const entrypoint = compilation.entrypoints.get(name);
    if (!entrypoint) throw new Error(`no entry point "${name}" in the build`);
    for (const chunk of entrypoint.chunks) {
      for (const f of chunk.files) if (f.endsWith('.js')) files.add(path.join(outDir, f));
      for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) visit(m);
    }
  }
  const asyncFiles = [...compilation.chunks]
    .filter((c) => !c.canBeInitial())
    .flatMap((c) => [...c.files].filter((f) => f.endsWith('.js')).map((f) => path.join(outDir, f)));
  return { files: [...files], excel, asyncFiles };
}

function runSizeLimit() {
  const bin = path.join(path.dirname(require.resolve('size-limit/package.json')), 'bin.js');
  const run = spawnSync(process.execPath, [bin], { cwd: ROOT, stdio: 'inherit' });
  return run.status === null ? 1 : run.status;
}

async function main(argv) {
  const budget = readBudget();
  if (!argv.includes('--no-build')) {
    const at = argv.indexOf('--config');
    const configFile = at >= 0 ? argv[at + 1] : path.join(ROOT, 'webpack.config.js');
    console.log(`Building the add-in for production (${path.relative(ROOT, configFile) || configFile})...`);
    const { stats, outDir } = await build(configFile);
    const { files, excel, asyncFiles } = initialFiles(stats, outDir);
    console.log('\nThe task pane page loads at start:');
    for (const f of files) console.log(`  ${path.relative(ROOT, f).padEnd(40)} ${kB(gzipSize(f)).padStart(10)} gzipped`);
    console.log('On demand (not counted):');
    if (!asyncFiles.length) console.log('  (none)');
    for (const f of asyncFiles) console.log(`  ${path.relative(ROOT, f).padEnd(40)} ${kB(gzipSize(f)).padStart(10)} gzipped`);
    let failed = false;
    if (excel.length) {
      console.error(`\nExcelJS is in the task pane's initial JavaScript (${excel.length} module${excel.length === 1 ? '' : 's'}, e.g. ${excel[0]}): import it with import() only.`);
      failed = true;
    }
    const measured = new Set(budget.files);
    const missing = files.filter((f) => !measured.has(f));
    if (missing.length) {
      console.error(`\n.size-limit.json does not measure ${missing.map((f) => path.relative(ROOT, f)).join(', ')}, which the task pane loads at start.`);
      failed = true;
    }
    if (failed) return 1;
    console.log('');
  }
  return runSizeLimit();
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
