#!/usr/bin/env node
/**
 * One measurement, in a fresh process (bench/run.js starts one per run, so that each peak RSS is that stage's own).
 *
 *   node bench/stage.js read     <xlsx>                    ExcelJS workbook.xlsx.load(bytes) alone
 *   node bench/stage.js pipeline <xlsx> <mapping> <out> [--no-write]   what `tassei check --out` does, stage by stage
 *   node bench/stage.js count    <xlsx> <mapping>          cells the engine reads (a counting grid; not timed)
 *   node bench/stage.js profile  <xlsx> <mapping> <cpuprofile>  CPU profile of the engine stage (and of the flag plan)
 *
 * Prints one line `BENCH <json>` on stdout. Requires the compiled CLI (npm run build:cli → dist/).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const DIST = path.join(__dirname, '..', 'dist');

function emit(result) {
  process.stdout.write(`BENCH ${JSON.stringify(result)}\n`);
}

/** Peak resident set size of this process so far, in KiB (getrusage ru_maxrss). */
function maxRssKiB() {
  return process.resourceUsage().maxRSS;
}

function memory() {
  const m = process.memoryUsage();
  return { maxRssKiB: maxRssKiB(), rssKiB: Math.round(m.rss / 1024), heapUsedKiB: Math.round(m.heapUsed / 1024), externalKiB: Math.round((m.external + m.arrayBuffers) / 1024) };
}

/** Stage windows, for attributing garbage collections to stages. */
const windows = [];

/** CPU time of the stage (user + system, all threads of the process: GC helper threads included), in ms. */
const cpu = {};

async function timed(fn, name) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const t1 = performance.now();
  const c = process.cpuUsage(c0);
  if (name) {
    windows.push({ name, start: t0, end: t1 });
    cpu[name] = (c.user + c.system) / 1000;
  }
  return { value, ms: t1 - t0, cpuMs: (c.user + c.system) / 1000 };
}

