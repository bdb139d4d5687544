/**
 * The detection corpus, built in code: the tables of the seed documents that the fixtures do not hold, and variants
 * of the fixtures' layouts (shifted origin, extra blank rows and columns, English headers, numbers stored as numbers
 * with unit formats, a 平成 sheet with 県民指標 and 活動指標, hidden rows, merged cells, a 事業マネジメントシート with a
 * 進展度 grade, a flat budget table with a 合計 row, lower-is-better indicators), each sheet with the mapping an
 * official would write by hand. Text sections, a 実施スケジュール and target/actual lists inside cells must yield no
 * table. The fixtures themselves are added by fixtures.ts (they need ExcelJS to be read).
 */
import type { SheetGrid, TableMapping } from '../../src/core';
import { SheetBuilder, type Value } from './builder';

export interface CorpusCase {
  readonly id: string;
  readonly sheets: readonly SheetGrid[];
  /** The hand-made mapping of the tables (empty for sheets that hold none). */
  readonly expected: readonly TableMapping[];
  /** Cells holding a target and an actual together: reported as unmapped, never as a table. */
  readonly unmapped?: readonly string[];
  /** 進展度 grades expected: cell → grade. */
  readonly grades?: Readonly<Record<string, string>>;
  /** Expected unsure notes: row number → code. */
  readonly unsure?: readonly { row: number; code: string }[];
}

const TA = '目標値\n実績値';
const ken = (n: number): Value => ({ n, fmt: '#,##0"件"' });
const sha = (n: number): Value => ({ n, fmt: '#,##0"社"' });
const yen = (n: number): Value => ({ n, fmt: '#,##0;"▲ "#,##0' });
const LONG_TEXT =
  '次世代自動車や航空宇宙等の次世代ものづくり産業をはじめとする県内ものづくり産業の振興に向けて、平成 30 年度実績（25 件）を踏まえ、令和３年度は 53 件を目標とします。';

/** 施策評価表 two-row tables moved to C6, a blank column between names and years, a blank row between indicators. */
function shifted(): CorpusCase {
  const name = '施策（位置ずれ）';
  const b = new SheetBuilder(name)
    .put('B2', '施策322 ものづくり産業の振興（令和3年度）')
    .put('C5', '主指標')
    .put('C6', '目標項目', null, '令和元年度', '２年度', null, '３年度', '４年度')
    .put('E7', '現状値', TA, '目標達成状況', TA, TA)
    .merge('F6:G6', 'C8:C9', 'C11:C12')
    .put('C8', '県内ものづくり企業の新たな製品開発や事業化等につながった件数（累計）', null, '26 件', null, null, '53 件', '80 件')
    .put('F9', '－', null, '50 件')
    .put('C11', '技術人材育成講座等の参加企業数', null, '100 社', null, null, '100 社', '100 社')
    .put('F12', '105 社', null, '92 社')
    .put('C14', '目標項目の説明', LONG_TEXT)
    .merge('D14:I14');
  return {
    id: 'shifted-two-row',
    sheets: [b.grid()],
    expected: [
      {
        kind: 'indicator', sheet: name, range: 'C6:I12', layout: 'two-row', nameColumn: 'C',
        baseline: { fy: 'E6', column: 'E' },
        years: [{ fy: 'F6', target: 'F', actual: 'F', stated: 'G' }, { fy: 'H6', target: 'H', actual: 'H' }, { fy: 'I6', target: 'I', actual: 'I' }],
        rows: [{ target: 8, actual: 9 }, { target: 11, actual: 12 }],
      },
    ],
  };
}

