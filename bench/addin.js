#!/usr/bin/env node
/**
 * The add-in's benchmark (run by `npm run bench` after the command line's, or alone: `node bench/addin.js`).
 *
 * 1. Round trips. For 10, 1,000 and 10,000 indicator rows (two-row layout, bench/addin/workbook.js), on a fresh
 *    in-memory Excel host (src/excelHost, Excel on the web: 5 MB request and response limits) per size, the
 *    Office.js adapter (src/excel/connector.ts) does a full check: readWorkbook → checkWorkbook + fileReport
 *    (src/core) → applyFlags(flagPlan(…)) → writeSummary(summaryModel(…)) → clearFlags. Counted per step: the
 *    context.sync calls (host.stats) and the largest request and response of any sync.
 *    Bars (the issue): ≤ 3 syncs to read, ≤ 3 to write the flags, ≤ 3 for the summary sheets (and ≤ 3 to clear
 *    them, as the tests ask), whatever the size; no request or response over 5 MB (the host refuses it, as Excel
 *    does). When a step misses a bar, the commands of its syncs are broken down by kind (bytes they put in the
 *    request and the response), to show what would need batching. Two more runs help read the figures:
 *      - the same read on a host at ExcelApi 1.12 (no merged areas): when the real read fails, its grid stands in
 *        so that the write steps are still measured; otherwise the two reports are compared;
 *      - when a step was refused, the same size on a host without the 5 MB limits (a diagnostic, never a bar):
 *        what each step would send, and what the clear step costs after flags that went through.
 *    Sanity checks on the way: user values never change, clearing puts back every fill and note.
 *    KB = 1,024 bytes (request and response sizes); kB = 1,000 bytes (the bundle, as size-limit counts).
 * 2. Bundle. A production build of the add-in (webpack.config.js, only=addin, into bench/.cache/addin-build so
 *    that dist/addin is left alone) and the measurement of scripts/size.js / size-limit: the gzipped (level 9)
 *    sizes of the files the task pane's page loads at start, summed, against .size-limit.json's limit (350 kB).
 *    Whether @microsoft/office-js-helpers is in that initial JavaScript (its modules in the initial chunks; the
 *    string 'OfficeHelpers' in taskpane.js) and what it costs there: gzip of its office.helpers.min.js, and the
 *    difference a build without it makes.
 *
 * The TypeScript sources (src/core, src/excel, src/excelHost) run through a require hook that transpiles them with
 * typescript's transpileModule (no type check; `npm test` does that).
 *
 * Options: --sizes 10,1000,10000 · --no-bundle · --bundle-only · --markdown FILE (write the RESULTS.md section
 * there) · --json FILE (the figures as JSON). Exits 0 whatever the verdicts; 1 when something could not be measured.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const ROOT = path.join(__dirname, '..');
const CACHE = path.join(__dirname, '.cache');
const BUILD_DIR = path.join(CACHE, 'addin-build');
const MB = 1024 * 1024;
const SYNC_BAR = 3;
const NOTE_HEADER = '【Tassei】';

// ---------------------------------------------------------------------------------------------------------------
// TypeScript sources through a require hook

function registerTypeScript() {
  const ts = require('typescript');
  const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, jsx: ts.JsxEmit.ReactJSX, esModuleInterop: true };
  const compile = (module, filename) => {
    const source = fs.readFileSync(filename, 'utf8');
    const out = ts.transpileModule(source, { compilerOptions, fileName: filename, reportDiagnostics: false });
    module._compile(out.outputText, filename);
  };
  require.extensions['.ts'] = compile;
  require.extensions['.tsx'] = compile;
}

// ---------------------------------------------------------------------------------------------------------------
// Formatting

const int = (n) => Math.round(n).toLocaleString('en-US');
const kb = (bytes) => (bytes / 1024).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');

function table(rows, align) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (align[i] === 'r' ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Instrumentation: what each command puts in a sync's request and response (bench only; the host is unchanged)

/**
 * Wraps HostRequestContext.prototype.sync so that each sync record gets a breakdown of its commands by kind
 * ("Range.load(values,numberFormat,…)", "RangeFill.color =", "NoteCollection.add()"…): count, request bytes (the
 * command's JSON as the host sends it), response bytes (what the command answered).
 */
