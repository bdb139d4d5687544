#!/usr/bin/env node
/**
 * Many submissions at once (`tassei check DIR --out OUT`): 200 workbooks generated from the three samples (each a
 * copy with its own department line and its own synthetic actuals, so no two have the same content), checked by
 * the built command line with --jobs 1 and --jobs 2, against ExcelJS reading the same 200 files and nothing else.
 *
 * Every measurement is a fresh process. The command line's time is the whole run as a user sees it (node start,
 * module loading, the worker pool, checking, the consolidated summary.xlsx written); peak RSS is the process's own
 * (worker threads included: they are threads of the same process). Beside each wall-clock time, the CPU time
 * (user + system, all threads): other processes sharing the machine stretch the first much more than the second.
 * The control rows show what a second thread, or a second process, can give on this machine at this moment, with
 * none of the command line's code: ExcelJS loads alone in a pool of 1 and of 2 threads; the same loads split over
 * two processes at once; and a loop of integer arithmetic (no allocation) in one and in two processes at once,
 * which shows whether the two cores are there at all. They are printed beside the verdicts.
 *
 * Bars (issue 5): files/s with --jobs 2 ≥ 1.6 × with --jobs 1 (a 2-core machine); whole run ≤ 1.3 × the ExcelJS
 * read time; peak RSS flat as the number of files grows (printed at 50, 100, 200 files).
 *
 * Usage: node bench/batch.js [--files 200] [--runs 3] [--regen] [--markdown FILE]   (needs `npm run build:cli` first)
 * As a module: `await require('./batch').batchBench({ files, runs })` prints the markdown section and returns it.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const SAMPLES = path.join(ROOT, 'samples');
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
const CACHE = path.join(__dirname, '.cache', 'batch');
const VERSION = 1;
const NAMES = ['shisaku-322-r3', 'monitoring-r1', 'jigyo-keikaku-r6'];

// ---------------------------------------------------------------------------------------------------------------
// Submissions

const prng = require('./prng').mulberry32;

const DEPARTMENTS = ['雇用経済部', '農林水産部', '環境生活部', '健康医療部', '地域連携部', '県土整備部', '子ども・福祉部', '観光部'];

/** A submission like sample `name`: its own department line and actuals drawn around the targets (0.5–1.3 ×). */
async function variant(ExcelJS, name, i, rnd) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(SAMPLES, `${name}.xlsx`));
  const dept = `${DEPARTMENTS[i % DEPARTMENTS.length]}（提出 ${i + 1}）`;
  const around = (target) => Math.max(0, Math.round(target * (0.5 + 0.8 * rnd())));
  if (name === 'shisaku-322-r3') {
    const ws = wb.getWorksheet('施策322（記入例）');
    ws.getCell('A2').value = `【主担当部局：${dept}】`;
    for (const [cell, target, unit] of [['E11', 53, '件'], ['E21', 73, '社'], ['E23', 100, '社'], ['E25', 5, '件']]) ws.getCell(cell).value = `${around(target)} ${unit}`;
  } else if (name === 'monitoring-r1') {
    wb.getWorksheet('モニタリング指標').getCell('A2').value = dept;
    const ws = wb.getWorksheet('進捗（記入例）');
    for (const [cell, target, unit] of [['D5', 20, '件'], ['D11', 1765, '件'], ['D13', 3, '件']]) ws.getCell(cell).value = cell === 'D13' ? `①${around(target)}${unit}` : `${around(target).toLocaleString('en-US')}${unit}`;
  } else {
    wb.getWorksheet('事業計画').getCell('A2').value = `公益財団法人 ${dept}`;
    const ws = wb.getWorksheet('成果目標値');
    for (const [cell, target] of [['C6', 130], ['C7', 139], ['C10', 2878]]) ws.getCell(cell).value = `${around(target).toLocaleString('en-US')}件`;
  }
  return wb;
}