/** English headers (Indicator, FY2019, Baseline, Target / Actual, Achievement), numbers with unit formats. */
function english(): CorpusCase {
  const name = 'Policy 322 (EN)';
  const b = new SheetBuilder(name)
    .put('A1', 'Policy evaluation sheet, FY2021')
    .put('A3', 'Indicator', 'FY2019', 'FY2020', null, 'FY2021', 'FY2022')
    .put('B4', 'Baseline', 'Target / Actual', 'Achievement', 'Target / Actual', 'Target / Actual')
    .merge('C3:D3', 'A5:A6', 'A7:A8')
    .put('A5', 'Companies in joint research (cumulative)', sha(36), sha(50), null, sha(73), sha(110))
    .put('C6', sha(48), '0.96', sha(80))
    .put('A7', 'Companies in training courses', sha(100), sha(100), null, sha(100), sha(100))
    .put('C8', sha(105), '1.05', sha(92));
  return {
    id: 'english-headers',
    sheets: [b.grid()],
    expected: [
      {
        kind: 'indicator', sheet: name, range: 'A3:F8', layout: 'two-row', nameColumn: 'A',
        baseline: { fy: 2019, column: 'B' },
        years: [{ fy: 2020, target: 'C', actual: 'C', stated: 'D' }, { fy: 2021, target: 'E', actual: 'E' }, { fy: 2022, target: 'F', actual: 'F' }],
        rows: [{ target: 5, actual: 6 }, { target: 7, actual: 8 }],
      },
    ],
  };
}

/** A 平成 施策評価表: 県民指標, 活動指標 with a leading 基本事業 column and '/' markers, budget lines (30) → (31). */
function heisei(): CorpusCase {
  const name = '施策331（平成）';
  const b = new SheetBuilder(name)
    .put('A1', '平成29年度 施策評価表 施策331 国際展開の推進')
    .put('A3', '県民指標')
    .put('A4', '目標項目', '平成27年度', '28年度', '29年度', '30年度')
    .put('B5', '現状値', TA, TA, TA)
    .merge('A6:A7')
    .put('A6', '海外展開に取り組む県内企業数（累計）', '120 社', '130 社', '140 社', '150 社')
    .put('C7', '128 社', '141 社')
    .put('A9', '活動指標')
    .put('A10', '基本事業', '活動指標', '平成27年度', '28年度', '29年度', '30年度')
    .put('C11', '現状値', TA, TA, TA)
    .merge('A12:A15', 'B12:B13', 'B14:B15')
    .put('A12', '33101 国際交流の推進（雇用経済部）', '海外との交流事業の件数', '10 件', '12 件', '14 件', '16 件')
    .put('D13', '11 件', '/')
    .put('B14', '国際交流イベント参加者数', '1,200 人', '1,300 人', '1,400 人', '1,500 人')
    .put('D15', '1,250 人', '1,420 人')
    .put('A17', '主な事業')
    .rows('A18', [
      ['① 国際展開支援事業'],
      ['【基本事業名：33101 国際交流の推進】'],
      ['予算額：(28) 5,200千円 → (29) 6,100千円'],
      ['事業概要：県内企業の海外展開を支援します。'],
      [null],
      ['② 海外販路開拓事業（新規）'],
      ['【基本事業名：33102 海外販路の開拓】'],
      ['予算額：(28) - 千円 → (29) 9,000千円'],
      ['事業概要：海外の商談会への出展を支援します。'],
    ]);
  return {
    id: 'heisei-sheet',
    sheets: [b.grid()],
    expected: [
      {
        kind: 'indicator', sheet: name, range: 'A4:E7', layout: 'two-row', nameColumn: 'A',
        baseline: { fy: 'B4', column: 'B' },
        years: [{ fy: 'C4', target: 'C', actual: 'C' }, { fy: 'D4', target: 'D', actual: 'D' }, { fy: 'E4', target: 'E', actual: 'E' }],
        rows: [{ target: 6, actual: 7 }],
      },
      {
        kind: 'indicator', sheet: name, range: 'A10:F15', layout: 'two-row', nameColumn: 'B',
        baseline: { fy: 'C10', column: 'C' },
        years: [{ fy: 'D10', target: 'D', actual: 'D' }, { fy: 'E10', target: 'E', actual: 'E' }, { fy: 'F10', target: 'F', actual: 'F' }],
        rows: [{ target: 12, actual: 13 }, { target: 14, actual: 15 }],
      },
      { kind: 'budget', sheet: name, range: 'A18:A26', layout: 'text-lines', unit: '千円', projects: [{ name: 'A18', line: 'A20' }, { name: 'A23', line: 'A25' }] },
    ],
  };
}

