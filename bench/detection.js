#!/usr/bin/env node
/**
 * Table detection figures, for `npm run bench` (bench/run.js calls `detectionBench()`; it also runs alone:
 * `npm run build:cli && node bench/detection.js`). Prints markdown:
 *   - precision and recall over the detection corpus (test/detection: the fixtures with their hand-made mappings,
 *     and the built variants): tables found, and cells mapped correctly (each cell read by the engine in the same
 *     role, for the same indicator or project and year, as with the hand-made mapping);
 *   - the cost of detecting a 2,000-row sheet (a 施策評価表 two-row table of 1,000 indicators) against evaluating the
 *     same sheet: the engine's evaluation is checkWorkbook with the detected mapping (reading the cells through the
 *     grid, parsing them, evaluating). Both on the same grid object, both warm (after warm-up runs of each), timed in
 *     alternation so that the machine's load and the collector hit both alike, each grid in a process of its own;
 *     the ratio is the median of the pairs' ratios. The sheet is measured as `tassei check` reads it (written to
 *     .xlsx and read through the ExcelJS adapter, src/xlsx, whose grid reads cells lazily) and as an in-memory grid
 *     (test/detection/builder.ts, where a read costs almost nothing and the engine's own work shows); with Node's
 *     defaults (the evaluation's collector cost varies from process to process: median of 3 processes) and with a
 *     64 MB young generation (that cost mostly gone: the work itself). Bar: detection ≤ 30% of evaluation.
 * The corpus is TypeScript (shared with the jest tests): it is transpiled here with the project's TypeScript, its
 * imports of src/ pointed at the compiled dist/.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const CORPUS = path.join(ROOT, 'test', 'detection');
const BAR = 0.3;

/** test/detection/*.ts → CommonJS in a temp dir, '../../src/x' → dist/x. */
function loadCorpus() {
  const ts = require('typescript');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tassei-detection-'));
  for (const file of fs.readdirSync(CORPUS).filter((f) => f.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(CORPUS, file), 'utf8');
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
    fs.writeFileSync(path.join(out, file.replace(/\.ts$/, '.js')), js.replace(/(["'])\.\.\/\.\.\/src\/([^"']*)\1/g, (_, q, p) => `${q}${path.join(DIST, p).split(path.sep).join('/')}${q}`));
  }
  const load = (name) => require(path.join(out, name));
  return { corpus: load('corpus.js'), score: load('score.js'), fixtures: load('fixtures.js'), xlsx: load('xlsx.js'), dir: out };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * The two steps timed in alternation, after warm-up runs of each: the machine's load and the collector hit both
 * alike. The ratio is the median of the ratios of each pair (two steps run back to back see the same load).
 */
function timeBoth(a, b, runs) {
  for (let i = 0; i < 15; i++) {
    a();
    b();
  }
  const ta = [];
  const tb = [];
  const ratios = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    a();
    ta.push(performance.now() - t0);
    t0 = performance.now();
    b();
    tb.push(performance.now() - t0);
    ratios.push(ta[i] / tb[i]);
  }
  const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
  return { a: stats(ta), b: stats(tb), ratio: median(ratios) };
}

/** The builder's sheet written as an .xlsx (values, number formats, merged areas) and opened as the CLI opens it. */
async function xlsxGridOf(sheet, toWorkbook) {
  const ExcelJS = require('exceljs');
  const { openWorkbook, workbookGrid } = require(path.join(DIST, 'xlsx'));
  const wb = toWorkbook(ExcelJS.Workbook, sheet);
  const opened = await openWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
  if (!opened.ok) throw new Error(`the cost sheet did not open: ${opened.error.code}`);
  return workbookGrid(opened.workbook);
}

/** Detection against evaluation with the detected mapping, on one grid. */
function costOn(grid, runs) {
  const { detectWorkbook } = require(path.join(DIST, 'core', 'detect'));
  const { checkWorkbook } = require(path.join(DIST, 'core'));
  const mapping = detectWorkbook(grid);
  const t = timeBoth(() => detectWorkbook(grid), () => checkWorkbook(grid, mapping), runs);
  const rows = mapping.tables.length === 1 ? mapping.tables[0].rows.length : 0;
  return { detect: t.a, evaluate: t.b, ratio: t.ratio, whole: mapping.tables.length === 1 && rows === 1000, tables: mapping.tables.length };
}

const pct = (x) => `${(x * 100).toFixed(1)}%`;
const ms = (x) => x.toFixed(2);

/** One grid's cost, measured in a process of its own (the other grid's code paths do not slow this one's). */
async function costChild(kind, runs) {
  const { corpus, xlsx, dir } = loadCorpus();
  try {
    const big = corpus.bigTwoRowSheet(1000);
    const grid = kind === 'xlsx' ? await xlsxGridOf(big.sheet, xlsx.workbookOfSheet) : { sheets: [big.sheet], sheet: (n) => (n === big.sheet.name ? big.sheet : undefined) };
    return { ...costOn(grid, runs), rowCount: big.sheet.rowCount };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function cost(kind, runs, flags = []) {
  const { execFileSync } = require('node:child_process');
  const out = execFileSync(process.execPath, [...flags, __filename, '--cost', kind, String(runs)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out);
}

/**
 * With Node's default young generation the evaluation's garbage is sometimes collected cheaply and sometimes not,
 * from one process to the next (its median moves between about 1.5 and 10 ms here): the figure is the median of
 * PROCESSES processes. With a 64 MB young generation the collector's share is small and steady: that row shows the
 * cost of the work itself.
 */
const PROCESSES = 3;
const SETTINGS = [
  ['Node defaults (as `tassei check` runs)', [], PROCESSES],
  ['young generation 64 MB (`--max-semi-space-size=64`)', ['--max-semi-space-size=64'], 1],
];

function costOver(kind, runs, flags, processes) {
  const all = Array.from({ length: processes }, () => cost(kind, runs, flags)).sort((a, b) => a.ratio - b.ratio);
  return { ...all[Math.floor(all.length / 2)], ratios: all.map((c) => c.ratio) };
}

async function detectionBench({ runs = 31, print = (s) => console.log(s) } = {}) {
  const { corpus, score, fixtures, dir } = loadCorpus();
  try {
    const costs = [];
    for (const [setting, flags, processes] of SETTINGS) {
      costs.push([`.xlsx through the ExcelJS adapter (as \`tassei check\` reads it); ${setting}`, costOver('xlsx', runs, flags, processes)]);
      costs.push([`in-memory grid (test/detection/builder.ts); ${setting}`, costOver('memory', runs, flags, processes)]);
    }
    const cases = [...(await fixtures.fixtureCases(path.join(ROOT, 'samples'))), ...corpus.builtCases()];
    const scores = cases.map((c) => score.scoreCase(c));
    const t = score.totals(scores);
    const lines = [];
    lines.push('#### Table detection', '');
    lines.push(`Corpus: ${cases.length} sheets (the fixtures' ${cases.length - corpus.builtCases().length} sheets with samples/*.tassei.json, and ${corpus.builtCases().length} built in test/detection/corpus.ts), ${t.tables.expected} tables by hand.`, '');
    lines.push('| measure | expected | detected | correct | precision | recall |', '|---|---:|---:|---:|---:|---:|');
    lines.push(`| tables found | ${t.tables.expected} | ${t.tables.detected} | ${t.tables.true} | ${pct(t.tables.precision)} | ${pct(t.tables.recall)} |`);
    lines.push(`| cells mapped correctly | ${t.cells.expected} | ${t.cells.detected} | ${t.cells.correct} | ${pct(t.cells.precision)} | ${pct(t.cells.recall)} |`, '');
    const wrong = scores.filter((s) => s.missing.length > 0 || s.extra.length > 0 || s.found !== s.expectedTables || s.true !== s.detectedTables);
    lines.push(wrong.length === 0 ? 'Every sheet of the corpus: all its tables found, every cell mapped as by hand, no false table.' : `Sheets with differences: ${wrong.map((s) => `${s.id} (missing ${s.missing.length}, extra ${s.extra.length})`).join(', ')}`, '');

    lines.push(
      `Cost on a ${costs[0][1].rowCount.toLocaleString('en')}-row sheet (施策評価表 two-row table, 1,000 indicators): detection (\`detectWorkbook\`) against evaluation (\`checkWorkbook\` with the detected mapping: read + parse + evaluate), same grid, both warm, ${runs} runs of each alternated in a process of its own; the ratio is the median of the ratios of the pairs; with Node's defaults, the process of median ratio out of ${PROCESSES} (Node ${process.version}):`,
      '',
    );
    lines.push('| grid | detection ms (median, range) | evaluation ms (median, range) | detection / evaluation | bar ≤ 30% |', '|---|---:|---:|---:|---|');
    for (const [name, c] of costs) {
      const each = c.ratios.length > 1 ? ` (processes: ${c.ratios.map(pct).join(', ')})` : '';
      lines.push(`| ${name} | ${ms(c.detect.median)} (${ms(c.detect.min)}–${ms(c.detect.max)}) | ${ms(c.evaluate.median)} (${ms(c.evaluate.min)}–${ms(c.evaluate.max)}) | ${pct(c.ratio)}${each} | ${c.ratio <= BAR ? 'PASS' : 'FAIL'} |`);
    }
    const whole = costs.every(([, c]) => c.whole);
    lines.push('', `The sheet's table detected whole (1 table, 1,000 indicators) on both grids: ${whole ? 'PASS' : `FAIL (${costs.map(([, c]) => c.tables).join(', ')} tables)`}`, '');
    const text = lines.join('\n');
    print(text);
    const [cli] = costs.map(([, c]) => c);
    return { totals: t, detectMs: cli.detect.median, evaluateMs: cli.evaluate.median, ratio: cli.ratio, costs: costs.map(([name, c]) => ({ name, ratio: c.ratio, pass: c.ratio <= BAR })), markdown: text };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { detectionBench };

if (require.main === module) {
  const at = process.argv.indexOf('--cost');
  const md = process.argv.indexOf('--markdown');
  const run =
    at > 0
      ? costChild(process.argv[at + 1], Number(process.argv[at + 2]) || 31).then((c) => process.stdout.write(JSON.stringify(c)))
      : detectionBench().then((r) => md > 0 && fs.writeFileSync(process.argv[md + 1], `${r.markdown}\n`));
  run.catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
