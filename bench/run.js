#!/usr/bin/env node
/**
 * `npm run bench`: time and memory of each stage of `tassei check` on a generated workbook of 20,000 indicators ×
 * 5 years (two-row layout) and 5,000 budget blocks, against ExcelJS reading the same file alone.
 *
 * Every measurement runs in a fresh child process (bench/stage.js), so each peak RSS is that process's own:
 *   - read only:  ExcelJS workbook.xlsx.load(bytes), nothing else loaded;
 *   - pipeline:   the steps of src/cli/check.ts — mapping, read (readInputFile + openWorkbook), engine
 *                 (checkWorkbook + fileReport + summaryModel: parse, evaluate, validate and the summary model, as the
 *                 issue divides the stages), write (flagPlan + applyFlags + addSummarySheets + writeBuffer +
 *                 writeFile: the flag plan is made only for the checked workbook) — each timed; the engine is also
 *                 reported with the flag plan, as a stricter figure; peak RSS sampled after read, after the engine and after
 *                 the write (getrusage's maxRSS is the peak so far, so the value after the engine is exactly what a
 *                 process stopping there would report);
 *   - count:      the cells the engine reads, through a counting grid (not timed).
 * Each of read only and pipeline runs --runs times (3), interleaved; medians are reported.
 *
 * Bars (from the issue): engine time ≤ 20% of the ExcelJS read time; peak RSS of read + engine < 1.5 × the peak RSS
 * of reading alone. The ratio for read + engine + write is printed too, labelled as such. Exits 0 whatever the
 * verdicts (a benchmark, not a test); 1 only when something could not be measured.
 *
 * Options: --runs N (3) · --quick (skip the merged-cells variant) · --profile / --no-profile (CPU profile of the
 * engine with its hot spots printed; by default only when the engine misses its bar) · --regen (regenerate the
 * workbooks) · --no-results (do not rewrite bench/RESULTS.md) · --no-addin (skip bench/addin.js) · --no-functions,
 * --no-detection, --no-batch (skip bench/functions.js, bench/detection.js, bench/batch.js)
 *
 * At the end, bench/addin.js (the add-in: context.sync round trips on the in-memory Excel host at 10, 1,000 and
 * 10,000 indicator rows, and the task pane's bundle size) runs in its own process; its figures are printed and
 * appended to bench/RESULTS.md as a second section.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { generate, sidecarOf, GENERATOR_VERSION } = require('./generate');

const ROOT = path.join(__dirname, '..');
const CACHE = path.join(__dirname, '.cache');
const STAGE = path.join(__dirname, 'stage.js');
const INDICATORS = 20000;
const BLOCKS = 5000;
const SEED = 1;

function parseArgs(argv) {
  const o = { runs: 3, quick: false, profile: null, regen: false, results: true, addin: true, functions: true, detection: true, batch: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') o.runs = Math.max(1, Number(argv[++i]) || 3);
    else if (a === '--quick') o.quick = true;
    else if (a === '--profile') o.profile = true;
    else if (a === '--no-profile') o.profile = false;
    else if (a === '--regen') o.regen = true;
    else if (a === '--no-results') o.results = false;
    else if (a === '--no-addin') o.addin = false;
    else if (a === '--no-functions') o.functions = false;
    else if (a === '--no-detection') o.detection = false;
    else if (a === '--no-batch') o.batch = false;
    else throw new Error(`unknown argument: ${a}`);
  }
  return o;
}

// ---------------------------------------------------------------------------------------------------------------
// Workbooks

async function ensureWorkbook(name, merges, regen) {
  const out = path.join(CACHE, `${name}.xlsx`);
  const metaFile = path.join(CACHE, `${name}.meta.json`);
  const want = { version: GENERATOR_VERSION, indicators: INDICATORS, blocks: BLOCKS, seed: SEED, merges };
  let meta = null;
  try {
    meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
  } catch {
    meta = null;
  }
  const fresh = meta && JSON.stringify(meta.params) === JSON.stringify(want) && fs.existsSync(out) && fs.existsSync(sidecarOf(out));
  if (fresh && !regen) return { file: out, mapping: sidecarOf(out), meta };
  process.stdout.write(`generating ${path.relative(ROOT, out)} (${merges ? 'names merged over both rows' : 'no merged cells'}) … `);
  const r = await generate({ out, indicators: INDICATORS, blocks: BLOCKS, seed: SEED, merges });
  meta = { params: r.params, bytes: r.bytes, stats: r.stats, buildMs: r.buildMs, writeMs: r.writeMs };
  fs.writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
  console.log(`${mib(r.bytes).toFixed(1)} MiB in ${secs(r.buildMs + r.writeMs)}`);
  return { file: out, mapping: sidecarOf(out), meta };
}

// ---------------------------------------------------------------------------------------------------------------
// Children

function child(args, extraNodeArgs = []) {
  const r = spawnSync(process.execPath, [...extraNodeArgs, STAGE, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const line = (r.stdout || '').split('\n').find((l) => l.startsWith('BENCH '));
  if (r.status !== 0 || !line) {
    throw new Error(`bench/stage.js ${args[0]} failed (exit ${r.status}${r.signal ? `, ${r.signal}` : ''}):\n${(r.stderr || '').trim()}`);
  }
  return JSON.parse(line.slice('BENCH '.length));
}

const readOnly = (wb) => child(['read', wb.file], ['--expose-gc']);
const pipeline = (wb, noWrite) =>
  child(['pipeline', wb.file, wb.mapping, path.join(CACHE, `${path.basename(wb.file, '.xlsx')}.checked.xlsx`), ...(noWrite ? ['--no-write'] : [])]);

// ---------------------------------------------------------------------------------------------------------------
// Figures

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const mib = (bytes) => bytes / 1024 / 1024;
const kibToMiB = (k) => k / 1024;
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const int = (n) => Math.round(n).toLocaleString('en-US');
const fixed = (n, d = 2) => n.toFixed(d);

const ENGINE = ['checkWorkbook', 'fileReport', 'summaryModel'];
/** The engine with the plan of the flags that only a checked workbook needs (a stricter figure, beside the bar). */
const ENGINE_AND_FLAGS = [...ENGINE, 'flagPlan'];
const READ = ['readFile', 'open'];
const WRITE = ['flagPlan', 'applyFlags', 'addSummarySheets', 'writeBuffer', 'writeFile'];
const total = (stages, keys) => keys.reduce((s, k) => s + (stages[k] ?? 0), 0);