/** 事業マネジメントシート: 進展度 B with its words, targets per year with the stated 目標達成状況, a 予算額等 row. */
function management(): CorpusCase {
  const name = '事業マネジメント';
  const b = new SheetBuilder(name)
    .put('A1', '令和3年度 事業マネジメントシート')
    .put('A3', '事業名', '中小企業支援事業')
    .put('A4', '進展度', 'B', 'ある程度進んだ')
    .put('A6', '数値目標')
    .put('A7', '指標', '令和2年度', null, '令和3年度')
    .merge('B7:C7', 'D7:E7', 'A9:A10', 'A11:A12')
    .put('B8', TA, '目標達成状況', TA, '目標達成状況')
    .put('A9', '相談対応件数', '300件', null, '320件')
    .put('B10', '291件', '0.97', '330件', '1.03')
    .put('A11', '労働災害の発生件数', '12件', null, '10件')
    .put('B12', '11件', '1.09', '12件', '0.83')
    .put('A13', '予算額等', '1,000', null, '1,200');
  return {
    id: 'management-sheet',
    sheets: [b.grid()],
    grades: { B4: 'B' },
    expected: [
      {
        kind: 'indicator', sheet: name, range: 'A7:E13', layout: 'two-row', nameColumn: 'A',
        years: [{ fy: 'B7', target: 'B', actual: 'B', stated: 'C' }, { fy: 'D7', target: 'D', actual: 'D', stated: 'E' }],
        rows: [{ target: 9, actual: 10 }, { target: 11, actual: 12, direction: 'down' }],
      },
    ],
  };
}

/** A flat budget table, one project per row, numbers with the ▲ format, a 合計 row, the unit stated above it. */
function flatBudget(): CorpusCase {
  const name = '予算一覧';
  const b = new SheetBuilder(name)
    .put('A1', '令和6年度 予算一覧')
    .put('E2', '（単位：千円）')
    .rows('A3', [
      ['事業名', '財源', '令和6年度予算額', '令和5年度予算額', '増減', '継続・新規'],
      ['よろず支援拠点事業', '国', yen(74990), yen(74990), yen(0), '継続'],
      ['事業承継・引継ぎ支援センター事業', '国', yen(95249), yen(102382), yen(-7133), '継続'],
      ['営業力強化支援促進事業', '県', yen(4869), '—', yen(4869), '新規'],
      ['合計', null, yen(175108), yen(177372), yen(-2264), null],
    ]);
  const project = (r: number) => ({ name: `A${r}`, source: `B${r}`, amount: `C${r}`, fy: 'C3', previousAmount: `D${r}`, previousFy: 'D3', statedChange: `E${r}`, continuation: `F${r}` });
  return {
    id: 'flat-budget',
    sheets: [b.grid()],
    expected: [{ kind: 'budget', sheet: name, range: 'A3:F7', layout: 'rows', unit: '千円', projects: [project(4), project(5), project(6)], total: { amount: 'C7', previousAmount: 'D7', change: 'E7' } }],
  };
}