function instrumentHost(src) {
  const { HostRequestContext } = require(path.join(src, 'excelHost/runtime/context'));
  const { HostClientObject } = require(path.join(src, 'excelHost/runtime/clientObject'));
  const { jsonLength } = require(path.join(src, 'excelHost/runtime/payload'));
  const replacer = (_k, v) => (v instanceof HostClientObject ? { _ObjectPath: v._path } : v);
  const breakdowns = new WeakMap();
  const original = HostRequestContext.prototype.sync;
  HostRequestContext.prototype.sync = function sync(passThrough) {
    const batch = this.pending;
    const kinds = new Map();
    if (Array.isArray(batch)) {
      batch.forEach((c, i) => {
        const type = c.target ? c.target._typeName : 'context';
        const key =
          c.action === 'set' ? `${type}.${c.name} =` : c.action === 'load' ? `${type}.load(${[].concat(c.args[0]).join(',')})` : c.action === 'instantiate' ? `${type} (…OrNullObject)` : `${type}.${c.name}()`;
        let k = kinds.get(key);
        if (!k) kinds.set(key, (k = { kind: key, count: 0, requestBytes: 0, responseBytes: 0, pathBytes: 0 }));
        k.count++;
        k.requestBytes += jsonLength({ Id: i + 1, ActionType: c.action, ObjectPath: c.target ? c.target._path : null, Name: c.name, Args: c.args }, replacer) + 1;
        k.pathBytes += c.target ? jsonLength(c.target._path) : 0;
        // setCellProperties: what its cells carry (links, formats, empty cells that only fill the 2D array).
        if (c.name === 'setCellProperties' && Array.isArray(c.args[0])) {
          k.parts ??= { hyperlink: 0, format: 0, empty: 0, cells: 0 };
          for (const row of c.args[0]) {
            for (const p of row) {
              k.parts.cells++;
              if (p && p.hyperlink) k.parts.hyperlink += jsonLength(p.hyperlink) + 13;
              if (p && p.format) k.parts.format += jsonLength(p.format) + 10;
              if (!p || (!p.hyperlink && !p.format)) k.parts.empty += jsonLength(p ?? {}) + 1;
            }
          }
        }
        // Values written as a 2D array of one repeated value per column (number formats): how much repeats.
        if (c.action === 'set' && (c.name === 'numberFormat' || c.name === 'values') && Array.isArray(c.args[0])) k.cells = (k.cells ?? 0) + c.args[0].reduce((n, r) => n + r.length, 0);
        const run = c.run;
        c.run = (exec) => {
          const r = run(exec);
          if (r) k.responseBytes += jsonLength(r.json) + 1;
          return r;
        };
      });
    }
    const stats = this._runtime.stats;
    const before = stats.syncs.length;
    const promise = original.call(this, passThrough);
    if (stats.syncs.length > before) breakdowns.set(stats.syncs[stats.syncs.length - 1], [...kinds.values()]);
    return promise;
  };
  return (record) => breakdowns.get(record) ?? [];
}

// ---------------------------------------------------------------------------------------------------------------
// Round trips

/** Fills and notes of every cell of the user's sheets (what clearing the flags must put back). */
function looks(model, sheets, fillOf) {
  const out = [];
  for (const s of model.sheets) {
    if (!sheets.includes(s.name)) continue;
    // Fills as Excel reports them ({ color } and { color, pattern: 'Solid', tintAndShade: 0 } are the same fill).
    for (const [r, line] of s.cells) for (const [c, cell] of line) if (cell.fill || cell.note) out.push(`${s.name}!${r},${c}=${JSON.stringify([cell.fill ? fillOf(cell.fill) : null, cell.note ?? null])}`);
  }
  return out.sort().join('\n');
}

/** Values and formulas of the user's sheets (what the add-in must never change). */
function values(model, sheets) {
  const out = [];
  for (const s of model.sheets) {
    if (!sheets.includes(s.name)) continue;
    for (const [r, line] of s.cells) for (const [c, cell] of line) if (cell.value !== undefined || cell.formula !== undefined) out.push(`${r},${c}=${JSON.stringify([cell.value, cell.formula])}`);
  }
  return out.sort().join('\n');
}

