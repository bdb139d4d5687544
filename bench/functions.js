#!/usr/bin/env node
/**
 * The formula functions' benchmark (`node bench/functions.js`; bench/run.js may call `run()` and append what it
 * returns). TASSEI.RATIO over a 100,000-row range as ONE array formula in HyperFormula (the demo's engine, with the
 * functions registered by src/demo/hyperformulaTassei.ts over src/core/functions), against the plain division
 * =IFERROR(A1/B1,"") over the same rows in the same engine, written both ways:
 *   - filled down, one formula per row (=IFERROR(A1/B1,"") … =IFERROR(A100000/B100000,"")), as the issue writes it;
 *   - as one array formula too (=ARRAYFORMULA(IFERROR(A1:A100000/B1:B100000,""))), the like-for-like comparison.
 * Bar (the issue): TASSEI.RATIO takes at most 3 × the plain formula's time.
 *
 * Two data sets of 100,000 actual/target pairs (seeded): numbers only (cells holding numbers), and sheet text as the
 * prefecture writes it ('53 件', '１０５ 社', '▲ 1,234', '5,000億円以上', blanks, 調査中, mixed with numbers), where
 * the division gives "" for every text cell and TASSEI.RATIO reads them.
 *
 * What is timed: setting the formula(s) into an engine that already holds the data (parse, evaluate, spill), i.e.
 * what a user waits for after entering the formula. Each measurement runs in a fresh Node process (this file with
 * --measure), interleaved, 3 runs each by default; medians are reported. The TypeScript sources run through a
 * require hook (typescript's transpileModule, as bench/addin.js does): no build needed.
 *
 * Options: --rows N (100000) · --runs N (3) · --markdown FILE (also write the markdown there).
 * Exits 0 whatever the verdict; 1 when something could not be measured.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const BAR = 3;
const CASES = ['tassei', 'iferror-rows', 'iferror-array'];
const DATASETS = ['numbers', 'text'];

// ---------------------------------------------------------------------------------------------------------------
// One measurement (in its own process)

function registerTypeScript() {
  const ts = require('typescript');
  const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, jsx: ts.JsxEmit.ReactJSX, esModuleInterop: true };
  const compile = (module, filename) => {
    const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename, reportDiagnostics: false });
    module._compile(out.outputText, filename);
  };
  require.extensions['.ts'] = compile;
}

const prng = require('./prng').mulberry32;

const FULL_WIDTH = (s) => s.replace(/[0-9,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const withCommas = (n) => n.toLocaleString('en-US');

/** Rows of [actual, target] as the engine gets them (text forced as text, as the demo writes sheet values). */
function data(kind, rows, contentOf) {
  const rnd = prng(kind === 'numbers' ? 1 : 2);
  const out = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const target = 1 + Math.floor(rnd() * 5000);
    const actual = Math.floor(target * (0.5 + rnd()));
    if (kind === 'numbers') {
      out[i] = [actual, target];
      continue;
    }
    const r = rnd();
    const unit = ['件', '社', '回', '人', '千円'][i % 5];
    let a;
    let t;
    if (r < 0.35) [a, t] = [actual, target];
    else if (r < 0.6) [a, t] = [`${withCommas(actual)} ${unit}`, `${withCommas(target)} ${unit}`];
    else if (r < 0.75) [a, t] = [FULL_WIDTH(`${withCommas(actual)} `) + unit, `${withCommas(target)}${unit}`];
    else if (r < 0.85) [a, t] = [`${withCommas(actual)}${unit}`, `${withCommas(target)}${unit}以上`];
    else if (r < 0.9) [a, t] = [`▲ ${withCommas(actual)}`, target];
    else if (r < 0.95) [a, t] = ['', `${target} ${unit}`];
    else [a, t] = ['調査中', `${target} ${unit}`];
    out[i] = [contentOf(a), contentOf(t)];
  }
  return out;
}

function measure(caseName, kind, rows) {
  registerTypeScript();
  const { HyperFormula } = require('hyperformula');
  const plugin = require(path.join(ROOT, 'src/demo/hyperformulaTassei.ts'));
  plugin.registerTassei('ja');
  const hf = HyperFormula.buildFromSheets({ S: data(kind, rows, plugin.contentOf) }, { licenseKey: plugin.HYPERFORMULA_LICENSE, maxRows: rows + 10 });
  let formulas;
  if (caseName === 'tassei') formulas = [[`=TASSEI.RATIO(A1:A${rows},B1:B${rows})`]];
  else if (caseName === 'iferror-array') formulas = [[`=ARRAYFORMULA(IFERROR(A1:A${rows}/B1:B${rows},""))`]];
  else formulas = Array.from({ length: rows }, (_, i) => [`=IFERROR(A${i + 1}/B${i + 1},"")`]);
  if (global.gc) global.gc();
  const t0 = process.hrtime.bigint();
  hf.setCellContents({ sheet: 0, row: 0, col: 2 }, formulas);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  // Not timed: every row has its result (a number, "" or an error), and the first ones are what they should be.
  const column = hf.getRangeValues({ start: { sheet: 0, row: 0, col: 2 }, end: { sheet: 0, row: rows - 1, col: 2 } });
  const numbers = column.filter(([v]) => typeof v === 'number').length;
  if (column.length !== rows || numbers === 0) throw new Error(`${caseName}: ${column.length} rows, ${numbers} numbers`);
  return { ms, numbers };
}

// ---------------------------------------------------------------------------------------------------------------
// The runs

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