/** A モニタリング指標 table with a hidden row and numbers stored as numbers with a 件 format. */
function hiddenRow(): CorpusCase {
  const name = 'モニタリング（非表示行）';
  const b = new SheetBuilder(name)
    .put('A1', '「みえ産業振興ビジョン」工程表')
    .put('A3', '取組方向1 (1) 次世代自動車産業の振興')
    .put('A4', 'モニタリング指標', 2018, 2019, 2020, 2021)
    .put('A5', '次世代自動車に関する技術相談・技術支援件数', '—', ken(20), ken(20), ken(20))
    .put('A6', '(サブ指標) 次世代自動車関連企業誘致件数(累計)', ken(2), ken(4), ken(6), ken(8))
    .put('A7', '(サブ指標) 次世代自動車の試作件数', ken(1), ken(2), ken(3), ken(4))
    .hide(6);
  return {
    id: 'hidden-row',
    sheets: [b.grid()],
    expected: [
      {
        kind: 'indicator', sheet: name, range: 'A4:E7', layout: 'one-row', nameColumn: 'A',
        years: [{ fy: 'B4', target: 'B' }, { fy: 'C4', target: 'C' }, { fy: 'D4', target: 'D' }, { fy: 'E4', target: 'E' }],
        rows: [{ target: 5 }, { target: 6 }, { target: 7 }],
      },
    ],
  };
}

/** Lower-is-better indicators: by their words (発生件数), and by falling targets alone (to be confirmed). */
function direction(): CorpusCase {
  const name = 'モニタリング（方向）';
  const b = new SheetBuilder(name)
    .put('A1', '工程表 2021')
    .put('A3', 'モニタリング指標', 2021, 2022, 2023)
    .put('A4', '労働災害の発生件数', '120件', '110件', '100件')
    .put('A5', '相談の平均処理時間', '10時間', '8時間', '6時間')
    .put('A6', '県内ものづくり中小企業の付加価値率', '35.0%', '36.0%', '37.0%');
  return {
    id: 'direction',
    sheets: [b.grid()],
    unsure: [{ row: 5, code: 'direction' }],
    expected: [
      {
        kind: 'indicator', sheet: name, range: 'A3:D6', layout: 'one-row', nameColumn: 'A',
        years: [{ fy: 'B3', target: 'B' }, { fy: 'C3', target: 'C' }, { fy: 'D3', target: 'D' }],
        rows: [{ target: 4, direction: 'down' }, { target: 5 }, { target: 6 }],
      },
    ],
  };
}

/** 成果目標値 tables of seed 003 that the fixture does not hold: blocks 18 (計画 | 実績 by year) and 19. */
function moreOutcomeTables(): CorpusCase {
  const name = '成果目標値（追加）';
  const b = new SheetBuilder(name)
    .put('A1', '令和6年度 事業計画書 成果目標値（抜粋）')
    .put('A3', '【18】地域中小企業外国出願支援事業')
    .put('A4', '外国出願支援案件数')
    .rows('A5', [
      [null, 'R4年度計画', '実績', 'R5年度計画', '実績'],
      ['特許', '2件', '2件', '2件', '2件'],
      ['実用新案', '1件', '1件', '1件', '1件'],
      ['意匠', '0件', '0件', '0件', '0件'],
      ['商標', '2件', '2件', '0件', '0件'],
      ['冒認商標', '0件', '0件', '0件', '0件'],
    ])
    .put('A12', '【19】ものづくり中小企業課題解決支援事業')
    .put('B13', 'R5年度(見込)', null, 'R6年度')
    .merge('B13:C13')
    .rows('B14', [['目標', '実績', '目標']])
    .rows('A15', [
      ['1 ものづくり企業の課題解決', '24件', '24件', '24件'],
      ['2 技術セミナー等の開催', '10回', '10回', '10回'],
    ]);
  return {
    id: 'seed-003-outcomes',
    sheets: [b.grid()],
    // 商標 2件 → 0件: falling targets with no word saying lower is better, for the user to confirm.
    unsure: [{ row: 9, code: 'direction' }],
    expected: [
      {
        kind: 'indicator', sheet: name, range: 'A5:E10', layout: 'columns', nameColumn: 'A',
        years: [{ fy: 'B5', target: 'B', actual: 'C' }, { fy: 'D5', target: 'D', actual: 'E' }],
        rows: [6, 7, 8, 9, 10].map((r) => ({ target: r, actual: r })),
      },
      {
        kind: 'indicator', sheet: name, range: 'A13:D16', layout: 'columns', nameColumn: 'A',
        years: [{ fy: 'B13', target: 'B', actual: 'C' }, { fy: 'D13', target: 'D' }],
        rows: [15, 16].map((r) => ({ target: r, actual: r })),
      },
    ],
  };
}