/** One step on a host: its syncs (with the breakdown of their commands), time, largest request and response, error. */
async function runStep(host, breakdownOf, fn) {
  host.stats.reset();
  const t0 = process.hrtime.bigint();
  let value = null;
  let error = null;
  try {
    value = await fn();
  } catch (e) {
    error = e;
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const syncs = host.stats.syncs.map((r) => ({ requestBytes: r.requestBytes, responseBytes: r.responseBytes, commands: r.commands, error: r.error ?? null, kinds: breakdownOf(r) }));
  const record = {
    ms,
    syncs,
    syncCount: syncs.length,
    maxRequest: Math.max(0, ...syncs.map((s) => s.requestBytes)),
    maxResponse: Math.max(0, ...syncs.map((s) => s.responseBytes)),
    error: error ? describeError(error) : null,
    errorCode: error ? (error.officeCode ?? error.code ?? error.name ?? 'Error') : null,
  };
  return { value, record };
}

/** The engine's findings and figures, as JSON (to compare two reads). */
function reportKey(core, grid, mapping) {
  const report = core.fileReport('x', core.checkWorkbook(grid, mapping));
  return JSON.stringify([report.indicators, report.budgets, report.findings]);
}

async function measureSize(rows, mods, breakdownOf, hostOptions = {}) {
  const { core, connectorMod, hostMod, formatMod, workbook } = mods;
  const fillOf = formatMod.fillProperties;
  const built = workbook.indicatorWorkbook(rows);
  const parsed = core.parseMapping(built.mapping);
  if (!parsed.ok) throw new Error(`generated mapping is invalid: ${JSON.stringify(parsed.issues).slice(0, 500)}`);
  const mapping = parsed.mapping;
  const host = hostMod.createExcelHost(hostMod.workbookModel(built.spec), hostOptions);
  const connector = new connectorMod.ExcelConnector(host.Excel, host.Office.context.requirements);
  const userSheets = host.model.sheets.map((s) => s.name);
  const before = { looks: looks(host.model, userSheets, fillOf), values: values(host.model, userSheets) };

  const steps = {};
  const step = async (name, fn) => {
    const { value, record } = await runStep(host, breakdownOf, fn);
    steps[name] = record;
    return value;
  };

  const read = await step('read', () => connector.readWorkbook(mapping));
  // The same read on a host without merged areas (ExcelApi 1.12: the connector then skips
  // getMergedAreasOrNullObject). When the real read fails, its grid stands in, so that the write steps are still
  // measured; when both succeed, their reports are compared (the two-row layout reads names from the top-left
  // cell of each merge, so they should agree).
  const altHost = hostMod.createExcelHost(hostMod.workbookModel(built.spec), { ...hostOptions, requirementSets: { ExcelApi: '1.12' } });
  const altConnector = new connectorMod.ExcelConnector(altHost.Excel, altHost.Office.context.requirements);
  const alt = await runStep(altHost, breakdownOf, () => altConnector.readWorkbook(mapping));
  const withoutMerges = { ...alt.record, usedForEngine: !read && !!alt.value, sameReport: read && alt.value ? reportKey(core, read.grid, mapping) === reportKey(core, alt.value.grid, mapping) : null };
  const grid = read ? read.grid : alt.value ? alt.value.grid : null;

  let engine = null;
  let flags = null;
  let model = null;
  if (grid) {
    const t0 = process.hrtime.bigint();
    const result = core.checkWorkbook(grid, mapping);
    const report = core.fileReport('bench-addin', result);
    flags = core.flagPlan(result, report.findings);
    model = core.summaryModel(result, report.findings);
    engine = {
      ms: Number(process.hrtime.bigint() - t0) / 1e6,
      indicators: result.indicators.length,
      points: result.indicators.reduce((n, i) => n + i.points.length, 0),
      findings: report.findings.length,
      flaggedCells: flags.length,
      notes: [...flags].filter((f) => f.note.length > 0).length, // the plan is made as it is read (an iterable)
      summaryRows: model.sheets.map((s) => [...s.rows()].length),
    };
  }
  const applied = flags ? await step('flags', () => connector.applyFlags(flags, NOTE_HEADER)) : null;
  const flaggedLooks = looks(host.model, userSheets, fillOf);
  const names = model ? await step('summary', () => connector.writeSummary(model)) : null;
  const cleared = await step('clear', () => connector.clearFlags());
  const after = { looks: looks(host.model, userSheets, fillOf), values: values(host.model, userSheets) };
  return {
    rows,
    indicators: built.stats.indicators,
    cells: [...host.model.sheets[0].cells.values()].reduce((n, l) => n + l.size, 0),
    merges: host.model.sheets[0].merges.length,
    workbookStats: built.stats,
    engine,
    steps,
    withoutMerges,
    applied,
    summarySheets: names,
    cleared,
    checks: {
      flagsChangedLooks: applied ? flaggedLooks !== before.looks : null,
      clearRestoredLooks: cleared && cleared.cells > 0 ? after.looks === before.looks : null,
      valuesUntouched: after.values === before.values,
    },
  };
}

function describeError(e) {
  if (e && typeof e === 'object') {
    // AddinError (src/excel/errors.ts): our key, Office's code, Excel's message.
    if (e.name === 'AddinError') return `${e.officeCode ?? e.key}: ${e.params && e.params.message ? e.params.message : e.message}`.slice(0, 300);
    return `${e.code ?? e.name ?? 'Error'}: ${e.message ?? String(e)}`.slice(0, 300);
  }
  return String(e);
}

const STEP_NAMES = [
  ['read', 'read'],
  ['flags', 'flags'],
  ['summary', 'summary'],
  ['clear', 'clear'],
];

function barsOf(r, limits) {
  const all = Object.values(r.steps).flatMap((s) => s.syncs);
  const maxRequest = Math.max(0, ...all.map((s) => s.requestBytes));
  const maxResponse = Math.max(0, ...all.map((s) => s.responseBytes));
  const bars = {};
  for (const [key] of STEP_NAMES) {
    const s = r.steps[key];
    bars[key] = s ? s.syncCount <= SYNC_BAR && !s.error : false;
  }
  bars.request = maxRequest <= limits.request;
  bars.response = maxResponse <= limits.response;
  return { bars, maxRequest, maxResponse };
}

/** "2 PASS", "6 FAIL", "2 (GeneralException) FAIL"; a clear after flags that failed had nothing to do: n/a. */
function syncsCell(r, key) {
  const s = r.steps[key];
  if (!s) return '—';
  if (key === 'clear' && r.steps.flags && r.steps.flags.error && !(r.cleared && r.cleared.cells > 0)) return `${s.syncCount} (nothing flagged) n/a`;
  return `${s.syncCount}${s.errorCode ? ` (${s.errorCode})` : ''} ${verdict(s.syncCount <= SYNC_BAR && !s.error)}`;
}

/** Why steps missed their bars, in words, from what the host recorded. */
function causes(r, limits) {
  const out = [];
  const read = r.steps.read;
  if (read && read.errorCode === 'GeneralException' && r.merges > 512 && read.syncs.some((x) => x.kinds.some((k) => k.kind.startsWith('RangeAreas')))) {
    out.push(
      `read: the sync with getMergedAreasOrNullObject() over the table (${int(r.merges)} merged areas: every indicator name is merged over its two rows) fails — Excel returns no result above 512 merged areas in the range (documented on Range.getMergedAreasOrNullObject). ` +
        `Not a size problem: the same read without merged areas takes ${r.withoutMerges.syncCount} syncs, largest response ${kb(r.withoutMerges.maxResponse)} KB.`,
    );
  } else if (read && read.error) out.push(`read: ${read.error}`);
  for (const key of ['flags', 'summary', 'clear']) {
    const s = r.steps[key];
    if (!s) continue;
    const u = r.unlimited && r.unlimited.steps[key];
    if (s.error) {
      out.push(`${key}: ${s.errorCode}${u ? `; without the 5 MB limits it would take ${u.syncCount} syncs of ${u.syncs.map((x) => kb(x.requestBytes)).join(' + ')} KB (largest response ${kb(u.maxResponse)} KB)` : ''}`);
    } else if (s.syncCount > SYNC_BAR) {
      const total = s.syncs.reduce((n, x) => n + x.requestBytes, 0);
      out.push(`${key}: ${s.syncCount} syncs, ${kb(total)} KB sent in all (budget ${limits.budget / MB} MB a sync: at least ${Math.ceil(total / limits.budget) + 1} syncs with the reading one)`);
    } else if (key === 'clear' && u && r.steps.flags && r.steps.flags.error) {
      out.push(`clear: nothing was flagged; after the flags of the run without limits it takes ${u.syncCount} syncs of ${u.syncs.map((x) => kb(x.requestBytes)).join(' + ')} KB (largest response ${kb(u.maxResponse)} KB)`);
    }
  }
  return out;
}

function roundTripText(results, limits) {
  const out = [];
  out.push(`Add-in round trips: in-memory Excel host (Excel on the web, ${limits.request / MB} MB request/response limits; the connector's budget is 4 MB), bar ≤ ${SYNC_BAR} syncs per step`);
  const head = ['rows', 'indicators', 'read syncs', 'flag syncs', 'summary syncs', 'clear syncs', 'largest request KB', 'largest response KB'];
  const rows = [head];
  for (const r of results) {
    const { bars, maxRequest, maxResponse } = barsOf(r, limits);
    rows.push([
      int(r.rows),
      int(r.indicators),
      syncsCell(r, 'read'),
      syncsCell(r, 'flags'),
      syncsCell(r, 'summary'),
      syncsCell(r, 'clear'),
      `${kb(maxRequest)} ${verdict(bars.request)}`,
      `${kb(maxResponse)} ${verdict(bars.response)}`,
    ]);
  }
  out.push(table(rows, ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']));
  out.push('');
  out.push('per step: syncs · commands · largest request / response KB · ms (the host in memory; no network)');
  const detail = [['rows', 'step', 'syncs', 'commands', 'request KB per sync', 'largest response KB', 'ms', 'error']];
  for (const r of results) {
    for (const [key, label] of STEP_NAMES) {
      const s = r.steps[key];
      if (!s) continue;
      detail.push([
        int(r.rows),
        label,
        s.syncCount,
        int(s.syncs.reduce((n, x) => n + x.commands, 0)),
        s.syncs.map((x) => kb(x.requestBytes) + (x.error ? ` (refused)` : '')).join(' + ') || '0',
        kb(s.maxResponse),
        int(s.ms),
        s.errorCode ?? '',
      ]);
    }
  }
  out.push(table(detail, ['r', 'l', 'r', 'r', 'l', 'r', 'r', 'l']));
  out.push('');
  for (const r of results) {
    const e = r.engine;
    const c = r.checks;
    const w = r.withoutMerges;
    out.push(
      `${int(r.rows)} rows: the same read without merged areas (host at ExcelApi 1.12): ${w.syncCount} syncs, request ${kb(w.maxRequest)} KB, response ${kb(w.maxResponse)} KB${w.error ? `, failed: ${w.error}` : ''}` +
        (w.usedForEngine ? ' — its grid stands in for the failed read, so that the later steps are measured' : w.sameReport === null ? '' : `; same report as with merged areas: ${w.sameReport ? 'yes' : 'NO'}`),
    );
    out.push(
      `${int(r.rows)} rows: ${int(r.cells)} cells in the sheet; engine ${int(e ? e.ms : 0)} ms → ${e ? `${int(e.indicators)} indicators, ${int(e.points)} points, ${int(e.findings)} findings, ${int(e.flaggedCells)} cells to flag (${int(e.notes)} with a note), summary rows ${e.summaryRows.map(int).join(' / ')}` : 'not run'}; ` +
        `flagged ${r.applied ? `${int(r.applied.cells)} cells, ${int(r.applied.notes)} notes` : '—'}; cleared ${r.cleared ? int(r.cleared.cells) : '—'}; ` +
        `values untouched ${c.valuesUntouched ? 'yes' : 'NO'}, fills and notes put back ${c.clearRestoredLooks === null ? '—' : c.clearRestoredLooks ? 'yes' : 'NO'}`,
    );
  }
  for (const r of results) {
    const why = causes(r, limits);
    if (!why.length) continue;
    out.push('');
    out.push(`why ${int(r.rows)} rows miss bars:`);
    for (const w of why) out.push(`  - ${w}`);
  }
  return out.join('\n');
}

function stepDetail(out, s) {
  s.syncs.forEach((x, i) => {
    out.push(`  sync ${i + 1}: ${int(x.commands)} commands, request ${kb(x.requestBytes)} KB, response ${kb(x.responseBytes)} KB${x.error ? `, refused: ${x.error}` : ''}`);
    const kinds = [...x.kinds].sort((a, b) => b.requestBytes + b.responseBytes - (a.requestBytes + a.responseBytes)).slice(0, 6);
    for (const k of kinds) {
      out.push(
        `    ${k.kind.padEnd(58)} ×${int(k.count).padStart(7)}  request ${kb(k.requestBytes).padStart(9)} KB (${int(k.requestBytes / k.count)} B each, path ${int(k.pathBytes / k.count)} B)  response ${kb(k.responseBytes).padStart(9)} KB`,
      );
      if (k.parts) out.push(`      ${int(k.parts.cells)} cells: hyperlinks ${kb(k.parts.hyperlink)} KB, formats ${kb(k.parts.format)} KB, empty {} ${kb(k.parts.empty)} KB`);
      if (k.cells) out.push(`      ${int(k.cells)} cells, ${(k.requestBytes / k.cells).toFixed(1)} B per cell`);
    }
  });
}

const overBar = (s, limits) => s.syncCount > SYNC_BAR || !!s.error || s.syncs.some((x) => x.requestBytes > limits.request || x.responseBytes > limits.response || x.error);
/** Over the connector's own budget (src/excel/payload.ts: 4 MB), which it means to keep each sync under. */
const overBudget = (s, limits) => s.syncs.some((x) => x.requestBytes > limits.budget || x.responseBytes > limits.budget);

/**
 * For each step that misses a bar: its syncs, by kind of command. When a step was refused (over 5 MB, or an
 * Excel limit), the same size was also run on a host without the 5 MB limits (a diagnostic): what each step would
 * send, and so what would have to shrink.
 */
function heavyText(results, limits) {
  const out = [];
  for (const r of results) {
    for (const [key, label] of STEP_NAMES) {
      const s = r.steps[key];
      if (!s || !overBar(s, limits)) continue;
      out.push('');
      out.push(`${label} at ${int(r.rows)} rows: ${s.syncCount} syncs${s.error ? `, failed: ${s.error}` : ''}`);
      stepDetail(out, s);
    }
    const u = r.unlimited;
    if (!u) continue;
    out.push('');
    out.push(`${int(r.rows)} rows again on a host without the 5 MB limits (diagnostic, not a bar: what each step would send; Excel refuses a sync over ${limits.request / MB} MB, the connector means to stay under ${limits.budget / MB} MB):`);
    for (const [key, label] of STEP_NAMES) {
      const s = u.steps[key];
      if (!s) continue;
      out.push(`  ${label.padEnd(8)} ${s.syncCount} syncs: request ${s.syncs.map((x) => kb(x.requestBytes)).join(' + ')} KB; largest response ${kb(s.maxResponse)} KB${s.error ? `; failed: ${s.error}` : ''}`);
    }
    for (const [key, label] of STEP_NAMES) {
      const s = u.steps[key];
      const limited = r.steps[key];
      // Only what the limited run could not show (a step that was refused, or that had nothing to do after it).
      const same = limited && JSON.stringify(limited.syncs.map((x) => x.requestBytes)) === JSON.stringify(s ? s.syncs.map((x) => x.requestBytes) : null);
      if (!s || same || !(overBar(s, limits) || overBudget(s, limits))) continue;
      out.push('');
      out.push(`${label} at ${int(r.rows)} rows without the limits: ${s.syncCount} syncs${s.error ? `, failed: ${s.error}` : ''}`);
      stepDetail(out, s);
    }
  }
  return out.length ? `Steps over a bar, command by command:${out.join('\n')}` : '';
}

// ---------------------------------------------------------------------------------------------------------------
// Bundle

function readBudget() {
  const checks = JSON.parse(fs.readFileSync(path.join(ROOT, '.size-limit.json'), 'utf8'));
  const check = checks[0];
  let limit = null;
  try {
    limit = require('bytes-iec').parse(check.limit); // as size-limit parses it ('350 kB' = 350,000 bytes)
  } catch {
    const m = /^([\d.]+)\s*kB$/i.exec(check.limit);
    limit = m ? Number(m[1]) * 1000 : null;
  }
  return { name: check.name, limit, limitText: check.limit, gzip: check.gzip === true, paths: [].concat(check.path) };
}

const gzipSize = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

function webpackBuild(outDir, extraAlias) {
  const webpack = require('webpack');
  const configFn = require(path.join(ROOT, 'webpack.config.js'));
  // The production manifest's URL does not matter here (only the scripts are measured): set, it spares a warning.
  process.env.TASSEI_ADDIN_URL ||= 'https://tassei-bench.invalid/';
  return Promise.resolve(configFn({ only: 'addin', outDir }, { mode: 'production' })).then((config) => {
    config.devtool = false; // source maps are not loaded by the page; no need to write them here
    if (extraAlias) config.resolve = { ...config.resolve, alias: { ...(config.resolve.alias ?? {}), ...extraAlias } };
    return new Promise((resolve, reject) => {
      webpack(config, (err, stats) => {
        if (err) return reject(err);
        if (stats.hasErrors()) return reject(new Error(stats.toString('errors-only')));
        resolve({ stats, outDir: config.output.path });
      });
    });
  });
}

const TASKPANE_PAGE_ENTRIES = ['taskpane', 'commands', 'functions'];
const HELPERS = /[\\/]node_modules[\\/]@microsoft[\\/]office-js-helpers[\\/]/;
const EXCELJS = /[\\/]node_modules[\\/]exceljs[\\/]/;

/** As scripts/size.js: the initial files of the task pane's page, and which modules of interest are in them. */
function initialFiles(stats, outDir) {
  const { compilation } = stats;
  const files = new Set();
  const found = { helpers: [], exceljs: [] };
  const visit = (m) => {
    if (Array.isArray(m.modules)) return m.modules.forEach(visit);
    const id = m.resource || m.identifier();
    if (HELPERS.test(id)) found.helpers.push({ id: path.relative(ROOT, id), size: typeof m.size === 'function' ? m.size() : 0 });
    if (EXCELJS.test(id)) found.exceljs.push(id);
  };
  for (const name of TASKPANE_PAGE_ENTRIES) {
    const entrypoint = compilation.entrypoints.get(name);
    if (!entrypoint) throw new Error(`no entry point "${name}" in the build`);
    for (const chunk of entrypoint.chunks) {
      for (const f of chunk.files) if (f.endsWith('.js')) files.add(path.join(outDir, f));
      for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) visit(m);
    }
  }
  return { files: [...files], found };
}

async function measureBundle() {
  const budget = readBudget();
  const t0 = Date.now();
  const { stats, outDir } = await webpackBuild(BUILD_DIR, null);
  const buildMs = Date.now() - t0;
  const { files, found } = initialFiles(stats, outDir);
  const sized = files.map((f) => {
    const buf = fs.readFileSync(f);
    return { file: path.relative(outDir, f), bytes: buf.length, gzip: gzipSize(buf) };
  });
  const total = sized.reduce((n, f) => n + f.gzip, 0);
  const budgetNames = budget.paths.map((p) => path.basename(p)).sort();
  const builtNames = sized.map((f) => f.file).sort();
  const sameFiles = JSON.stringify(budgetNames) === JSON.stringify(builtNames);

  // @microsoft/office-js-helpers: in the initial JavaScript?
  const taskpane = path.join(outDir, 'taskpane.js');
  const taskpaneText = fs.existsSync(taskpane) ? fs.readFileSync(taskpane, 'utf8') : '';
  const grepHits = (taskpaneText.match(/OfficeHelpers/g) ?? []).length;
  // The minifier drops the UMD wrapper's 'OfficeHelpers' name; the package's banner goes to the license file.
  const licenseFile = `${taskpane}.LICENSE.txt`;
  const bannerHits = ((fs.existsSync(licenseFile) ? fs.readFileSync(licenseFile, 'utf8') : '') + taskpaneText).split('office-js-helpers').length - 1;
  const pkg = path.join(ROOT, 'node_modules/@microsoft/office-js-helpers/dist/office.helpers.min.js');
  const minGzip = fs.existsSync(pkg) ? gzipSize(fs.readFileSync(pkg)) : null;
  const minBytes = fs.existsSync(pkg) ? fs.statSync(pkg).size : null;
  let without = null;
  if (found.helpers.length > 0) {
    // The same build with the package replaced by an empty module: the difference is its share, as bundled.
    const t1 = Date.now();
    const alt = await webpackBuild(`${BUILD_DIR}-without-helpers`, { '@microsoft/office-js-helpers$': false });
    const altFiles = initialFiles(alt.stats, alt.outDir).files;
    const altTotal = altFiles.reduce((n, f) => n + gzipSize(fs.readFileSync(f)), 0);
    without = { total: altTotal, share: total - altTotal, ms: Date.now() - t1 };
    fs.rmSync(alt.outDir, { recursive: true, force: true });
  }
  return {
    budget,
    buildMs,
    files: sized,
    total,
    pass: budget.limit !== null && total <= budget.limit && found.exceljs.length === 0,
    sameFiles,
    budgetNames,
    builtNames,
    exceljsInInitial: found.exceljs.length,
    helpers: { modules: found.helpers, grepHits, bannerHits, minBytes, minGzip, without },
  };
}

function bundleText(b) {
  const out = [];
  out.push(`Bundle: the task pane's initial JavaScript (production build, webpack.config.js only=addin → ${path.relative(ROOT, BUILD_DIR)}, ${(b.buildMs / 1000).toFixed(0)} s; gzip level 9 per file, summed, as size-limit)`);
  const rows = [['file', 'bytes', 'gzipped']];
  for (const f of b.files) rows.push([f.file, int(f.bytes), kB(f.gzip)]);
  rows.push(['total', int(b.files.reduce((n, f) => n + f.bytes, 0)), kB(b.total)]);
  out.push(table(rows, ['l', 'r', 'r']));
  out.push(`budget (.size-limit.json): ${b.budget.limitText} gzipped → ${kB(b.total)} = ${((b.total / b.budget.limit) * 100).toFixed(0)}% of it   ${verdict(b.pass)}`);
  if (!b.sameFiles) out.push(`  note: .size-limit.json measures ${b.budgetNames.join(', ')} but the page loads ${b.builtNames.join(', ')} at start`);
  if (b.exceljsInInitial) out.push(`  ExcelJS is in the initial JavaScript (${b.exceljsInInitial} modules): FAIL whatever the size`);
  const h = b.helpers;
  if (h.modules.length === 0) {
    out.push(
      `@microsoft/office-js-helpers: not in the initial JavaScript (no module of it in the task pane's chunks; 'OfficeHelpers' ${h.grepHits ? `appears ${h.grepHits}× in taskpane.js all the same` : 'does not appear in taskpane.js'}). ` +
        `If imported, expect about ${h.minGzip === null ? '?' : kB(h.minGzip)} gzipped (office.helpers.min.js, ${h.minBytes === null ? '?' : int(h.minBytes)} bytes).`,
    );
  } else {
    out.push(
      `@microsoft/office-js-helpers: IN the initial JavaScript (${h.modules.map((m) => `${m.id}, ${int(m.size)} bytes before minifying`).join('; ')}; ` +
        `grep of taskpane.js: 'OfficeHelpers' ${h.grepHits}× (the minifier drops the UMD name), 'office-js-helpers' ${h.bannerHits}× with its .LICENSE.txt). ` +
        `Its gzipped share: ~${kB(h.minGzip)} by gzipping office.helpers.min.js alone (${int(h.minBytes)} bytes); ` +
        (h.without ? `${kB(h.without.share)} by a build without it (${kB(h.without.total)} total then, ${((h.without.share / b.total) * 100).toFixed(0)}% of the page's initial JavaScript).` : 'no comparison build.'),
    );
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// RESULTS.md section

function markdown(results, limits, bundle, env) {
  const lines = [];
  lines.push('');
  lines.push('### Add-in: round trips and bundle');
  lines.push('');
  if (results) {
    lines.push(
      `Written by \`bench/addin.js\` (run by \`npm run bench\`, ${env.date}). A full check through the Office.js adapter (\`src/excel/connector.ts\`) on the in-memory Excel host ` +
        `(\`src/excelHost\`: Excel on the web, ${limits.request / MB} MB limits), a fresh host per size: a workbook shaped like samples/shisaku-322-r3.xlsx's two-row indicator tables ` +
        `(\`bench/addin/workbook.js\`: names merged over both rows, baseline + 5 years, '53 件' / '１０５ 社' / #,##0"件", gaps, 調査中, blanks). ` +
        `Bars: ≤ ${SYNC_BAR} \`context.sync\` calls per step whatever the size, no request or response over 5 MB.`,
    );
    lines.push('');
    lines.push('| indicator rows | read syncs | flag syncs | summary syncs | clear syncs | largest request KB | largest response KB |');
    lines.push('|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      const { bars, maxRequest, maxResponse } = barsOf(r, limits);
      lines.push(`| ${int(r.rows)} | ${syncsCell(r, 'read')} | ${syncsCell(r, 'flags')} | ${syncsCell(r, 'summary')} | ${syncsCell(r, 'clear')} | ${kb(maxRequest)} ${verdict(bars.request)} | ${kb(maxResponse)} ${verdict(bars.response)} |`);
    }
    lines.push('');
    lines.push('| indicator rows | step | syncs | commands | request KB per sync | largest response KB | error |');
    lines.push('|---:|---|---:|---:|---|---:|---|');
    for (const r of results) {
      for (const [key, label] of STEP_NAMES) {
        const s = r.steps[key];
        if (!s) continue;
        lines.push(
          `| ${int(r.rows)} | ${label} | ${s.syncCount} | ${int(s.syncs.reduce((n, x) => n + x.commands, 0))} | ${s.syncs.map((x) => kb(x.requestBytes) + (x.error ? ' (refused)' : '')).join(' + ') || '0'} | ${kb(s.maxResponse)} | ${s.errorCode ?? ''} |`,
        );
      }
    }
    lines.push('');
    for (const r of results) {
      const why = causes(r, limits);
      if (!why.length) continue;
      lines.push(`Why ${int(r.rows)} rows miss bars (the host's per-sync figures, \`node bench/addin.js\` prints them command by command):`);
      lines.push('');
      for (const w of why) lines.push(`- ${w}`);
      lines.push('');
    }
  }
  if (bundle) {
    const h = bundle.helpers;
    lines.push(
      `Task pane's initial JavaScript (${bundle.files.map((f) => `\`${f.file}\``).join(', ')}; production build, gzip level 9 as size-limit): ` +
        `**${kB(bundle.total)}** gzipped of ${bundle.budget.limitText} — ${verdict(bundle.pass)}. ` +
        (h.modules.length
          ? `@microsoft/office-js-helpers is in it: ~${kB(h.minGzip)} gzipped as office.helpers.min.js alone${h.without ? `, ${kB(h.without.share)} by a build without it` : ''}.`
          : `@microsoft/office-js-helpers is not in it (about ${h.minGzip === null ? '?' : kB(h.minGzip)} gzipped if it were: office.helpers.min.js).`),
    );
    lines.push('');
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const o = { sizes: [10, 1000, 10000], bundle: true, roundTrips: true, markdown: null, json: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sizes') o.sizes = argv[++i].split(',').map((s) => Number(s.trim())).filter((n) => Number.isFinite(n) && n > 0);
    else if (a === '--no-bundle') o.bundle = false;
    else if (a === '--bundle-only') o.roundTrips = false;
    else if (a === '--markdown') o.markdown = path.resolve(argv[++i]);
    else if (a === '--json') o.json = path.resolve(argv[++i]);
    else throw new Error(`unknown argument: ${a}`);
  }
  return o;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const env = { date: new Date().toISOString().slice(0, 10) };
  let failed = false;
  let results = null;
  let limits = null;
  if (opts.roundTrips) {
    registerTypeScript();
    const SRC = path.join(ROOT, 'src');
    const breakdownOf = instrumentHost(SRC);
    const mods = {
      core: require(path.join(SRC, 'core')),
      connectorMod: require(path.join(SRC, 'excel/connector')),
      hostMod: require(path.join(SRC, 'excelHost')),
      formatMod: require(path.join(SRC, 'excelHost/objects/format')),
      workbook: require('./addin/workbook'),
    };
    limits = { request: mods.hostMod.PAYLOAD_LIMIT_BYTES, response: mods.hostMod.PAYLOAD_LIMIT_BYTES, budget: require(path.join(SRC, 'excel/payload')).REQUEST_BUDGET };
    results = [];
    for (const n of opts.sizes) {
      process.stdout.write(`add-in round trips: ${int(n)} indicator rows … `);
      const t0 = Date.now();
      try {
        const r = await measureSize(n, mods, breakdownOf);
        results.push(r);
        console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s`);
        if (Object.values(r.steps).some((st) => st.error)) {
          process.stdout.write(`  a step was refused: ${int(n)} rows again without the 5 MB limits (diagnostic) … `);
          const t1 = Date.now();
          r.unlimited = await measureSize(n, mods, breakdownOf, { requestLimitBytes: 2 ** 31, responseLimitBytes: 2 ** 31 });
          console.log(`${((Date.now() - t1) / 1000).toFixed(1)} s`);
        }
      } catch (e) {
        failed = true;
        console.log(`could not be measured: ${e && e.stack ? e.stack : e}`);
      }
    }
    console.log('');
    console.log(roundTripText(results, limits));
    const heavy = heavyText(results, limits);
    if (heavy) {
      console.log('');
      console.log(heavy);
    }
  }
  let bundle = null;
  if (opts.bundle) {
    console.log('');
    process.stdout.write('building the add-in for production (bundle size) … ');
    try {
      bundle = await measureBundle();
      console.log(`${(bundle.buildMs / 1000).toFixed(0)} s`);
      console.log('');
      console.log(bundleText(bundle));
    } catch (e) {
      failed = true;
      console.log(`could not be measured: ${e && e.message ? e.message : e}`);
    }
  }
  console.log('');
  console.log(`(add-in benchmark took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (opts.markdown) fs.writeFileSync(opts.markdown, markdown(results, limits, bundle, env));
  if (opts.json) {
    const strip = (r) => ({ ...r, steps: Object.fromEntries(Object.entries(r.steps).map(([k, s]) => [k, { ...s, syncs: s.syncs.map((x) => ({ ...x, kinds: x.kinds.sort((a, b) => b.requestBytes - a.requestBytes).slice(0, 10) })) }])) });
    fs.writeFileSync(opts.json, `${JSON.stringify({ results: results && results.map(strip), bundle }, null, 2)}\n`);
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(e && e.stack ? e.stack : e);
    process.exitCode = 1;
  },
);
