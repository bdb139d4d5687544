#!/usr/bin/env node
/**
 * Benchmark workbook generator (deterministic: a seeded PRNG, fixed document dates).
 *
 * Writes an .xlsx shaped like the fixtures, and its mapping:
 *   - sheet 施策: a two-row indicator table like samples/shisaku-322-r3.xlsx rows 8–11 — header rows 8–9
 *     (令和元年度 現状値, ２年度 … ６年度 目標値/実績値), then N indicators on two rows each (targets, then actuals),
 *     the name merged over both rows (as in the fixture; --no-merges to leave them unmerged), baseline + 5 years.
 *     Values as the sheets write them: '53 件', '１０５ 社' (full-width), '1,234人', numbers formatted #,##0"件",
 *     some '－', blanks and 調査中; ratios spread around the target, with some gaps.
 *   - sheet 事業計画: M budget blocks exactly like samples/jigyo-keikaku-r6.xlsx (4 rows + a blank row each), the
 *     first half with amounts as text ('74,990', '▲ 7,133'), the second half as numbers formatted
 *     #,##0;"▲ "#,##0, a few deliberate 前年度比 mismatches, a few 新規 projects and unknown 財源.
 *
 * Usage: node bench/generate.js [--indicators 20000] [--blocks 5000] [--seed 1] [--no-merges] [--out bench/.cache/bench.xlsx]
 * The mapping is written beside the workbook as <name>.tassei.json (the CLI's sidecar name).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ExcelJS = require('exceljs');

let Range = null;
try {
  Range = require('exceljs/lib/doc/range'); // for fastMerge below
} catch {
  Range = null;
}

const GENERATOR_VERSION = 1;

/** mulberry32 (bench/prng.js), with helpers. */
function prng(seed) {
  const next = require('./prng').mulberry32(seed);
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), // inclusive
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Styles, as in the fixtures (ＭＳ Ｐゴシック 10pt, thin borders, header fills). Shared objects: ExcelJS dedups them.