/**
 * Seed 003, block 【2】 as the seed writes it (layout 5 of the issue): under 「1. 令和5年度 目標・実績」 each indicator
 * is a row of label cells and values, `name | 目標 | 130件 | 実績 | 112件`; a note and a sentence follow.
 */
function labelCellList(): CorpusCase {
  const name = '成果目標値（目標・実績の欄）';
  const b = new SheetBuilder(name)
    .put('A1', '令和6年度 事業計画書 成果目標値（抜粋）')
    .put('A3', '【2】事業承継・引継ぎ支援センター事業')
    .put('A4', '1. 令和5年度 目標・実績')
    .rows('A5', [
      ['(1) 1次対応相談件数(親族内)', '目標', '130件', '実績', '112件'],
      ['(2) 1次対応相談件数(譲渡)', '目標', '139件', '実績', '114件'],
      ['(3) 成約件数(親族内)', '目標', '23件', '実績', '21件'],
      ['(4) 成約件数(第三者)', '目標', '33件', '実績', '35件'],
      ['(5) 事業承継診断件数', '目標', '2,878件', '実績', '2,159件'],
      ['(6) エリアCO掘り起し件数', '目標', '165件', '実績', '174件'],
      ['※1. 2. 3. 4. 6は令和6年1月末現在の実績 ※5は、令和5年11月末現在の実績'],
      ['2. 令和6年度目標 令和6年度目標については、後日国と協議予定'],
    ]);
  return {
    id: 'seed-003-label-cells',
    sheets: [b.grid()],
    expected: [
      {
        kind: 'indicator', sheet: name, range: 'A4:E10', layout: 'columns', nameColumn: 'A',
        years: [{ fy: 'A4', target: 'C', actual: 'E' }],
        rows: [5, 6, 7, 8, 9, 10].map((r) => ({ target: r, actual: r })),
      },
    ],
  };
}

/**
 * Targets and actuals inside one cell: seed 003's 「目標 2,878件 実績 2,159件」 with the name in its own cell, under
 * a year heading; and a table with year headers whose cells each hold both (one holds a target only, one a bare
 * value that says neither: the engine's finding, never read as either).
 */
function inCellLists(): CorpusCase {
  const name = '成果目標値（1つのセル）';
  const labels = { target: '目標', actual: '実績' };
  const b = new SheetBuilder(name)
    .put('A1', '令和6年度 事業計画書 成果目標値（抜粋）')
    .put('A3', '【3】事業承継ネットワーク事業')
    .put('A4', '1. 令和5年度 目標・実績')
    .rows('A5', [
      ['(1)事業承継診断件数', '目標 2,878件 実績 2,159件'],
      ['(2)連絡会議開催', '目標 2回 実績 2回'],
      ['(3)セミナー開催', '目標：2回 実績：2回'],
      ['※(1)は令和5年11月末現在の実績'],
    ])
    .put('A10', '【4】相談窓口の実績')
    .rows('A11', [
      ['項目', 'R4年度', 'R5年度'],
      ['相談件数', '目標 120件 実績 118件', '目標 130件 実績 112件'],
      ['成約件数', '目標 20件 実績 19件', '目標 23件 実績 21件'],
      ['訪問件数', '目標 40件', '45件'],
    ]);
  return {
    id: 'in-cell-lists',
    sheets: [b.grid()],
    expected: [
      {
        kind: 'indicator', sheet: name, range: 'A4:B7', layout: 'columns', nameColumn: 'A',
        years: [{ fy: 'A4', target: 'B', actual: 'B' }],
        rows: [5, 6, 7].map((r) => ({ target: r, actual: r, labels })),
      },
      {
        kind: 'indicator', sheet: name, range: 'A11:C14', layout: 'one-row', nameColumn: 'A',
        years: [{ fy: 'B11', target: 'B', actual: 'B' }, { fy: 'C11', target: 'C', actual: 'C' }],
        rows: [12, 13, 14].map((r) => ({ target: r, actual: r, labels })),
      },
    ],
  };
}