function parseArgs(argv) {
  const o = { rows: 100000, runs: 3, markdown: null, measure: null, dataset: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--rows') o.rows = Math.max(10, Number(argv[++i]) || 100000);
    else if (a === '--runs') o.runs = Math.max(1, Number(argv[++i]) || 3);
    else if (a === '--markdown') o.markdown = path.resolve(argv[++i]);
    else if (a === '--measure') o.measure = argv[++i];
    else if (a === '--dataset') o.dataset = argv[++i];
    else throw new Error(`unknown argument: ${a}`);
  }
  return o;
}

function spawnMeasure(caseName, kind, rows) {
  const run = spawnSync(process.execPath, ['--expose-gc', __filename, '--measure', caseName, '--dataset', kind, '--rows', String(rows)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`${caseName}/${kind}: ${run.stderr || run.stdout}`);
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

/** Measures every case on both data sets (fresh processes, interleaved) and returns the markdown section. */
function run(options = {}) {
  const o = { rows: 100000, runs: 3, ...options };
  const samples = {};
  for (let r = 0; r < o.runs; r++) {
    for (const kind of DATASETS) {
      for (const c of CASES) {
        process.stderr.write(`functions bench: ${c} on ${kind}, run ${r + 1}/${o.runs} … `);
        const m = spawnMeasure(c, kind, o.rows);
        process.stderr.write(`${fmt(m.ms)} ms\n`);
        ((samples[kind] ??= {})[c] ??= []).push(m.ms);
      }
    }
  }
  return markdown(samples, o);
}

const LABELS = {
  tassei: `\`=TASSEI.RATIO(A1:A{n},B1:B{n})\` (one array formula)`,
  'iferror-rows': '`=IFERROR(A1/B1,"")` filled down ({count} formulas)',
  'iferror-array': '`=ARRAYFORMULA(IFERROR(A1:A{n}/B1:B{n},""))` (one array formula)',
};

function markdown(samples, o) {
  const n = fmt(o.rows);
  const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
  const cpu = os.cpus();
  const lines = [];
  lines.push('#### Formula functions (TASSEI.RATIO in a formula engine)');
  lines.push('');
  lines.push(
    `Written by \`bench/functions.js\` (${new Date().toISOString().slice(0, 10)}). HyperFormula ${require('hyperformula').HyperFormula.version} with the TASSEI.* plugin ` +
      `(src/demo/hyperformulaTassei.ts over src/core/functions); ${n} rows of actual (A) and target (B); the time to enter the formula(s) in C ` +
      `into an engine that holds the data (parse, evaluate, spill). Node ${process.version} on ${cpu.length} × ${cpu[0] ? cpu[0].model.trim() : 'CPU'} ` +
      `(load average ${load}); median of ${o.runs} runs, each in a fresh process. Data: *numbers*, both columns numbers; *sheet text*, ` +
      'as the sheets write them (35% numbers, the rest text such as `1,234 件`, `１，２３４ 社`, `5,000千円以上`, `▲ 1,234`, blanks, `調査中`), ' +
      'where the division gives "" for every text row and TASSEI.RATIO reads them.',
  );
  lines.push('');
  lines.push('| data | formula | median ms | range ms | ms per 1,000 rows | × `IFERROR(A1/B1,"")` filled down | × `IFERROR` as one array formula |');
  lines.push('|---|---|---:|---:|---:|---:|---:|');
  const verdicts = [];
  for (const kind of DATASETS) {
    const s = samples[kind];
    const rows = median(s['iferror-rows']);
    const array = median(s['iferror-array']);
    for (const c of CASES) {
      const m = median(s[c]);
      lines.push(
        `| ${kind === 'numbers' ? 'numbers' : 'sheet text'} | ${LABELS[c].replaceAll('{n}', String(o.rows)).replace('{count}', n)} | ${fmt(m)} | ${fmt(Math.min(...s[c]))}–${fmt(Math.max(...s[c]))} | ` +
          `${fmt((m / o.rows) * 1000, 2)} | ${fmt(m / rows, 2)} | ${fmt(m / array, 2)} |`,
      );
    }
    const t = median(s.tassei);
    verdicts.push({ kind, rows: t / rows, array: t / array });
  }
  lines.push('');
  lines.push(`| bar: TASSEI.RATIO ≤ ${BAR} × the plain formula | data | figure | verdict |`);
  lines.push('|---|---|---:|---|');
  for (const v of verdicts) {
    const data = v.kind === 'numbers' ? 'numbers' : 'sheet text';
    lines.push(`| against \`=IFERROR(A1/B1,"")\` filled down | ${data} | ${fmt(v.rows, 2)} | ${v.rows <= BAR ? 'PASS' : 'FAIL'} |`);
    lines.push(`| against the same as one array formula | ${data} | ${fmt(v.array, 2)} | ${v.array <= BAR ? 'PASS' : 'FAIL'} |`);
  }
  return lines.join('\n');
}

if (require.main === module) {
  const o = parseArgs(process.argv.slice(2));
  if (o.measure) {
    const m = measure(o.measure, o.dataset ?? 'numbers', o.rows);
    process.stdout.write(`${JSON.stringify(m)}\n`);
  } else {
    try {
      const text = run(o);
      console.log(text);
      if (o.markdown) fs.writeFileSync(o.markdown, `${text}\n`);
    } catch (e) {
      console.error(e && e.stack ? e.stack : e);
      process.exitCode = 1;
    }
  }
}

module.exports = { run };
