/**
 * An in-memory workbook (a `workbookModel` spec for src/excelHost) shaped like samples/shisaku-322-r3.xlsx's
 * two-row indicator tables, and its mapping (the JSON shape of samples/shisaku-322-r3.tassei.json's indicator
 * tables), for the add-in's round-trip benchmark (bench/addin.js).
 *
 * Sheet 施策999: title rows, header rows 8–9 (令和元年度 現状値, ２年度 … ６年度 目標値/実績値), then N indicator
 * rows = N/2 indicators, each a target row and an actual row, the name merged over both rows; baseline (B) and 5
 * years (C–G). Values as the sheets write them ('53 件', '１０５ 社', '53件', 53 with #,##0"件"), some '－', blanks
 * and 調査中; actuals up to the report year (令和4年度); achievement mostly met, some nearly, some gaps. A few cells
 * carry an official's own fill or note (what flagging must remember and clearing must put back).
 *
 * Deterministic (bench/generate.js's seeded PRNG): the same N gives the same workbook.
 */
'use strict';

/** mulberry32, as bench/generate.js (copied: requiring generate.js would load ExcelJS for nothing). */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const SHEET = '施策999';
const SUBJECTS = ['県内ものづくり企業', '県内中小企業', '観光客', '県内事業所', '地域の団体', '県民', '高校生', '農林水産事業者', '市町', '外国人旅行者', 'NPO法人', '若者'];
const THINGS = ['新たな製品開発や事業化等につながった件数', '共同研究等に取り組んだ企業数', '技術人材育成講座等の参加者数', '支援による新規雇用者数', '相談対応件数', '宿泊者数', 'セミナー参加者数', '商談会での成約件数', '認定件数', '交流イベントの開催回数'];
const DOWN_THINGS = ['労働災害による死傷者数', '交通事故件数', '待機児童数', '後継者不在率', '県税の滞納件数'];
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
const STYLES = [
  { key: 'text-space', weight: 40 }, // '53 件'
  { key: 'fullwidth', weight: 20 }, // '１０５ 社'
  { key: 'text-tight', weight: 15 }, // '53件'
  { key: 'number-fmt', weight: 25 }, // 53 with #,##0"件"
];
const REIWA = ['令和元年度', '２年度', '３年度', '４年度', '５年度', '６年度'];
const FIRST_FY = 2019;
const REPORT_FY = 2022;
const COLS = ['B', 'C', 'D', 'E', 'F', 'G'];
const YEAR_COLS = COLS.slice(1);
const FIRST_DATA_ROW = 10;
const FW = '０１２３４５６７８９';

const HEAD_FILL = { color: '#D9E1F2' };
const SUB_FILL = { color: '#F2F2F2' };
const OFFICIAL_FILL = { color: '#FFFF00' }; // an official's highlight, kept by flags and put back by clearing

function pickWeighted(rnd, list) {
  const total = list.reduce((s, x) => s + x.weight, 0);
  let r = rnd.next() * total;
  for (const x of list) if ((r -= x.weight) < 0) return x.key;
  return list[list.length - 1].key;
}

function fullWidth(s) {
  let out = '';
  for (const ch of s) out += ch >= '0' && ch <= '9' ? FW[ch.charCodeAt(0) - 48] : ch === ',' ? '，' : ch === '.' ? '．' : ch;
  return out;
}

/** A figure as one indicator's style writes it: a cell spec. */
function render(value, u, style) {
  const decimals = u.decimals ?? 0;
  const rounded = decimals ? Math.round(value * 10 ** decimals) / 10 ** decimals : Math.round(value);
  if (style === 'number-fmt') return { value: rounded, numberFormat: decimals ? `#,##0.0"${u.unit}"` : `#,##0"${u.unit}"` };
  const digits = decimals ? rounded.toFixed(decimals) : rounded.toLocaleString('en-US');
  if (style === 'fullwidth') return { value: `${fullWidth(digits)} ${u.unit === '%' ? '％' : u.unit}` };
  if (style === 'text-tight') return { value: `${digits}${u.unit}` };
  return { value: `${digits} ${u.unit}` };
}

/**
 * The workbook spec and mapping for `rows` indicator rows (rows / 2 indicators; an odd count is rounded up).
 * Returns { spec, mapping, stats }.
 */