/**
 * More 成果目標値 tables of seed 003: block 【7】 (a year and a role in one header cell: R5年度実績 | R6年度目標),
 * block 【23】 (R5年度(見込み) merged over 目標 | 実績, then R6年度 目標; four indicators) and block 【19】 (one
 * indicator, its name 講座受講者数 merged down beside the header rows over its values).
 */
function seed003More(): CorpusCase {
  const name = '成果目標値（その他）';
  const b = new SheetBuilder(name)
    .put('A1', '令和6年度 事業計画書 成果目標値（抜粋）')
    .put('A3', '【7】海外ビジネス展開支援事業')
    .put('B4', 'R5年度実績', 'R6年度目標')
    .rows('A5', [
      ['交付決定', '39件', '30件'],
      ['交付決定額', '30,217千円', '30,000千円'],
    ])
    .put('A9', '【23】中小企業支援センター等事業')
    .put('B10', 'R5年度(見込み)', null, 'R6年度')
    .merge('B10:C10')
    .put('B11', '目標', '実績', '目標')
    .rows('A12', [
      ['広報紙発行', '3回', '3回', '3回'],
      ['メールマガジン発行', '36回', '40回', '36回'],
      ['専門家派遣件数', '28回', '18回', '15回'],
      ['中小企業支援担当者向け研修等への参加', '3回', '2回', '2回'],
    ])
    .put('A18', '【19】化学・プロセス産業人材育成事業')
    .put('A19', '講座受講者数', 'R5年度(見込)', null, 'R6年度')
    .merge('A19:A21', 'B19:C19')
    .put('B20', '目標', '実績', '目標')
    .put('B21', '20人', '39人', '25人');
  return {
    id: 'seed-003-more-outcomes',
    sheets: [b.grid()],
    // 専門家派遣件数 28回 → 15回, 研修等への参加 3回 → 2回: falling targets, no word saying lower is better: for the
    // user to confirm.
    unsure: [{ row: 14, code: 'direction' }, { row: 15, code: 'direction' }],
    expected: [
      {
        kind: 'indicator', sheet: name, range: 'A4:C6', layout: 'columns', nameColumn: 'A',
        years: [{ fy: 'B4', actual: 'B' }, { fy: 'C4', target: 'C' }],
        rows: [5, 6].map((r) => ({ target: r, actual: r })),
      },
      {
        kind: 'indicator', sheet: name, range: 'A10:D15', layout: 'columns', nameColumn: 'A',
        years: [{ fy: 'B10', target: 'B', actual: 'C' }, { fy: 'D10', target: 'D' }],
        rows: [12, 13, 14, 15].map((r) => ({ target: r, actual: r })),
      },
      {
        kind: 'indicator', sheet: name, range: 'A19:D21', layout: 'columns', nameColumn: 'A',
        years: [{ fy: 'B19', target: 'B', actual: 'C' }, { fy: 'D19', target: 'D' }],
        rows: [{ target: 21, actual: 21 }],
      },
    ],
  };
}