function summarize(reads, pipes, count) {
  const m = (f) => median(reads.map(f));
  const p = (f) => median(pipes.map(f));
  const range = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
  const stage = (k) => ({ ...range(pipes.map((x) => x.stages[k] ?? 0)), cpu: median(pipes.map((x) => x.cpu[k] ?? 0)) });
  const group = (keys) => ({ ...range(pipes.map((x) => total(x.stages, keys))), cpu: median(pipes.map((x) => total(x.cpu, keys))) });
  const gcOf = (x, keys) => keys.reduce((s, k) => s + (x.gc[k]?.ms ?? 0), 0);
  const hasWrite = pipes.every((x) => x.mem.afterWrite);
  const s = {
    runs: pipes.length,
    readOnly: {
      load: { ...range(reads.map((r) => r.readMs)), cpu: median(reads.map((r) => r.readCpuMs)) },
      maxRssMiB: m((r) => kibToMiB(r.end.maxRssKiB)),
      startRssMiB: m((r) => kibToMiB(r.start.maxRssKiB)),
      heapUsedMiB: m((r) => kibToMiB(r.end.heapUsedKiB)),
      retainedHeapMiB: reads[0].retainedHeapKiB === null ? null : m((r) => kibToMiB(r.retainedHeapKiB)),
      gcMs: m((r) => r.gc.load?.ms ?? 0),
    },
    stages: Object.fromEntries([...['mapping'], ...READ, ...ENGINE, ...WRITE].map((k) => [k, stage(k)])),
    read: group(READ),
    engine: group(ENGINE),
    engineAndFlags: group(ENGINE_AND_FLAGS),
    engineGcMs: p((x) => gcOf(x, ENGINE)),
    checkGcMs: p((x) => gcOf(x, ['checkWorkbook'])),
    write: hasWrite ? group(WRITE) : null,
    total: group(Object.keys(pipes[0].stages)),
    mem: {
      startMiB: p((x) => kibToMiB(x.mem.start.maxRssKiB)),
      afterReadMiB: p((x) => kibToMiB(x.mem.afterRead.maxRssKiB)),
      afterEngineMiB: p((x) => kibToMiB(x.mem.afterEngine.maxRssKiB)),
      afterWriteMiB: hasWrite ? p((x) => kibToMiB(x.mem.afterWrite.maxRssKiB)) : null,
      engineHeapMiB: p((x) => kibToMiB(x.mem.afterEngine.heapUsedKiB - x.mem.afterRead.heapUsedKiB)),
    },
    result: pipes[0].result,
    count,
  };
  s.ratios = {
    engineToRead: s.engine.median / s.readOnly.load.median,
    engineAndFlagsToRead: s.engineAndFlags.median / s.readOnly.load.median,
    engineToReadCpu: s.engine.cpu / s.readOnly.load.cpu,
    engineToPipelineRead: s.engine.median / s.read.median,
    rssEngine: s.mem.afterEngineMiB / s.readOnly.maxRssMiB,
    rssAfterRead: s.mem.afterReadMiB / s.readOnly.maxRssMiB,
    rssWrite: s.mem.afterWriteMiB === null ? null : s.mem.afterWriteMiB / s.readOnly.maxRssMiB,
  };
  if (count) {
    s.cellsPerSecond = count.cellCalls / (s.engine.median / 1000);
    s.checkCellsPerSecond = count.cellCalls / (s.stages.checkWorkbook.median / 1000);
  }
  return s;
}