function indicatorWorkbook(rows, seed = 1) {
  const indicators = Math.max(1, Math.ceil(rows / 2));
  const rnd = prng(seed);
  const cells = {};
  const merges = ['A8:A9'];
  const stats = { indicators, rows: indicators * 2, dash: 0, blank: 0, pending: 0, actuals: 0, officialFills: 0, officialNotes: 0 };
  cells.A1 = { value: '施策999 ものづくり産業の振興（ベンチマーク用の生成データ）', font: { bold: true, size: 12 } };
  cells.A2 = '【主担当部局：雇用経済部】';
  cells.A7 = '主指標・副指標';
  cells.A8 = { value: '目標項目', fill: HEAD_FILL, font: { bold: true } };
  cells.A9 = { fill: HEAD_FILL };
  REIWA.forEach((label, i) => {
    cells[`${COLS[i]}8`] = { value: label, fill: HEAD_FILL, font: { bold: true }, horizontalAlignment: 'Center' };
    cells[`${COLS[i]}9`] = { value: i === 0 ? '現状値' : '目標値\n実績値', fill: SUB_FILL, font: { bold: true }, wrapText: true };
  });

  const mappedRows = [];
  for (let k = 0; k < indicators; k++) {
    const r0 = FIRST_DATA_ROW + 2 * k;
    const r1 = r0 + 1;
    mappedRows.push({ target: r0, actual: r1 });
    const u = rnd.pick(UNITS);
    const style = pickWeighted(rnd, STYLES);
    const down = u.unit !== '%' && rnd.chance(0.08);
    const cumulative = !down && rnd.chance(0.3);
    cells[`A${r0}`] = down ? `${rnd.pick(DOWN_THINGS)}（No.${k + 1}）` : `${rnd.pick(SUBJECTS)}の${rnd.pick(THINGS)}${cumulative ? '（累計）' : ''}（No.${k + 1}）`;
    merges.push(`A${r0}:A${r1}`);
    const decimals = u.decimals ?? 0;
    const base = u.lo + rnd.next() * (u.hi - u.lo);
    cells[`B${r0}`] = render(base, u, style);

    const growth = down ? -(0.02 + rnd.next() * 0.06) : cumulative ? 0.1 + rnd.next() * 0.5 : rnd.next() * 0.08;
    let prevActual = base;
    for (let y = 0; y < YEAR_COLS.length; y++) {
      const col = YEAR_COLS[y];
      const fy = FIRST_FY + 1 + y;
      let target = base * (1 + growth * (y + 1));
      if (u.unit === '%') target = Math.min(target, 99);
      target = decimals ? target : Math.max(1, Math.round(target));
      if (rnd.chance(0.02)) {
        cells[`${col}${r0}`] = '－';
        stats.dash++;
      } else if (rnd.chance(0.015)) stats.blank++;
      else cells[`${col}${r0}`] = render(target, u, style);
      if (fy > REPORT_FY) continue;
      const roll = rnd.next();
      if (roll < 0.03) {
        cells[`${col}${r1}`] = '調査中';
        stats.pending++;
        continue;
      }
      if (roll < 0.055) {
        stats.blank++;
        continue;
      }
      if (roll < 0.065) {
        cells[`${col}${r1}`] = '－';
        stats.dash++;
        continue;
      }
      const band = rnd.next();
      let factor = band < 0.12 ? 0.5 + rnd.next() * 0.35 : band < 0.3 ? 0.85 + rnd.next() * 0.15 : 1 + rnd.next() * 0.25;
      if (down) factor = 1 / factor;
      let actual = target * factor;
      if (cumulative) {
        actual = Math.max(actual, prevActual);
        if (rnd.chance(0.01)) actual = prevActual * 0.9;
      }
      if (u.unit === '%') actual = Math.min(actual, 100);
      prevActual = actual;
      const cell = render(actual, u, style);
      // An official's own marks on some actuals: a highlight, a note.
      if (rnd.chance(0.01)) {
        cell.fill = OFFICIAL_FILL;
        stats.officialFills++;
      }
      if (rnd.chance(0.005)) {
        cell.note = '確認中（担当）';
        stats.officialNotes++;
      }
      cells[`${col}${r1}`] = cell;
      stats.actuals++;
    }
  }
  const last = FIRST_DATA_ROW + 2 * indicators - 1;
  const spec = {
    sheets: [{ name: SHEET, cells, merges, columnWidths: { A: 240, B: 64, C: 64, D: 64, E: 64, F: 64, G: 64 } }],
  };
  const mapping = {
    version: 1,
    description: `ベンチマーク（アドイン）: 指標 ${indicators} 件（${indicators * 2} 行、2行形式）`,
    reportFy: REPORT_FY,
    tables: [
      {
        kind: 'indicator',
        sheet: SHEET,
        range: `A8:G${last}`,
        layout: 'two-row',
        nameColumn: 'A',
        baseline: { fy: 'B8', column: 'B' },
        years: YEAR_COLS.map((c) => ({ fy: `${c}8`, target: c, actual: c })),
        rows: mappedRows,
      },
    ],
  };
  return { spec, mapping, stats };
}

module.exports = { indicatorWorkbook, SHEET };