/** Text only: a paragraph, target/actual lists inside cells, a 実施スケジュール, 目標項目の説明. No table. */
function textSections(): CorpusCase {
  const name = '文章と実施スケジュール';
  const b = new SheetBuilder(name)
    .put('A1', '事業概要')
    .put('A2', '地域の「事業承継ネットワーク」の構成機関による、プッシュ型事業承継診断を活用した事業承継支援ニーズのある中小企業者の掘り起しから、後継者不在の中小企業者への事業引継ぎ支援を行う。')
    .put('A4', '1. 令和5年度 目標・実績')
    .put('A5', '(1)事業承継診断件数 目標 2,878件 実績 2,159件')
    .put('A6', '(2)連絡会議開催 目標 2回 実績 2回')
    .put('A7', '※(1)は令和5年11月末現在の実績')
    .put('A9', '実施スケジュール')
    .rows('A10', [
      ['取組内容', '具体的な事業等 (主なもの)', '関連 取組', '担当課', 2018, 2019, 2020, 2021],
      ['①次世代自動車に対応し得る技術や素材、部品の開発など、自動車関連部品企業の高付加価値化を促進します。', '産学官技術連携研究会', '①②⑤', 'ものづくり・イノベーション課', '実施', null, '→', null],
      [null, '専門コーディネーターによる支援', '①②', 'ものづくり・イノベーション課', null, 'ヒアリング、アドバイスの実施', null, '→'],
      [null, '人材育成講座の開催', '①⑤', 'ものづくり・イノベーション課', null, '開催 ◆軽量化 等', '企業ニーズを 踏まえた講座 検討', '→ 講座実施'],
    ])
    .put('A15', '目標項目の説明と令和３年度目標値の考え方')
    .put('A16', '目標項目の説明', LONG_TEXT)
    .put('A17', '３年度目標値の考え方', '新たな製品開発や事業化等につながる取組を促進することにより、53 件を目標とします。')
    .merge('B16:H16', 'B17:H17');
  return { id: 'text-sections', sheets: [b.grid()], expected: [], unmapped: ['A5', 'A6'] };
}

export function builtCases(): CorpusCase[] {
  return [shifted(), english(), heisei(), management(), flatBudget(), hiddenRow(), direction(), moreOutcomeTables(), labelCellList(), inCellLists(), seed003More(), textSections()];
}

/**
 * A 施策評価表 two-row table of `indicators` indicators (2 rows each) under the fixture's header rows: the sheet of
 * the cost measure (detection of a 2,000-row sheet against its evaluation).
 */
export function bigTwoRowSheet(indicators: number): { sheet: SheetGrid; mapping: TableMapping } {
  const name = '施策（大）';
  const b = new SheetBuilder(name)
    .put('A1', '施策322 ものづくり産業の振興')
    .put('A2', '目標項目', '令和元年度', '２年度', null, '３年度', '４年度', '５年度')
    .put('B3', '現状値', TA, '目標達成状況', TA, TA, TA)
    .merge('C2:D2');
  for (let i = 0; i < indicators; i++) {
    const r = 4 + 2 * i;
    const base = 10 + (i % 90);
    b.merge(`A${r}:A${r + 1}`)
      .put(`A${r}`, `指標 ${i + 1} の件数（累計）`, `${base} 件`, `${base + 5} 件`, null, `${base + 10} 件`, `${base + 15} 件`, `${base + 20} 件`)
      .put(`C${r + 1}`, i % 7 === 0 ? '－' : `${base + 4} 件`, i % 5 === 0 ? '0.80' : null, i % 11 === 0 ? '調査中' : `${base + 9} 件`);
  }
  const mapping: TableMapping = {
    kind: 'indicator', sheet: name, layout: 'two-row', nameColumn: 'A',
    baseline: { fy: 'B2', column: 'B' },
    years: [{ fy: 'C2', target: 'C', actual: 'C', stated: 'D' }, { fy: 'E2', target: 'E', actual: 'E' }, { fy: 'F2', target: 'F', actual: 'F' }, { fy: 'G2', target: 'G', actual: 'G' }],
    rows: Array.from({ length: indicators }, (_, i) => ({ target: 4 + 2 * i, actual: 5 + 2 * i })),
  };
  return { sheet: b.grid(), mapping };
}