const ENGINE_BAR = 0.2;
const MEMORY_BAR = 1.5;
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');

// ---------------------------------------------------------------------------------------------------------------
// Text table

function pad(cells, widths, align) {
  return cells.map((c, i) => (align[i] === 'r' ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ');
}
function table(rows, align) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...String(r[i] ?? '')].length)));
  return rows.map((r) => pad(r.map((c) => c ?? ''), widths, align).replace(/\s+$/, '')).join('\n');
}
const msCells = (r) => [int(r.median), int(r.min), int(r.max), int(r.cpu)];

function textReport(s, wb, env) {
  const out = [];
  const st = s.stages;
  out.push('');
  out.push(`Tassei benchmark — ${int(INDICATORS)} indicators × 5 years (two-row layout) + ${int(BLOCKS)} budget blocks`);
  out.push(`workbook: ${path.relative(ROOT, wb.file)} (${mib(wb.meta.bytes).toFixed(1)} MiB, ${int(s.result.indicators * 2 + 9)} + ${int(BLOCKS * 5 + 3)} rows, ${wb.meta.params.merges ? 'names merged' : 'no merged cells'})`);
  out.push(`${env.node} · ${env.cpus} × ${env.cpu} · load average at start ${env.load}, at end ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} · median of ${s.runs} runs, each in a fresh process`);
  out.push('');
  const rows = [['stage', 'median ms', 'min', 'max', 'CPU ms', '']];
  rows.push(['read only: ExcelJS xlsx.load(bytes)', ...msCells(s.readOnly.load), 'the reference for the bars']);
  rows.push(['pipeline (as `tassei check --out`):', '', '', '', '', '']);
  rows.push(['  mapping: load + validate (zod)', ...msCells(st.mapping), '20,000 rows + 1 budget table']);
  rows.push(['  read: readInputFile + openWorkbook', ...msCells(s.read), 'zip checks + ExcelJS load']);
  rows.push(['  engine', ...msCells(s.engine), `of which GC ${int(s.engineGcMs)} ms`]);
  rows.push(['    checkWorkbook (parse, evaluate, validate)', ...msCells(st.checkWorkbook), `GC ${int(s.checkGcMs)} ms`]);
  rows.push(['    fileReport (messages)', ...msCells(st.fileReport), '']);
  rows.push(['    summaryModel', ...msCells(st.summaryModel), '']);
  rows.push(['  engine + flagPlan', ...msCells(s.engineAndFlags), 'the stricter figure']);
  if (s.write) {
    rows.push(['  write', ...msCells(s.write), '']);
    rows.push(['    flagPlan (the flags of the checked workbook)', ...msCells(st.flagPlan), '']);
    rows.push(['    applyFlags', ...msCells(st.applyFlags), '']);
    rows.push(['    addSummarySheets', ...msCells(st.addSummarySheets), '']);
    rows.push(['    writeBuffer (ExcelJS)', ...msCells(st.writeBuffer), '']);
    rows.push(['    writeFile', ...msCells(st.writeFile), '']);
  }
  rows.push(['  total', ...msCells(s.total), '']);
  out.push(table(rows, ['l', 'r', 'r', 'r', 'r', 'l']));
  out.push('(wall-clock ms: median, min, max of the runs; CPU ms: median user + system time of the process, GC threads included)');
  out.push('');
  if (s.count) {
    out.push(
      `engine: ${int(s.count.cellCalls)} cell reads (${int(s.count.distinctCells)} distinct cells) → ${int(s.cellsPerSecond)} cells/s over the whole engine, ` +
        `${int(s.checkCellsPerSecond)} cells/s in checkWorkbook alone`,
    );
  }
  const r = s.result;
  out.push(
    `result: ${int(r.indicators)} indicators, ${int(r.points)} evaluated points + ${int(r.plannedTargets)} planned targets, ${int(r.budgets)} budgets, ` +
      `${int(r.findings)} findings, ${int(r.flags)} flagged cells; summary rows ${r.summaryRows.map(int).join(' / ')}` +
      (r.outBytes ? `; checked workbook ${mib(r.outBytes).toFixed(1)} MiB` : ''),
  );
  out.push(`findings by rule: ${Object.entries(r.rules).map(([k, v]) => `${k} ${int(v)}`).join(', ')}`);
  out.push('');
  const mem = [['peak RSS (MiB, median)', 'MiB', '× read only']];
  mem.push(['read only (ExcelJS load)', int(s.readOnly.maxRssMiB), '1.00']);
  mem.push(['pipeline, after read (+ mapping, engine modules)', int(s.mem.afterReadMiB), fixed(s.ratios.rssAfterRead)]);
  mem.push(['pipeline, read + engine', int(s.mem.afterEngineMiB), fixed(s.ratios.rssEngine)]);
  if (s.mem.afterWriteMiB !== null) mem.push(['pipeline, read + engine + write', int(s.mem.afterWriteMiB), fixed(s.ratios.rssWrite)]);
  out.push(table(mem, ['l', 'r', 'r']));
  out.push(
    `heap: loaded workbook retains ${s.readOnly.retainedHeapMiB === null ? '?' : int(s.readOnly.retainedHeapMiB)} MiB (after a full GC); ` +
      `the engine's results add ${int(s.mem.engineHeapMiB)} MiB of heap (no forced GC)`,
  );
  out.push('');
  out.push('bars');
  out.push(
    `  engine time / ExcelJS read time    ${int(s.engine.median)} / ${int(s.readOnly.load.median)} ms = ${fixed(s.ratios.engineToRead)}   (bar ≤ ${fixed(ENGINE_BAR)})   ${verdict(s.ratios.engineToRead <= ENGINE_BAR)}` +
      `   [on CPU time: ${int(s.engine.cpu)} / ${int(s.readOnly.load.cpu)} ms = ${fixed(s.ratios.engineToReadCpu)}]`,
  );
  out.push(
    `  (stricter) engine + flag plan / read   ${int(s.engineAndFlags.median)} / ${int(s.readOnly.load.median)} ms = ${fixed(s.ratios.engineAndFlagsToRead)}   (≤ ${fixed(ENGINE_BAR)}?)   ${verdict(s.ratios.engineAndFlagsToRead <= ENGINE_BAR)}`,
  );
  out.push(
    `  peak RSS read+engine / read only   ${int(s.mem.afterEngineMiB)} / ${int(s.readOnly.maxRssMiB)} MiB = ${fixed(s.ratios.rssEngine)}   (bar < ${fixed(MEMORY_BAR)})   ${verdict(s.ratios.rssEngine < MEMORY_BAR)}`,
  );
  if (s.ratios.rssWrite !== null) {
    out.push(`  (not a bar) peak RSS read+engine+write / read only   ${int(s.mem.afterWriteMiB)} / ${int(s.readOnly.maxRssMiB)} MiB = ${fixed(s.ratios.rssWrite)}`);
  }
  return out.join('\n');
}