/** The submissions, generated once into bench/.cache/batch (kept while the generator's version is the same). */
async function ensureSubmissions(count, regen) {
  const metaFile = path.join(CACHE, 'meta.json');
  let meta = null;
  try {
    meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
  } catch {
    meta = null;
  }
  const files = Array.from({ length: count }, (_, i) => path.join(CACHE, `${String(i + 1).padStart(3, '0')}-${NAMES[i % 3]}.xlsx`));
  if (!regen && meta && meta.version === VERSION && meta.count >= count && files.every((f) => fs.existsSync(f))) return files;
  const ExcelJS = require('exceljs');
  fs.rmSync(CACHE, { recursive: true, force: true });
  fs.mkdirSync(CACHE, { recursive: true });
  const rnd = prng(5);
  process.stderr.write(`generating ${count} submissions in ${path.relative(ROOT, CACHE)} … `);
  const started = Date.now();
  for (let i = 0; i < count; i++) {
    const name = NAMES[i % 3];
    const wb = await variant(ExcelJS, name, i, rnd);
    await wb.xlsx.writeFile(files[i]);
    fs.copyFileSync(path.join(SAMPLES, `${name}.tassei.json`), files[i].replace(/\.xlsx$/, '.tassei.json'));
  }
  fs.writeFileSync(metaFile, `${JSON.stringify({ version: VERSION, count })}\n`);
  process.stderr.write(`${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return files;
}

// ---------------------------------------------------------------------------------------------------------------
// Children (each measurement in its own process)

/** User + system CPU time, in ms, of process.cpuUsage()'s answer (every thread of the process). */
const cpuMs = (u) => (u.user + u.system) / 1000;

/** `--child read LIST`: ExcelJS loads each file, one after another; nothing else. */
async function childRead(listFile) {
  const ExcelJS = require('exceljs');
  const files = JSON.parse(fs.readFileSync(listFile, 'utf8'));
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  let rows = 0;
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(f));
    rows += wb.worksheets.reduce((n, ws) => n + ws.actualRowCount, 0);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, cpuMs: cpuMs(process.cpuUsage(cpu)), rows, maxRssKiB: process.resourceUsage().maxRSS };
}

/** A piscina task (exported below): ExcelJS loads one file; for the machine's own parallel headroom. */
async function readTask(file) {
  const ExcelJS = require('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file));
  return wb.worksheets.length;
}

/**
 * `--child pool N LIST`: the same ExcelJS loads in a pool of N worker threads (piscina, as the command line uses),
 * pool started first. What 2 threads give over 1 here bounds what --jobs 2 can give over --jobs 1 on this machine
 * at this moment (other processes share the cores).
 */
async function childPool(threads, listFile) {
  const Piscina = require('piscina');
  const files = JSON.parse(fs.readFileSync(listFile, 'utf8'));
  const pool = new Piscina({ filename: __filename, name: 'readTask', minThreads: threads, maxThreads: threads });
  await Promise.all(files.slice(0, threads * 2).map((f) => pool.run(f)));
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await Promise.all(files.map((f) => pool.run(f)));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const used = cpuMs(process.cpuUsage(cpu));
  await pool.destroy();
  return { ms, cpuMs: used, maxRssKiB: process.resourceUsage().maxRSS };
}

/** `--child spin`: integer arithmetic, no allocation, no memory traffic: what a core gives on its own. */
function childSpin() {
  const started = process.hrtime.bigint();
  let x = 0;
  for (let i = 0; i < 3e8; i++) x = (x + i * 7) % 1000003;
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, x };
}

/** `--child cli ARGS…`: the command line itself, in this process; its peak RSS reported when it exits. */
function childCli(args) {
  const report = path.join(os.tmpdir(), `tassei-batch-bench-${process.pid}.json`);
  process.argv = [process.argv[0], CLI, ...args];
  process.on('exit', (code) => {
    // The whole process: node's start, every thread, the exit.
    fs.writeFileSync(report, JSON.stringify({ code, cpuMs: cpuMs(process.cpuUsage()), maxRssKiB: process.resourceUsage().maxRSS }));
    process.stderr.write(`BENCH ${report}\n`);
  });
  require(CLI);
}

/** A child's answer: its `BENCH` line on stderr, JSON inline or the path of a file holding it. */
function answerOf(args, stderr, code) {
  const line = stderr.split('\n').find((l) => l.startsWith('BENCH '));
  if (!line) throw new Error(`bench/batch.js --child ${args.join(' ')} failed (exit ${code}):\n${stderr.slice(-3000)}`);
  const payload = line.slice(6).trim();
  if (payload.startsWith('{')) return JSON.parse(payload);
  const data = JSON.parse(fs.readFileSync(payload, 'utf8'));
  fs.rmSync(payload, { force: true });
  return data;
}

function child(args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [__filename, '--child', ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { ...answerOf(args, r.stderr || '', r.status), wallMs, stdout: r.stdout };
}

/** Children started at the same moment; each answer as child() gives it. */
function together(argsList) {
  return Promise.all(
    argsList.map(
      (args) =>
        new Promise((resolve, reject) => {
          const c = spawn(process.execPath, [__filename, '--child', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
          let err = '';
          c.stderr.on('data', (d) => (err += d));
          c.on('error', reject);
          c.on('close', (code) => {
            try {
              resolve(answerOf(args, err, code));
            } catch (e) {
              reject(e);
            }
          });
        }),
    ),
  );
}

/**
 * Two processes at once against one: the same total work split in two (the files, against `whole`, a `read` child
 * of all of them), or the same work twice (the spin). The answer is how many times as fast two went as one: 2.00 on
 * two free cores.
 */
async function processHeadroom(whole, files) {
  const halves = [0, 1].map((k) => {
    const f = path.join(CACHE, `list-half-${k}.json`);
    fs.writeFileSync(f, JSON.stringify(files.filter((_, i) => i % 2 === k)));
    return f;
  });
  const split = await together(halves.map((f) => ['read', f]));
  const [spinOne] = await together([['spin']]);
  const spinTwo = await together([['spin'], ['spin']]);
  return {
    read: whole.ms / Math.max(...split.map((r) => r.ms)),
    spin: (2 * spinOne.ms) / Math.max(...spinTwo.map((r) => r.ms)),
  };
}

// ---------------------------------------------------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const int = (n) => Math.round(n).toLocaleString('en-US');
const mib = (kib) => (kib / 1024).toFixed(0);

function cliRun(files, jobs, summary = true) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tassei-batch-bench-out-'));
  try {
    const r = child(['cli', 'check', ...(summary ? ['--out', out, '--summary-only'] : []), '--json', '--jobs', String(jobs), ...files]);
    const report = JSON.parse(r.stdout);
    if (report.files.length !== files.length || report.totals.failedFiles !== 0 || (summary && !fs.existsSync(path.join(out, 'summary.xlsx')))) {
      throw new Error(`the run did not check every file: ${JSON.stringify(report.totals)}`);
    }
    return { wallMs: r.wallMs, cpuMs: r.cpuMs, maxRssKiB: r.maxRssKiB, totals: report.totals, summaryBytes: summary ? fs.statSync(path.join(out, 'summary.xlsx')).size : 0 };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

async function batchBench({ files: count = 200, runs = 3, regen = false } = {}) {
  if (!fs.existsSync(CLI)) throw new Error(`${path.relative(ROOT, CLI)} is missing: run npm run build:cli first`);
  const files = await ensureSubmissions(count, regen);
  const listFile = path.join(CACHE, `list-${count}.json`);
  fs.writeFileSync(listFile, JSON.stringify(files));
  const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);

  // Interleaved, so that a change in the machine's load touches all three alike.
  const reads = [];
  const one = [];
  const two = [];
  const bare = [];
  const pool1 = [];
  const pool2 = [];
  const procs = [];
  for (let i = 0; i < runs; i++) {
    reads.push(child(['read', listFile]));
    one.push(cliRun(files, 1));
    two.push(cliRun(files, 2));
    bare.push(cliRun(files, 1, false));
    pool1.push(child(['pool', '1', listFile]));
    pool2.push(child(['pool', '2', listFile]));
    procs.push(await processHeadroom(reads.at(-1), files));
  }
  const sizes = [50, 100, 200].filter((n) => n <= count);
  const rss = sizes.map((n) => ({ n, run: cliRun(files.slice(0, n), 2) }));

  const med = (xs, key) => median(xs.map((r) => r[key]));
  const readMs = med(reads, 'ms');
  const readCpu = med(reads, 'cpuMs');
  const oneMs = med(one, 'wallMs');
  const twoMs = med(two, 'wallMs');
  const oneCpu = med(one, 'cpuMs');
  const twoCpu = med(two, 'cpuMs');
  const bareMs = med(bare, 'wallMs');
  const speedup = oneMs / twoMs;
  const ratio2 = twoMs / readMs;
  const ratio1 = oneMs / readMs;
  const pool1Ms = med(pool1, 'ms');
  const pool2Ms = med(pool2, 'ms');
  const headroom = pool1Ms / pool2Ms;
  const procRead = median(procs.map((p) => p.read));
  const procSpin = median(procs.map((p) => p.spin));
  const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
  const totals = two[0].totals;
  const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
  const row = (label, wall, cpu, rssKiB) => `| ${label} | ${int(wall)} | ${cpu === null ? '' : int(cpu)} | ${(count / (wall / 1000)).toFixed(1)} | ${rssKiB === null ? '' : mib(rssKiB)} |`;

  const md = [
    '#### Many files at once (`tassei check DIR --out OUT`)',
    '',
    `${count} submissions generated from the three samples (\`bench/batch.js\`: each a copy with its own department line and synthetic actuals; ${(bytes / 1024 / 1024).toFixed(1)} MiB in all), checked by \`node dist/cli/main.js check --out OUT --summary-only --json --jobs N FILES…\`: ${int(totals.indicators)} indicators, ${int(totals.points)} points, ${int(totals.budgets)} budget lines, ${int(totals.errors + totals.warnings + totals.infos)} findings; summary.xlsx ${(two[0].summaryBytes / 1024).toFixed(0)} KiB. Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'} (load average ${load}); median of ${runs} runs, each a fresh process. Whole run = the process from start to exit (node, modules, worker pool, checks, report, summary written); CPU = user + system time of all its threads.`,
    '',
    '| run | median wall ms | median CPU ms | files/s (wall) | peak RSS MiB |',
    '|---|---:|---:|---:|---:|',
    row(`ExcelJS \`xlsx.load\` of the ${count} files alone, one after another (loop only)`, readMs, readCpu, med(reads, 'maxRssKiB')),
    row('`--jobs 1`', oneMs, oneCpu, med(one, 'maxRssKiB')),
    row('`--jobs 2`', twoMs, twoCpu, med(two, 'maxRssKiB')),
    row('*(for the breakdown)* `--jobs 1` without `--out`: checks and JSON report, no summary.xlsx', bareMs, med(bare, 'cpuMs'), med(bare, 'maxRssKiB')),
    row("*(control: the machine's headroom)* ExcelJS loads alone, pool of 1 thread (started and warmed)", pool1Ms, med(pool1, 'cpuMs'), null),
    row("*(control: the machine's headroom)* ExcelJS loads alone, pool of 2 threads (started and warmed)", pool2Ms, med(pool2, 'cpuMs'), null),
    '',
    '| files (`--jobs 2`) | peak RSS MiB |',
    '|---:|---:|',
    ...rss.map(({ n, run }) => `| ${n} | ${mib(run.maxRssKiB)} |`),
    '',
    "The machine's headroom at the time (controls, none of the command line's code; 2.00 on two free cores):",
    '',
    '| control | two at once ÷ one |',
    '|---|---:|',
    `| ExcelJS loads alone: a pool of 2 threads against a pool of 1 (started and warmed) | ${headroom.toFixed(2)} × |`,
    `| ExcelJS loads alone: the ${count} files split over 2 processes at once, against 1 process loading them all (loops only) | ${procRead.toFixed(2)} × |`,
    `| integer arithmetic, no allocation: 2 processes at once against 1 | ${procSpin.toFixed(2)} × |`,
    '',
    `What \`--jobs 2\` gains over \`--jobs 1\` cannot exceed what two ExcelJS readers gain here by much: the cores are there (the arithmetic scales ${procSpin.toFixed(2)} ×), but work that allocates and walks memory as ExcelJS does does not scale on this machine.`,
    '',
    '| bar | figure | verdict | beside it |',
    '|---|---:|---|---|',
    `| files/s \`--jobs 2\` ≥ 1.6 × \`--jobs 1\` | ${speedup.toFixed(2)} × | ${verdict(speedup >= 1.6)} | headroom ${headroom.toFixed(2)} ×: ${(speedup / headroom).toFixed(2)} of what the machine gave ExcelJS alone; CPU \`--jobs 2\` ÷ \`--jobs 1\` ${(twoCpu / oneCpu).toFixed(2)} × (a second thread's own start and warm-up) |`,
    `| whole run (\`--jobs 2\`, the default here) ≤ 1.3 × ExcelJS read time | ${ratio2.toFixed(2)} × | ${verdict(ratio2 <= 1.3)} | in CPU time: ${(twoCpu / readCpu).toFixed(2)} × |`,
    `| *(stricter: one thread each)* whole run \`--jobs 1\` ÷ ExcelJS read time | ${ratio1.toFixed(2)} × | ${verdict(ratio1 <= 1.3)} | in CPU time: ${(oneCpu / readCpu).toFixed(2)} × |`,
    `| peak RSS at ${rss.at(-1)?.n ?? count} files ÷ at ${rss[0]?.n ?? count} files (flat ≈ 1) | ${rss.length > 1 ? (rss.at(-1).run.maxRssKiB / rss[0].run.maxRssKiB).toFixed(2) : '—'} × | — | |`,
    '',
  ].join('\n');
  process.stdout.write(`${md}\n`);
  return md;
}

module.exports = { batchBench, readTask };

if (require.main === module) {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    const [, mode, ...rest] = argv;
    if (mode === 'read') {
      childRead(rest[0]).then(
        (r) => process.stderr.write(`BENCH ${JSON.stringify(r)}\n`),
        (e) => {
          console.error(e);
          process.exit(1);
        },
      );
    } else if (mode === 'pool') {
      childPool(Number(rest[0]), rest[1]).then(
        (r) => process.stderr.write(`BENCH ${JSON.stringify(r)}\n`),
        (e) => {
          console.error(e);
          process.exit(1);
        },
      );
    } else if (mode === 'spin') {
      process.stderr.write(`BENCH ${JSON.stringify(childSpin())}\n`);
    } else childCli(rest);
  } else {
    const opts = { files: 200, runs: 3, regen: false, markdown: null };
    for (let i = 0; i < argv.length; i++) {
      if (argv[i] === '--files') opts.files = Math.max(1, Number(argv[++i]) || 200);
      else if (argv[i] === '--runs') opts.runs = Math.max(1, Number(argv[++i]) || 3);
      else if (argv[i] === '--regen') opts.regen = true;
      else if (argv[i] === '--markdown') opts.markdown = argv[++i];
      else throw new Error(`unknown argument: ${argv[i]}`);
    }
    // --markdown FILE: the section also written there (as bench/run.js collects the other benchmarks').
    batchBench(opts).then((md) => opts.markdown && fs.writeFileSync(opts.markdown, `${md}\n`)).catch((e) => {
      console.error(e);
      process.exit(1);
    });
  }
}