/** Garbage collections seen by a PerformanceObserver (does not change what V8 does). */
function gcRecorder() {
  const { PerformanceObserver } = require('node:perf_hooks');
  const entries = [];
  const obs = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  obs.observe({ entryTypes: ['gc'] });
  return {
    /** Per stage: number of collections and their total pause, in ms (major = mark-compact). */
    async byStage() {
      await new Promise((r) => setTimeout(r, 100)); // entries are delivered late
      obs.disconnect();
      const out = {};
      for (const w of windows) out[w.name] = { count: 0, ms: 0, major: 0 };
      for (const e of entries) {
        const w = windows.find((x) => e.startTime >= x.start && e.startTime < x.end);
        if (!w) continue;
        const o = out[w.name];
        o.count++;
        o.ms += e.duration;
        const kind = e.detail ? e.detail.kind : e.kind;
        if (kind === 4 /* NODE_PERFORMANCE_GC_MAJOR */) o.major++;
      }
      return out;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------

async function readOnly(xlsx) {
  const ExcelJS = require('exceljs');
  const bytes = fs.readFileSync(xlsx);
  const gc = gcRecorder();
  const start = memory();
  const wb = new ExcelJS.Workbook();
  const load = await timed(() => wb.xlsx.load(bytes), 'load');
  const end = memory();
  const gcByStage = await gc.byStage();
  // What the loaded workbook keeps, after a full collection (the peak above is measured before it).
  let retainedHeapKiB = null;
  if (typeof global.gc === 'function') {
    global.gc();
    retainedHeapKiB = Math.round(process.memoryUsage().heapUsed / 1024);
  }
  const rows = wb.worksheets.reduce((n, ws) => n + ws.actualRowCount, 0);
  return { mode: 'read', bytes: bytes.length, sheets: wb.worksheets.length, rows, readMs: load.ms, readCpuMs: load.cpuMs, start, end, retainedHeapKiB, gc: gcByStage };
}

function loadDist() {
  return {
    core: require(path.join(DIST, 'core')),
    xlsx: require(path.join(DIST, 'xlsx')),
    write: require(path.join(DIST, 'xlsx', 'writeChecked')),
    readFile: require(path.join(DIST, 'cli', 'readFile')),
    mappingFile: require(path.join(DIST, 'cli', 'mappingFile')),
  };
}

/** The steps of src/cli/check.ts checkOne(), each timed. No forced GC anywhere: the peak is what the CLI would see. */
async function pipeline(xlsx, mappingPath, outFile, noWrite) {
  const { core, xlsx: xl, write, readFile, mappingFile } = loadDist();
  const lang = 'ja';
  const t = core.translator(lang);
  const stages = {};
  const gc = gcRecorder();
  const mem = { start: memory() };

  const mapping = await timed(() => mappingFile.loadMapping(mappingPath), 'mapping');
  if (!mapping.value.ok) throw new Error(`mapping: ${JSON.stringify(mapping.value.issues ?? mapping.value.message)}`);
  stages.mapping = mapping.ms;

  const input = await timed(() => readFile.readInputFile(xlsx), 'readFile');
  if (!input.value.ok) throw new Error(`read: ${JSON.stringify(input.value.error)}`);
  stages.readFile = input.ms;
  const opened = await timed(() => xl.openWorkbook(input.value.bytes), 'open');
  if (!opened.value.ok) throw new Error(`open: ${JSON.stringify(opened.value.error)}`);
  stages.open = opened.ms;
  mem.afterRead = memory();

  const workbook = opened.value.workbook;
  const check = await timed(() => core.checkWorkbook(xl.workbookGrid(workbook), mapping.value.mapping, {}), 'checkWorkbook');
  stages.checkWorkbook = check.ms;
  const result = check.value;
  const report = await timed(() => core.fileReport(xlsx, result, lang), 'fileReport');
  stages.fileReport = report.ms;
  // The summary rows are made on demand (the writer streams them): every row is made here, so that their cost
  // counts in the engine, but none is kept.
  const summary = await timed(() => consumeSummary(core.summaryModel(result, report.value.findings, lang)), 'summaryModel');
  stages.summaryModel = summary.ms;
  mem.afterEngine = memory();
  // The plan of the flags the checked workbook gets (only `--out` makes one): part of writing, as the issue divides
  // the stages. Its flags too are made as they are read: each is made here once, so that its cost is seen.
  const flags = await timed(() => consumeFlags(core.flagPlan(result, report.value.findings, lang)), 'flagPlan');
  stages.flagPlan = flags.ms;

  let outBytes = null;
  let flagged = null;
  if (!noWrite) {
  const applied = await timed(() => write.applyFlags(workbook, flags.value, { noteHeader: t('note.header') }), 'applyFlags');
  stages.applyFlags = applied.ms;
  const added = await timed(() => write.addSummarySheets(workbook, summary.value), 'addSummarySheets');
  stages.addSummarySheets = added.ms;
  const buffer = await timed(() => workbook.xlsx.writeBuffer(), 'writeBuffer');
  stages.writeBuffer = buffer.ms;
  const saved = await timed(() => fs.promises.writeFile(outFile, new Uint8Array(buffer.value)), 'writeFile');
  stages.writeFile = saved.ms;
  mem.afterWrite = memory();
  outBytes = buffer.value.byteLength;
  flagged = applied.value;
  }

  const rules = {};
  for (const f of report.value.findings) rules[f.rule] = (rules[f.rule] ?? 0) + 1;
  return {
    mode: 'pipeline',
    stages,
    cpu,
    mem,
    result: {
      indicators: result.indicators.length,
      points: result.indicators.reduce((n, i) => n + i.points.length, 0),
      plannedTargets: result.indicators.reduce((n, i) => n + i.plannedTargets.length, 0),
      budgets: result.budgets.length,
      findings: report.value.findings.length,
      rules,
      flags: flags.value.length,
      summaryRows: summary.value.sheets.map((s) => s.rowCount),
      outBytes,
      flagged,
    },
    gc: await gc.byStage(),
  };
}

/** A grid that counts the cells the engine asks for: every call, and distinct cells. */
function countingGrid(grid) {
  const counter = { calls: 0, distinct: new Set() };
  const sheets = grid.sheets.map((sheet, index) =>
    new Proxy(sheet, {
      get(target, prop) {
        if (prop === 'cell') {
          return (row, col) => {
            counter.calls++;
            counter.distinct.add(index * 2 ** 36 + row * 2 ** 15 + col);
            return target.cell(row, col);
          };
        }
        const v = target[prop];
        return typeof v === 'function' ? v.bind(target) : v;
      },
    }),
  );
  const byName = new Map(grid.sheets.map((s, i) => [s, sheets[i]]));
  return {
    counter,
    grid: { sheets, sheet: (name) => byName.get(grid.sheet(name)) },
  };
}

async function count(xlsx, mappingPath) {
  const { core, xlsx: xl, readFile, mappingFile } = loadDist();
  const mapping = await mappingFile.loadMapping(mappingPath);
  const input = await readFile.readInputFile(xlsx);
  const opened = await xl.openWorkbook(input.bytes);
  const { counter, grid } = countingGrid(xl.workbookGrid(opened.workbook));
  const result = core.checkWorkbook(grid, mapping.mapping, {});
  return { mode: 'count', cellCalls: counter.calls, distinctCells: counter.distinct.size, indicators: result.indicators.length, budgets: result.budgets.length };
}

// ---------------------------------------------------------------------------------------------------------------
// CPU profile of the engine stage (inspector, in process: only the engine's samples are recorded)

function post(session, method, params) {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
}

async function profile(xlsx, mappingPath, out) {
  const inspector = require('node:inspector');
  const { core, xlsx: xl, readFile, mappingFile } = loadDist();
  const lang = 'ja';
  const mapping = await mappingFile.loadMapping(mappingPath);
  const input = await readFile.readInputFile(xlsx);
  const opened = await xl.openWorkbook(input.bytes);

  const session = new inspector.Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 200 });
  await post(session, 'Profiler.start');
  const t0 = performance.now();
  const stages = {};
  let t = performance.now();
  const result = core.checkWorkbook(xl.workbookGrid(opened.workbook), mapping.mapping, {});
  stages.checkWorkbook = performance.now() - t;
  t = performance.now();
  const report = core.fileReport(xlsx, result, lang);
  stages.fileReport = performance.now() - t;
  t = performance.now();
  consumeSummary(core.summaryModel(result, report.findings, lang));
  stages.summaryModel = performance.now() - t;
  const engineMs = performance.now() - t0;
  t = performance.now();
  consumeFlags(core.flagPlan(result, report.findings, lang));
  stages.flagPlan = performance.now() - t;
  const { profile: prof } = await post(session, 'Profiler.stop');
  session.disconnect();
  fs.writeFileSync(out, JSON.stringify(prof));
  return { mode: 'profile', engineMs, stages, file: out, ...summarizeProfile(prof) };
}

/** Self and inclusive time per function (name + file:line), from a V8 CPU profile. */
function summarizeProfile(prof) {
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const selfSamples = new Map();
  for (const id of prof.samples) selfSamples.set(id, (selfSamples.get(id) ?? 0) + 1);
  const total = prof.samples.length;
  const msPerSample = (prof.endTime - prof.startTime) / 1000 / Math.max(1, total);
  const root = path.join(__dirname, '..');
  // dist/ → src/ positions through the compiled source maps (the child runs with --enable-source-maps).
  const { findSourceMap } = require('node:module');
  const where = (f) => {
    const file = f.url ? f.url.replace(/^file:\/\//, '') : '';
    if (!file) return '';
    if (file.includes('/dist/') && typeof findSourceMap === 'function') {
      try {
        const e = findSourceMap(file)?.findEntry(f.lineNumber, f.columnNumber);
        if (e && e.originalSource) return `${path.relative(root, e.originalSource.replace(/^file:\/\//, ''))}:${e.originalLine + 1}`;
      } catch {
        // fall through to the compiled position
      }
    }
    return `${path.relative(root, file)}:${f.lineNumber + 1}`;
  };
  const keyOf = (n) => {
    const f = n.callFrame;
    const at = where(f);
    return `${f.functionName || '(anonymous)'}${at ? ` ${at}` : ''}`;
  };
  const self = new Map();
  for (const [id, n] of selfSamples) {
    const k = keyOf(byId.get(id));
    self.set(k, (self.get(k) ?? 0) + n);
  }
  // Inclusive: samples under each node, counting a function once per stack.
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map();
  for (const [id, n] of selfSamples) {
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const k = keyOf(byId.get(cur));
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + n);
    }
  }
  const top = (m, n) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([fn, s]) => ({ fn, ms: Math.round(s * msPerSample * 10) / 10, pct: Math.round((1000 * s) / total) / 10 }));
  return { samples: total, self: top(self, 30), inclusive: top(incl, 45) };
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const [mode, ...args] = process.argv.slice(2);
  let result;
  if (mode === 'read') result = await readOnly(args[0]);
  else if (mode === 'pipeline') result = await pipeline(args[0], args[1], args[2], args[3] === '--no-write');
  else if (mode === 'count') result = await count(args[0], args[1]);
  else if (mode === 'profile') result = await profile(args[0], args[1], args[2]);
  else throw new Error(`unknown mode: ${mode}`);
  result.finalMaxRssKiB = maxRssKiB();
  result.node = process.version;
  emit(result);
}

main().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});

/** Makes every flag of the plan once (as the writer will) and returns the plan. */
function consumeFlags(plan) {
  let notes = 0;
  for (const flag of plan) notes += flag.note.length;
  if (notes < 0) throw new Error('unreachable');
  return plan;
}

/** Makes every row of every summary sheet once (as the writer will) and returns the model. */
function consumeSummary(model) {
  let cells = 0;
  for (const sheet of model.sheets) for (const row of sheet.rows()) cells += row.length;
  if (cells < 0) throw new Error('unreachable');
  return model;
}