function mergedReport(s, wb) {
  return [
    '',
    `variant with the names merged over both rows (as in the fixture): ${path.relative(ROOT, wb.file)}, 1 run, read + engine only (informational)`,
    `  ExcelJS load ${int(s.readOnly.load.median)} ms · pipeline read ${int(s.read.median)} ms · engine ${int(s.engine.median)} ms (checkWorkbook ${int(s.stages.checkWorkbook.median)}) → engine / read ${fixed(s.ratios.engineToRead)}`,
    `  peak RSS: read only ${int(s.readOnly.maxRssMiB)} MiB · read + engine ${int(s.mem.afterEngineMiB)} MiB → ${fixed(s.ratios.rssEngine)}`,
    `  (ExcelJS applies each of the ${int(INDICATORS)} merges on load with a check against every earlier one: quadratic, hence the slow load)`,
    '  bars on this workbook (the two-row layout as the prefecture writes it, names merged as in DOMAIN.md and the fixtures):',
    `    engine time / ExcelJS read time    ${int(s.engine.median)} / ${int(s.readOnly.load.median)} ms = ${fixed(s.ratios.engineToRead)}   (bar ≤ 0.20)   ${verdict(s.ratios.engineToRead <= ENGINE_BAR)}`,
    `    peak RSS read+engine / read only   ${int(s.mem.afterEngineMiB)} / ${int(s.readOnly.maxRssMiB)} MiB = ${fixed(s.ratios.rssEngine)}   (bar < 1.50)   ${verdict(s.ratios.rssEngine < MEMORY_BAR)}`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// RESULTS.md

function markdown(s, m, wb, wbMerged, env, hot) {
  const st = s.stages;
  const row = (label, r, note = '') => `| ${label} | ${int(r.median)} | ${int(r.min)}–${int(r.max)} | ${int(r.cpu)} | ${note} |`;
  const lines = [];
  lines.push('<!-- Written by `npm run bench` (bench/run.js). Paste into the README\'s performance section. -->');
  lines.push('### Performance');
  lines.push('');
  lines.push(
    `Generated workbook (\`bench/generate.js\`, seed ${SEED}): sheet 施策 with ${int(INDICATORS)} indicators × baseline + 5 years in the two-row layout ` +
      `(${int(INDICATORS * 2)} rows), sheet 事業計画 with ${int(BLOCKS)} budget blocks as in samples/jigyo-keikaku-r6.xlsx; ${mib(wb.meta.bytes).toFixed(1)} MiB. ` +
      `${env.node} on ${env.cpus} × ${env.cpu} (load average ${env.load} at the start); median of ${s.runs} runs, each in a fresh process (\`npm run bench\`, ${env.date}). ` +
      'Wall-clock ms (median and range); CPU ms is user + system time of the process, GC threads included.',
  );
  lines.push('');
  lines.push('| stage | median ms | range ms | CPU ms | note |');
  lines.push('|---|---:|---:|---:|---|');
  lines.push(row('**read only**: ExcelJS `xlsx.load(bytes)`', s.readOnly.load, 'reference for the bars'));
  lines.push(row('mapping: load + validate', st.mapping, ''));
  lines.push(row('read: `readInputFile` + `openWorkbook`', s.read, 'zip checks + ExcelJS load'));
  lines.push(row('**engine**', s.engine, `GC ${int(s.engineGcMs)} ms of it`));
  lines.push(row('  · `checkWorkbook` (parse, evaluate, validate)', st.checkWorkbook, ''));
  lines.push(row('  · `fileReport` (messages)', st.fileReport, ''));
  lines.push(row('  · `summaryModel`', st.summaryModel, ''));
  lines.push(row('*engine + `flagPlan`*', s.engineAndFlags, 'the stricter figure'));
  if (s.write) {
    lines.push(row('write', s.write, ''));
    lines.push(row('  · `flagPlan` (the flags of the checked workbook)', st.flagPlan, ''));
    lines.push(row('  · `applyFlags`', st.applyFlags, ''));
    lines.push(row('  · `addSummarySheets`', st.addSummarySheets, ''));
    lines.push(row('  · ExcelJS `writeBuffer`', st.writeBuffer, ''));
    lines.push(row('  · `writeFile`', st.writeFile, ''));
  }
  lines.push(row('total', s.total, ''));
  lines.push('');
  if (s.count) {
    lines.push(
      `The engine reads ${int(s.count.cellCalls)} cells: **${int(s.cellsPerSecond)} cells/s** over the whole engine, ${int(s.checkCellsPerSecond)} cells/s in \`checkWorkbook\` alone. ` +
        `It yields ${int(s.result.indicators)} indicators (${int(s.result.points)} evaluated points), ${int(s.result.budgets)} budgets and ${int(s.result.findings)} findings.`,
    );
    lines.push('');
  }
  lines.push('| peak RSS | MiB | × read only |');
  lines.push('|---|---:|---:|');
  lines.push(`| read only (ExcelJS load) | ${int(s.readOnly.maxRssMiB)} | 1.00 |`);
  lines.push(`| pipeline after read | ${int(s.mem.afterReadMiB)} | ${fixed(s.ratios.rssAfterRead)} |`);
  lines.push(`| pipeline read + engine | ${int(s.mem.afterEngineMiB)} | ${fixed(s.ratios.rssEngine)} |`);
  if (s.mem.afterWriteMiB !== null) lines.push(`| pipeline read + engine + write | ${int(s.mem.afterWriteMiB)} | ${fixed(s.ratios.rssWrite)} |`);
  lines.push('');
  lines.push('| bar | figure | verdict |');
  lines.push('|---|---:|---|');
  lines.push(`| engine time ≤ 0.20 × ExcelJS read time | ${fixed(s.ratios.engineToRead)} (CPU time: ${fixed(s.ratios.engineToReadCpu)}) | ${verdict(s.ratios.engineToRead <= ENGINE_BAR)} |`);
  lines.push(`| *(stricter)* the same with the flag plan | ${fixed(s.ratios.engineAndFlagsToRead)} | ${verdict(s.ratios.engineAndFlagsToRead <= ENGINE_BAR)} |`);
  lines.push(`| peak RSS (read + engine) < 1.5 × read only | ${fixed(s.ratios.rssEngine)} | ${verdict(s.ratios.rssEngine < MEMORY_BAR)} |`);
  if (s.ratios.rssWrite !== null) lines.push(`| *(not a bar)* peak RSS read + engine + write ÷ read only | ${fixed(s.ratios.rssWrite)} | — |`);
  lines.push('');
  lines.push(
    '*The benchmark workbook has no merged cells: ExcelJS applies each merged area on load with a check against every earlier one, so with the ' +
      `indicator names merged over their two rows (as in the fixtures) its load is quadratic in the number of merges` +
      (m
        ? ` — ${int(m.readOnly.load.median)} ms instead of ${int(s.readOnly.load.median)} ms here (\`${path.relative(ROOT, wbMerged.file)}\`, 1 run: engine ${int(m.engine.median)} ms → ${fixed(m.ratios.engineToRead)} of the read; peak RSS read + engine ${fixed(m.ratios.rssEngine)} × read only).*`
        : '.*'),
  );
  if (m) {
    lines.push('');
    lines.push('The same bars on the workbook with the names merged over their two rows, as DOMAIN.md describes the two-row layout and as the fixtures have it (1 run):');
    lines.push('');
    lines.push('| bar | figure | verdict |');
    lines.push('|---|---:|---|');
    lines.push(`| engine time ≤ 0.20 × ExcelJS read time | ${int(m.engine.median)} / ${int(m.readOnly.load.median)} ms = ${fixed(m.ratios.engineToRead)} | ${verdict(m.ratios.engineToRead <= ENGINE_BAR)} |`);
    lines.push(`| peak RSS (read + engine) < 1.5 × read only | ${int(m.mem.afterEngineMiB)} / ${int(m.readOnly.maxRssMiB)} MiB = ${fixed(m.ratios.rssEngine)} | ${verdict(m.ratios.rssEngine < MEMORY_BAR)} |`);
  }
  if (hot) {
    lines.push('');
    lines.push('Engine hot spots (CPU profile, self time):');
    lines.push('');
    lines.push('| ms | % | function |');
    lines.push('|---:|---:|---|');
    for (const h of hot.self.slice(0, 15)) lines.push(`| ${int(h.ms)} | ${h.pct.toFixed(1)} | \`${h.fn}\` |`);
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(ROOT, 'dist', 'core', 'index.js')) || !fs.existsSync(path.join(ROOT, 'dist', 'xlsx', 'writeChecked.js'))) {
    console.error('dist/ is missing: run `npm run build:cli` first (npm run bench does).');
    process.exit(1);
  }
  fs.mkdirSync(CACHE, { recursive: true });
  const env = {
    node: `Node ${process.version}`,
    cpus: os.cpus().length,
    cpu: (os.cpus()[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').trim(),
    load: os.loadavg().map((x) => x.toFixed(1)).join(' '),
    date: new Date().toISOString().slice(0, 10),
  };
  const started = Date.now();
  const wb = await ensureWorkbook('bench', false, opts.regen);
  const wbMerged = opts.quick ? null : await ensureWorkbook('bench-merged', true, opts.regen);

  const reads = [];
  const pipes = [];
  for (let i = 0; i < opts.runs; i++) {
    process.stdout.write(`run ${i + 1}/${opts.runs}: read only … `);
    const r = readOnly(wb);
    reads.push(r);
    process.stdout.write(`${secs(r.readMs)}, ${int(kibToMiB(r.end.maxRssKiB))} MiB · pipeline … `);
    const p = pipeline(wb, false);
    pipes.push(p);
    console.log(`engine ${secs(total(p.stages, ENGINE))}, write ${secs(total(p.stages, WRITE))}, ${int(kibToMiB(p.mem.afterEngine.maxRssKiB))} / ${int(kibToMiB(p.mem.afterWrite.maxRssKiB))} MiB`);
  }
  process.stdout.write('counting the cells the engine reads … ');
  const count = child(['count', wb.file, wb.mapping]);
  console.log(int(count.cellCalls));
  const s = summarize(reads, pipes, count);

  let m = null;
  if (wbMerged) {
    process.stdout.write('merged variant: read only … ');
    const r = readOnly(wbMerged);
    process.stdout.write(`${secs(r.readMs)} · pipeline (read + engine) … `);
    const p = pipeline(wbMerged, true);
    console.log(`engine ${secs(total(p.stages, ENGINE))}`);
    m = summarize([r], [p], null);
  }

  let hot = null;
  // Where the engine's time goes: profiled when it misses its bar (or when asked).
  if (opts.profile === true || (opts.profile === null && s.ratios.engineToRead > ENGINE_BAR)) {
    process.stdout.write('profiling the engine … ');
    hot = child(['profile', wb.file, wb.mapping, path.join(CACHE, 'engine.cpuprofile')], ['--enable-source-maps']);
    console.log(`${secs(hot.engineMs)} under the profiler → ${path.relative(ROOT, hot.file)}`);
  }

  console.log(textReport(s, wb, env));
  if (m) console.log(mergedReport(m, wbMerged));
  if (hot) {
    console.log('');
    console.log('engine hot spots (CPU profile of the engine stage; self time, then inclusive time)');
    console.log(table([['ms', '%', 'self'], ...hot.self.slice(0, 20).map((h) => [int(h.ms), h.pct.toFixed(1), h.fn])], ['r', 'r', 'l']));
    console.log('');
    console.log(table([['ms', '%', 'inclusive'], ...hot.inclusive.filter((h) => !/^\(root\)|bench\/stage\.js/.test(h.fn)).slice(0, 30).map((h) => [int(h.ms), h.pct.toFixed(1), h.fn])], ['r', 'r', 'l']));
  }
  console.log('');
  console.log(`(benchmark took ${secs(Date.now() - started)}; figures vary with the machine's load — compare ratios, not milliseconds)`);

  if (opts.results) {
    fs.writeFileSync(path.join(__dirname, 'RESULTS.md'), markdown(s, m, wb, wbMerged, env, hot));
    console.log('figures written to bench/RESULTS.md');
  }

  // The other benchmarks, each in its own process, each appending its markdown section to RESULTS.md.
  const sections = [
    { on: opts.addin, script: 'addin.js', what: 'add-in figures (round trips on the in-memory Excel host, the bundle)' },
    { on: opts.functions, script: 'functions.js', what: 'formula figures (TASSEI.RATIO in HyperFormula)' },
    { on: opts.detection, script: 'detection.js', what: 'detection figures (precision, recall, cost)' },
    { on: opts.batch, script: 'batch.js', what: 'many-files figures (200 submissions, --jobs 1 and 2)' },
  ];
  for (const sec of sections.filter((x) => x.on)) {
    console.log('');
    const file = path.join(CACHE, `${path.basename(sec.script, '.js')}-results.md`);
    fs.rmSync(file, { force: true });
    const run = spawnSync(process.execPath, [path.join(__dirname, sec.script), '--markdown', file], { cwd: ROOT, stdio: 'inherit' });
    if (run.status !== 0) {
      console.error(`bench/${sec.script} could not measure everything (see above)`);
      process.exitCode = 1;
    }
    if (opts.results && fs.existsSync(file)) {
      fs.appendFileSync(path.join(__dirname, 'RESULTS.md'), `\n${fs.readFileSync(file, 'utf8')}`);
      console.log(`${sec.what} appended to bench/RESULTS.md`);
    }
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