const thin = { style: 'thin', color: { argb: 'FF000000' } };
const border = { left: thin, right: thin, top: thin, bottom: thin };
const font = { size: 10, name: 'ＭＳ Ｐゴシック' };
const bold = { ...font, bold: true };
const S = {
  title: { font: { ...bold, size: 12 } },
  plain: { font },
  head: { font: bold, border, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  sub: { font: bold, border, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  name: { font, border, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } },
  value: { font, border, alignment: { horizontal: 'right', vertical: 'middle', wrapText: true } },
  center: { font, border, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
};
const withFmt = new Map();
function valueStyle(numFmt) {
  if (!numFmt) return S.value;
  let s = withFmt.get(numFmt);
  if (!s) withFmt.set(numFmt, (s = { ...S.value, numFmt }));
  return s;
}

/**
 * ExcelJS's mergeCells checks the new area against every merge already made: 20,000 merges take ~35 s that way.
 * The areas made here never overlap, so do what it does without the check (exceljs 4.4.0 internals; falls back to
 * the public call if they are not there). Reading such a workbook back goes through the same quadratic check —
 * inside ExcelJS's load(), which the benchmark measures as it is.
 */
function fastMerge(ws, top, left, bottom, right) {
  if (!Range || typeof ws._merges !== 'object') {
    ws.mergeCells(top, left, bottom, right);
    return;
  }
  const dimensions = new Range(top, left, bottom, right);
  const master = ws.getCell(top, left);
  for (let i = top; i <= bottom; i++) for (let j = left; j <= right; j++) if (i > top || j > left) ws.getCell(i, j).merge(master);
  ws._merges[master.address] = dimensions;
}

function put(ws, row, col, value, style) {
  const cell = ws.getRow(row).getCell(col);
  if (value !== null && value !== undefined) cell.value = value;
  cell.style = style;
  return cell;
}

// ---------------------------------------------------------------------------------------------------------------
// Text of numbers as the sheets write them

const FW_DIGITS = '０１２３４５６７８９';
function grouped(n) {
  return Math.round(n).toLocaleString('en-US');
}
function fullWidth(s) {
  let out = '';
  for (const ch of s) {
    if (ch >= '0' && ch <= '9') out += FW_DIGITS[ch.charCodeAt(0) - 48];
    else if (ch === ',') out += '，';
    else if (ch === '.') out += '．';
    else out += ch;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Indicators

const SUBJECTS = ['県内ものづくり企業', '県内中小企業', '観光客', '県内事業所', '地域の団体', '県民', '高校生', '農林水産事業者', '市町', '外国人旅行者', 'NPO法人', '若者'];
const THINGS = ['新たな製品開発や事業化等につながった件数', '共同研究等に取り組んだ企業数', '技術人材育成講座等の参加者数', '支援による新規雇用者数', '相談対応件数', '宿泊者数', 'セミナー参加者数', '商談会での成約件数', '認定件数', '交流イベントの開催回数'];
const DOWN_THINGS = ['労働災害による死傷者数', '交通事故件数', '待機児童数', '後継者不在率', '県税の滞納件数'];

/** Units with their value range and how they are written. */
const UNITS = [
  { unit: '件', lo: 5, hi: 3000 },
  { unit: '社', lo: 5, hi: 800 },
  { unit: '人', lo: 20, hi: 60000 },
  { unit: '回', lo: 2, hi: 200 },
  { unit: '団体', lo: 3, hi: 150 },
  { unit: '千人', lo: 100, hi: 9000 },
  { unit: '箇所', lo: 3, hi: 300 },
  { unit: '%', lo: 10, hi: 90, decimals: 1 },
];

/** How one indicator's figures are written: a sheet writes one indicator consistently. */
const STYLES = [
  { key: 'text-space', weight: 40 }, // '53 件', '1,234 人'
  { key: 'fullwidth', weight: 20 }, // '１０５ 社', '１，２３４ 人'
  { key: 'text-tight', weight: 15 }, // '53件'
  { key: 'number-fmt', weight: 25 }, // 53 with #,##0"件"
];
function pickWeighted(rnd, list) {
  const total = list.reduce((s, x) => s + x.weight, 0);
  let r = rnd.next() * total;
  for (const x of list) if ((r -= x.weight) < 0) return x.key;
  return list[list.length - 1].key;
}

function render(value, u, style) {
  const decimals = u.decimals ?? 0;
  const rounded = decimals ? Math.round(value * 10 ** decimals) / 10 ** decimals : Math.round(value);
  if (style === 'number-fmt') {
    const numFmt = decimals ? `#,##0.0"${u.unit}"` : `#,##0"${u.unit}"`;
    return { value: rounded, numFmt };
  }
  const digits = decimals ? rounded.toFixed(decimals) : grouped(rounded);
  if (style === 'fullwidth') return { value: `${fullWidth(digits)} ${u.unit === '%' ? '％' : u.unit}` };
  if (style === 'text-tight') return { value: `${digits}${u.unit}` };
  return { value: `${digits} ${u.unit}` };
}

const REIWA = ['令和元年度', '２年度', '３年度', '４年度', '５年度', '６年度'];
/** FY of the columns B (baseline, 現状値) .. G; actuals are written up to the report year. */
const FIRST_FY = 2019;
const REPORT_FY = 2022;
const YEAR_COLS = ['C', 'D', 'E', 'F', 'G'];
const FIRST_DATA_ROW = 10;

function indicatorSheet(wb, rnd, count, merges, stats) {
  const ws = wb.addWorksheet('施策');
  ws.columns = [{ width: 46 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }];
  put(ws, 1, 1, '施策999 ものづくり産業の振興（ベンチマーク用の生成データ）', S.title);
  put(ws, 2, 1, '【主担当部局：雇用経済部】', S.plain);
  put(ws, 7, 1, '主指標・副指標', S.plain);
  put(ws, 8, 1, '目標項目', S.head);
  put(ws, 9, 1, null, S.head);
  if (merges) fastMerge(ws, 8, 1, 9, 1);
  REIWA.forEach((label, i) => {
    put(ws, 8, 2 + i, label, S.head);
    put(ws, 9, 2 + i, i === 0 ? '現状値' : '目標値\n実績値', S.sub);
  });

  const rows = [];
  for (let k = 0; k < count; k++) {
    const r0 = FIRST_DATA_ROW + 2 * k;
    const r1 = r0 + 1;
    rows.push({ target: r0, actual: r1 });
    const u = rnd.pick(UNITS);
    const style = pickWeighted(rnd, STYLES);
    const down = u.unit !== '%' && rnd.chance(0.08);
    const cumulative = !down && rnd.chance(0.3);
    const name = down
      ? `${rnd.pick(DOWN_THINGS)}（No.${k + 1}）`
      : `${rnd.pick(SUBJECTS)}の${rnd.pick(THINGS)}${cumulative ? '（累計）' : ''}（No.${k + 1}）`;
    put(ws, r0, 1, name, S.name);
    put(ws, r1, 1, null, S.name);
    if (merges) fastMerge(ws, r0, 1, r1, 1);

    const decimals = u.decimals ?? 0;
    const base = u.lo + rnd.next() * (u.hi - u.lo);
    const b = render(base, u, style);
    put(ws, r0, 2, b.value, valueStyle(b.numFmt));
    put(ws, r1, 2, null, S.value);

    // Targets: growing (or falling) from the baseline; cumulative ones grow faster.
    const growth = down ? -(0.02 + rnd.next() * 0.06) : cumulative ? 0.1 + rnd.next() * 0.5 : rnd.next() * 0.08;
    let prevActual = base;
    for (let y = 0; y < YEAR_COLS.length; y++) {
      const col = 3 + y;
      const fy = FIRST_FY + 1 + y;
      let target = base * (1 + growth * (y + 1));
      if (u.unit === '%') target = Math.min(target, 99);
      target = decimals ? target : Math.max(1, Math.round(target));
      // Target cell.
      if (rnd.chance(0.02)) {
        put(ws, r0, col, '－', S.value);
        stats.dash++;
      } else if (rnd.chance(0.015)) {
        put(ws, r0, col, null, S.value);
        stats.blank++;
      } else {
        const t = render(target, u, style);
        put(ws, r0, col, t.value, valueStyle(t.numFmt));
      }
      // Actual cell: written up to the report year.
      if (fy > REPORT_FY) {
        put(ws, r1, col, null, S.value);
        continue;
      }
      const roll = rnd.next();
      if (roll < 0.03) {
        put(ws, r1, col, '調査中', S.value);
        stats.pending++;
        continue;
      }
      if (roll < 0.055) {
        put(ws, r1, col, null, S.value);
        stats.blank++;
        continue;
      }
      if (roll < 0.065) {
        put(ws, r1, col, '－', S.value);
        stats.dash++;
        continue;
      }
      // Achievement: mostly met, some nearly, some gaps (below 85%).
      const band = rnd.next();
      let factor = band < 0.12 ? 0.5 + rnd.next() * 0.35 : band < 0.3 ? 0.85 + rnd.next() * 0.15 : 1 + rnd.next() * 0.25;
      if (down) factor = 1 / factor;
      let actual = target * factor;
      if (cumulative) {
        actual = Math.max(actual, prevActual); // a running total does not fall …
        if (rnd.chance(0.01)) actual = prevActual * 0.9; // … except where a sheet gets it wrong
      }
      if (u.unit === '%') actual = Math.min(actual, 100);
      prevActual = actual;
      const a = render(actual, u, style);
      put(ws, r1, col, a.value, valueStyle(a.numFmt));
      stats.actuals++;
    }
  }
  return {
    kind: 'indicator',
    sheet: '施策',
    range: `A8:G${FIRST_DATA_ROW + 2 * count - 1}`,
    layout: 'two-row',
    nameColumn: 'A',
    baseline: { fy: 'B8', column: 'B' },
    years: YEAR_COLS.map((c) => ({ fy: `${c}8`, target: c, actual: c })),
    rows,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Budget blocks

const PROJECTS = ['よろず支援拠点事業', '事業承継・引継ぎ支援センター事業', '経営向上ステップアップ促進事業', '中小企業再生支援事業', 'ものづくり中小企業DX推進事業', '創業支援事業', '販路開拓支援事業', '産学官連携推進事業', '海外展開支援事業', '人材育成支援事業'];
const SOURCES = ['国', '県', '県', '国', '市', '自', '国・県', '県・市'];

function budgetSheet(wb, rnd, count, stats) {
  const ws = wb.addWorksheet('事業計画');
  ws.columns = [{ width: 12 }, { width: 6 }, { width: 8 }, { width: 46 }, { width: 18 }, { width: 12 }];
  put(ws, 1, 1, '令和6年度 事業計画書（ベンチマーク用の生成データ）', S.title);
  put(ws, 2, 1, '公益財団法人三重県産業支援センター', S.plain);
  const amountFmt = '#,##0;"▲ "#,##0';
  const amountStyle = valueStyle(amountFmt);
  const text = (n) => (n < 0 ? `▲ ${grouped(-n)}` : grouped(n));

  for (let k = 0; k < count; k++) {
    const r = 4 + 5 * k;
    ['年度', '番号', '財源', '事業名', '事業費(単位:千円)', '継続・新規'].forEach((h, i) => put(ws, r, 1 + i, h, S.head));
    const isNew = rnd.chance(0.08);
    const amount = Math.max(1, Math.round(Math.exp(3 + rnd.next() * 9.5))); // 20 … 270,000 千円
    const previous = isNew ? null : rnd.chance(0.5) ? amount : Math.max(1, Math.round(amount * (0.8 + rnd.next() * 0.4)));
    let change = amount - (previous ?? 0);
    if (rnd.chance(0.01)) {
      change += rnd.pick([-1, 1]) * rnd.int(2, 500); // a deliberate 前年度比 mismatch (beyond the tolerance of 1)
      stats.mismatches++;
    }
    const source = rnd.chance(0.002) ? '白' : rnd.pick(SOURCES); // 自 copied from a PDF as 白
    const asText = k < count / 2;
    put(ws, r + 1, 1, '令和6年度', S.center);
    put(ws, r + 1, 2, k + 1, S.center);
    put(ws, r + 1, 3, source, S.center);
    put(ws, r + 1, 4, `${rnd.pick(PROJECTS)}（${k + 1}）`, S.name);
    put(ws, r + 1, 5, asText ? text(amount) : amount, asText ? S.value : amountStyle);
    put(ws, r + 1, 6, isNew ? '新規' : '継続', S.center);
    for (let c = 1; c <= 3; c++) put(ws, r + 2, c, null, S.center);
    ['前年度事業名', '事業費(単位:千円)', '前年度比'].forEach((h, i) => put(ws, r + 2, 4 + i, h, S.sub));
    for (let c = 1; c <= 3; c++) put(ws, r + 3, c, null, S.center);
    put(ws, r + 3, 4, isNew ? '—' : '同上', S.name);
    put(ws, r + 3, 5, previous === null ? '—' : asText ? text(previous) : previous, asText ? S.value : amountStyle);
    put(ws, r + 3, 6, asText ? text(change) : change, asText ? S.value : amountStyle);
    if (isNew) stats.newProjects++;
  }
  return {
    kind: 'budget',
    sheet: '事業計画',
    range: `A4:F${4 + 5 * count - 2}`,
    layout: 'blocks',
    unitHeader: 'E4',
    projects: [{ name: 'D5', source: 'C5', continuation: 'F5', fy: 'A5', amount: 'E5', previousAmount: 'E7', statedChange: 'F7', previousName: 'D7' }],
    repeat: { count, rowStep: 5 },
  };
}

// ---------------------------------------------------------------------------------------------------------------

function sidecarOf(file) {
  return path.join(path.dirname(file), `${path.basename(file).replace(/\.xlsx$/i, '')}.tassei.json`);
}

async function generate({ out, indicators = 20000, blocks = 5000, seed = 1, merges = true }) {
  const started = process.hrtime.bigint();
  const rnd = prng(seed);
  const stats = { indicators, blocks, merges, dash: 0, blank: 0, pending: 0, actuals: 0, mismatches: 0, newProjects: 0 };
  const wb = new ExcelJS.Workbook();
  const fixed = new Date(Date.UTC(2024, 3, 1));
  wb.creator = 'tassei bench/generate.js';
  wb.created = fixed;
  wb.modified = fixed;
  const tables = [];
  tables.push(indicatorSheet(wb, rnd, indicators, merges, stats));
  tables.push(budgetSheet(wb, rnd, blocks, stats));
  const built = process.hrtime.bigint();

  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  await wb.xlsx.writeFile(tmp);
  fs.renameSync(tmp, out);
  const written = process.hrtime.bigint();

  const mapping = {
    version: 1,
    description: `ベンチマーク: 指標 ${indicators} 件 × 5 年度（2行形式）と予算ブロック ${blocks} 件（generate.js v${GENERATOR_VERSION}, seed ${seed}）`,
    reportFy: REPORT_FY,
    tables,
  };
  // Compact rows, one table per line: 20,000 rows stay well under the CLI's 5 MiB mapping limit.
  const mappingFile = sidecarOf(out);
  fs.writeFileSync(mappingFile, `${JSON.stringify(mapping)}\n`);
  return {
    out,
    mappingFile,
    bytes: fs.statSync(out).size,
    buildMs: Number(built - started) / 1e6,
    writeMs: Number(written - built) / 1e6,
    stats,
    params: { version: GENERATOR_VERSION, indicators, blocks, seed, merges },
  };
}

function parseArgs(argv) {
  const o = { out: path.join(__dirname, '.cache', 'bench.xlsx'), indicators: 20000, blocks: 5000, seed: 1, merges: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-merges') o.merges = false;
    else if (a === '--out') o.out = path.resolve(argv[++i]);
    else if (a === '--indicators') o.indicators = Number(argv[++i]);
    else if (a === '--blocks') o.blocks = Number(argv[++i]);
    else if (a === '--seed') o.seed = Number(argv[++i]);
    else throw new Error(`unknown argument: ${a}`);
  }
  return o;
}

module.exports = { generate, sidecarOf, GENERATOR_VERSION, prng };

if (require.main === module) {
  generate(parseArgs(process.argv.slice(2))).then(
    (r) => {
      console.log(JSON.stringify(r, null, 2));
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
