/**
 * The value parser against the formats of DOMAIN.md ("Value formats a parser meets"), with the real values of the
 * three fixture workbooks copied in (the tests read no files).
 */
import type { CellValue } from '../src/core/grid';
import {
  parseCell,
  parseText,
  unitFromHeader,
  unitFromNumberFormat,
  readNumberFormat,
  normalizeUnit,
  foldWidth,
  KNOWN_UNITS,
  MAX_TEXT_LENGTH,
} from '../src/core/values';
import type { ParsedValue, Quantity } from '../src/core/values/types';
import { valueMessages } from '../src/core/i18n/valueMessages';

const text = (t: string): CellValue => ({ kind: 'text', text: t });
const num = (value: number, numFmt?: string): CellValue =>
  numFmt === undefined ? { kind: 'number', value } : { kind: 'number', value, numFmt };
const TRIANGLE_FORMAT = '#,##0;"▲ "#,##0'; // the 事業計画 amounts, blocks 13–25

function quantityOf(p: ParsedValue): Quantity {
  if (p.kind !== 'quantity') throw new Error(`expected a quantity, got ${JSON.stringify(p)}`);
  return p;
}

/** Asserts a plain quantity: a value and a unit, nothing else said. */
function expectPlain(p: ParsedValue, value: number, unit: string | null): void {
  expect(p).toEqual({
    kind: 'quantity',
    value,
    unit,
    qualifier: null,
    statedRatio: null,
    annotation: null,
    annotationFy: null,
    label: null,
    estimate: false,
    relativeTo: null,
    more: [],
  });
}

describe('full-width digits, commas and ％', () => {
  test.each([
    ['７３，５９７千円', 73597, '千円'],
    ['５１，８３５千円', 51835, '千円'],
    ['7，１４１千円', 7141, '千円'], // half-width 7, full-width comma and digits (⑤ of the 施策評価表)
    ['39.3％', 39.3, '%'],
    ['３９．３％', 39.3, '%'],
    ['１２，７６８千円', 12768, '千円'],
    ['１０４，７３７千円', 104737, '千円'],
    ['５３　件', 53, '件'], // ideographic space
  ])('%s', (t, value, unit) => expectPlain(parseText(t), value, unit));
});

describe('thousands separators, or none; a space before the unit', () => {
  test.each([
    ['74,990', 74990, null],
    ['102,382', 102382, null],
    ['1295件', 1295, '件'],
    ['2,878件', 2878, '件'],
    ['26 件', 26, '件'],
    ['110 件', 110, '件'],
    ['36 社', 36, '社'],
    ['0', 0, null],
    ['17.1万人', 17.1, '万人'],
    ['1,000万人', 1000, '万人'],
    ['47,902億円', 47902, '億円'],
    ['1,234,567円', 1234567, '円'],
    ['  74,990  ', 74990, null],
  ])('%s', (t, value, unit) => expectPlain(parseText(t), value, unit));

  test('separators must group by three', () => {
    expect(parseText('12,34')).toEqual({ kind: 'invalid', reason: 'unrecognized', text: '12,34' });
    expect(parseText('1234,567')).toMatchObject({ kind: 'invalid', reason: 'unrecognized' });
  });
});

describe('units', () => {
  const listed = ['件', '社', '回', '人', '名', '者', '機関', '団体', '時間', '課題', '%', '億円', '千円', '万円', '万人',
    '千世帯', '円', '世帯', '箇所', '校', '店舗', '人泊'];

  test.each(listed)('12%s is a quantity in %s', (unit) => expectPlain(parseText(`12${unit}`), 12, unit));

  test('every listed unit is known', () => {
    for (const u of listed) expect(KNOWN_UNITS).toContain(u);
  });

  test('the longest unit wins: 人泊 not 人, 千世帯 not 千', () => {
    expect(quantityOf(parseText('1,200人泊')).unit).toBe('人泊');
    expect(quantityOf(parseText('519千世帯')).unit).toBe('千世帯');
    expect(quantityOf(parseText('8,052千円')).unit).toBe('千円');
  });

  test('％ and spellings of 箇所 are normalized', () => {
    expect(normalizeUnit('％')).toBe('%');
    expect(normalizeUnit(' 件 ')).toBe('件');
    expect(normalizeUnit('ヶ所')).toBe('箇所');
    expect(quantityOf(parseText('3か所')).unit).toBe('箇所');
  });

  test('an unknown unit is returned as written, even a name of Object.prototype', () => {
    expect(normalizeUnit('ｋＷｈ')).toBe('kWh');
    expect(normalizeUnit('constructor')).toBe('constructor');
  });

  test('a number followed by a word that is not a unit is not a quantity', () => {
    expect(parseText('5 items')).toMatchObject({ kind: 'invalid', reason: 'unrecognized' });
    expect(parseText('2019年度中に 検討')).toEqual({ kind: 'status', word: null, text: '2019年度中に 検討' });
  });
});

describe('negatives: ▲, △ and -', () => {
  test.each([
    ['▲ 7,133', -7133],
    ['△ 7,133', -7133],
    ['▲7,133', -7133],
    ['▲ 8', -8],
    ['▲ 87', -87],
    ['-110,681', -110681],
    ['－110,681', -110681], // full-width hyphen-minus
    ['−110,681', -110681], // U+2212 minus sign
    ['+720', 720],
  ])('%s', (t, value) => expectPlain(parseText(t), value, null));

  test('with a unit', () => expectPlain(parseText('▲ 4,738千円'), -4738, '千円'));
  test('minus zero is zero', () => expect(quantityOf(parseText('▲ 0')).value).toBe(0));
});

describe('empty markers and not applicable', () => {
  test.each([
    ['', ''],
    ['   ', ''],
    ['\u3000', ''],
    ['—', '—'], // U+2014, モニタリング指標 B6
    ['－', '－'], // U+FF0D, 施策322 C11
    ['-', '-'],
    ['―', '―'],
    ['ー', 'ー'],
    ['‐', '‐'],
    [' — ', '—'],
  ])('%j is blank', (t, marker) => expect(parseText(t)).toEqual({ kind: 'blank', marker }));

  test('an empty cell is blank', () => expect(parseCell({ kind: 'empty' })).toEqual({ kind: 'blank', marker: '' }));

  test('a marker with only a unit is blank: "- 千円"', () => {
    expect(parseText('- 千円')).toEqual({ kind: 'blank', marker: '-' });
    expect(parseText('－件')).toEqual({ kind: 'blank', marker: '－' });
  });

  test.each(['/', '／', '対象外', '該当なし'])('%s is not applicable', (t) =>
    expect(parseText(t)).toEqual({ kind: 'notApplicable', marker: t }),
  );
});

describe('qualified targets', () => {
  test('5,000億円以上', () => {
    expect(parseText('5,000億円以上')).toMatchObject({ kind: 'quantity', value: 5000, unit: '億円', qualifier: 'atLeast' });
  });
  test('70回以上', () => {
    expect(parseText('70回以上')).toMatchObject({ value: 70, unit: '回', qualifier: 'atLeast' });
  });
  test('20時間以下', () => {
    expect(parseText('20時間以下')).toMatchObject({ value: 20, unit: '時間', qualifier: 'atMost' });
  });
  test('220.6千円以上', () => {
    expect(parseText('220.6千円以上')).toMatchObject({ value: 220.6, unit: '千円', qualifier: 'atLeast' });
  });
});

describe('status words and status text', () => {
  test.each(['調査中', '未確定', '未定', '同左', '集計中', '算出中', '確定前', '3月末実績', '同上'])('%s', (w) => {
    expect(parseText(w)).toEqual({ kind: 'status', word: w, text: w });
  });

  test('a full-width ３月末実績 is the same word', () => {
    expect(parseText('３月末実績')).toEqual({ kind: 'status', word: '3月末実績', text: '３月末実績' });
  });

  test('a status word followed by a note', () => {
    expect(parseText('調査中(12月公表予定)')).toMatchObject({ kind: 'status', word: '調査中' });
  });

  test.each([
    '2019年度中に 検討',
    '次期中期目標 (2019年度)',
    '次期中期目標 (2020年度)',
    '次期観光振興基本計画策定にあわせて、平成31年度中に決定',
    '(サブ指標)',
    'R5年度(見込)',
    '第4次産業革命への対応',
    '令和6年度目標については、後日国と協議予定',
    '※記入例（実績値は架空）',
  ])('free text: %s', (t) => expect(parseText(t)).toEqual({ kind: 'status', word: null, text: t }));

  test('a sentence with numbers in it is status text', () => {
    const t = '注2: 支援完了件数=収益力13件、プレ12件、通常8件、再チャレ16件、移行案件5件';
    expect(parseText(t)).toEqual({ kind: 'status', word: null, text: t });
  });
});

describe('annotated values', () => {
  test('59.4%(実績)', () => {
    expect(parseText('59.4%(実績)')).toMatchObject({ value: 59.4, unit: '%', annotation: '(実績)', annotationFy: null });
  });
  test('519 (2017年度): the annotation names a fiscal year', () => {
    expect(parseText('519 (2017年度)')).toMatchObject({
      value: 519,
      unit: null,
      annotation: '(2017年度)',
      annotationFy: 2017,
    });
  });
  test('4件(21件中)', () => {
    expect(parseText('4件(21件中)')).toMatchObject({ value: 4, unit: '件', annotation: '(21件中)', annotationFy: null });
  });
  test('見込 75回 is an estimate', () => {
    expect(parseText('見込 75回')).toMatchObject({ value: 75, unit: '回', estimate: true, annotation: '見込' });
  });
  test('75回(見込) is an estimate too', () => {
    expect(parseText('75回(見込)')).toMatchObject({ value: 75, estimate: true, annotation: '(見込)' });
  });
  test('160件(123.1%): the ratio the submitter states', () => {
    const q = quantityOf(parseText('160件(123.1%)'));
    expect(q).toMatchObject({ value: 160, unit: '件', annotation: null });
    expect(q.statedRatio).toBe(1.231);
  });
  test('54件(60.7%)', () => {
    expect(quantityOf(parseText('54件(60.7%)')).statedRatio).toBe(0.607);
  });
  test('a unit in parentheses: 305(人)', () => {
    expectPlain(parseText('305(人)'), 305, '人');
  });
  test('(社・人) is kept as an annotation', () => {
    expect(parseText('1,695(社・人)')).toMatchObject({ value: 1695, unit: null, annotation: '(社・人)' });
  });
  test('full-width parentheses: 519（2017年度）', () => {
    expect(parseText('519（2017年度）')).toMatchObject({ value: 519, annotationFy: 2017 });
  });
  test('an era year in the annotation: 25 件(平成30年度)', () => {
    expect(parseText('25 件(平成30年度)')).toMatchObject({ value: 25, unit: '件', annotationFy: 2018 });
  });
  test('an unclosed parenthesis is unrecognized', () => {
    expect(parseText('59.4%(実績')).toMatchObject({ kind: 'invalid', reason: 'unrecognized' });
  });
});

describe('relative targets', () => {
  test.each([
    ['2018年 3月末実績 +720件', 720],
    ['2018年 3月末実績 +1,440件', 1440],
    ['2018年 3月末実績 +2,160件', 2160],
  ])('%s', (t, value) => {
    expect(parseText(t)).toMatchObject({ kind: 'quantity', value, unit: '件', relativeTo: '2018年 3月末実績' });
  });
  test('a plus sign inside a note is not a base', () => {
    expect(parseText('5件(+2件)')).toMatchObject({ value: 5, relativeTo: null, annotation: '(+2件)' });
  });
});

describe('circled-number labels', () => {
  test('①3件', () => {
    expect(parseText('①3件')).toMatchObject({ value: 3, unit: '件', label: '①', more: [] });
  });
  test('②2件 ③1件: two values in one cell', () => {
    const q = quantityOf(parseText('②2件 ③1件'));
    expect(q).toMatchObject({ value: 2, unit: '件', label: '②' });
    expect(q.more).toHaveLength(1);
    expect(q.more[0]).toMatchObject({ kind: 'quantity', value: 1, unit: '件', label: '③', more: [] });
  });
  test('②3件 ③2件', () => {
    const q = quantityOf(parseText('②3件 ③2件'));
    expect([q.value, q.more[0]?.value, q.more[0]?.label]).toEqual([3, 2, '③']);
  });
  test('NFKC would turn ① into 1: the label survives folding', () => {
    expect(foldWidth('①３件')).toBe('①3件');
    expect(quantityOf(parseText('①３件')).value).toBe(3);
  });
  test('two unlabelled values are not read', () => {
    expect(parseText('20件 30件')).toMatchObject({ kind: 'invalid', reason: 'unrecognized' });
  });
});

describe('project codes and unreadable text', () => {
  test.each(['33101 国際交流の推進（雇用経済部）', '32201 ものづくり基盤技術の強化・産学官連携の促進'])('%s is a code', (t) => {
    expect(parseText(t)).toEqual({ kind: 'invalid', reason: 'code', text: t });
  });
  test('a lone five-digit number is a quantity', () => expectPlain(parseText('32201'), 32201, null));
  test.each(['12a34', '1.2.3件', '(5) 事業承継診断件数 目標 2,878件 実績 2,159件', '5 6'])('%s is unrecognized', (t) => {
    expect(parseText(t)).toEqual({ kind: 'invalid', reason: 'unrecognized', text: t });
  });
  test('text with no digit but a replacement character is broken', () => {
    expect(parseText('調査\uFFFD中')).toMatchObject({ kind: 'invalid', reason: 'unrecognized' });
  });
});

describe('cells that are not text or numbers', () => {
  test('boolean', () => {
    expect(parseCell({ kind: 'boolean', value: true })).toEqual({ kind: 'invalid', reason: 'boolean', text: 'TRUE' });
  });
  test('date', () => {
    expect(parseCell({ kind: 'date', iso: '2024-03-31' })).toEqual({ kind: 'invalid', reason: 'date', text: '2024-03-31' });
  });
  test('error', () => {
    expect(parseCell({ kind: 'error', code: '#DIV/0!' })).toEqual({
      kind: 'invalid',
      reason: 'error-cell',
      text: '#DIV/0!',
    });
  });
});

describe('too-long text', () => {
  test('is refused and shortened to 40 characters', () => {
    const long = '達成'.repeat(MAX_TEXT_LENGTH);
    const p = parseText(long);
    expect(p).toEqual({ kind: 'invalid', reason: 'too-long', text: `${long.slice(0, 40)}…` });
  });
  test('exactly 1,000 characters is still read', () => {
    expect(parseText('あ'.repeat(MAX_TEXT_LENGTH)).kind).toBe('status');
  });
  test('a 10,000-character text is refused, with its start kept for the message', () => {
    const long = '1,'.repeat(5000);
    expect(parseText(long)).toEqual({ kind: 'invalid', reason: 'too-long', text: `${long.slice(0, 40)}…` });
  });
  test.each([
    ['digits', '1'.repeat(1000)],
    ['groups', '1,'.repeat(500)],
    ['labels', '①'.repeat(1000)],
    ['labelled values', '①1件 '.repeat(200)],
    ['parentheses', '1('.repeat(500)],
    ['plus signs', 'あ+'.repeat(500)],
    ['spaces', `1${' '.repeat(998)}件`],
    ['dates', '2019年'.repeat(200)],
  ])('1,000 characters of %s give one of the known kinds (no runaway scan; speed is shown by npm run bench)', (_name, t) => {
    expect(['quantity', 'blank', 'notApplicable', 'status', 'invalid']).toContain(parseText(t).kind);
  });
});

describe('number cells', () => {
  test('a plain number', () => expectPlain(parseCell(num(74990)), 74990, null));
  test('▲ format: the ▲ is a sign, not a unit', () => {
    expectPlain(parseCell(num(-4738, TRIANGLE_FORMAT)), -4738, null);
    expect(unitFromNumberFormat(TRIANGLE_FORMAT)).toBeNull();
  });
  test('▲ format with the header unit', () => {
    expectPlain(parseCell(num(-4738, TRIANGLE_FORMAT), { headerUnit: '千円' }), -4738, '千円');
  });
  test('#,##0"件"', () => {
    expectPlain(parseCell(num(1295, '#,##0"件"')), 1295, '件');
    expect(unitFromNumberFormat('#,##0"件"')).toBe('件');
  });
  test('a format unit wins over the header unit', () => {
    expectPlain(parseCell(num(5, '0"社"'), { headerUnit: '件' }), 5, '社');
  });
  test('0.0"%": the number is already in percent', () => expectPlain(parseCell(num(59.4, '0.0"%"')), 59.4, '%'));
  test('0.0%: the number is a fraction, read as percent without binary noise', () => {
    expectPlain(parseCell(num(0.594, '0.0%')), 59.4, '%');
    expectPlain(parseCell(num(0.0123, '0.00%')), 1.23, '%');
    expectPlain(parseCell(num(0.07, '0%')), 7, '%');
    expectPlain(parseCell(num(0.575, '0.0%')), 57.5, '%');
  });
  test('a thousands scale: #,##0,"千円"', () => {
    expectPlain(parseCell(num(51835000, '#,##0,"千円"')), 51835, '千円');
  });
  test('a negative section without the unit keeps the positive one', () => {
    expectPlain(parseCell(num(-3, '#,##0"件";"▲ "#,##0')), -3, '件');
  });
  test('a qualifier in the format: 0"回以上"', () => {
    expect(parseCell(num(70, '0"回以上"'))).toMatchObject({ value: 70, unit: '回', qualifier: 'atLeast' });
  });
  test('full-width ％ in a quoted literal', () => expectPlain(parseCell(num(39.3, '0.0"％"')), 39.3, '%'));
  test('a date format makes a date', () => {
    expect(parseCell(num(45382, 'yyyy/m/d'))).toMatchObject({ kind: 'invalid', reason: 'date' });
    expect(readNumberFormat('[$-411]ggge"年"m"月"d"日"', 45382).isDate).toBe(true);
  });
  test('General and @ say nothing', () => {
    expectPlain(parseCell(num(12, 'General')), 12, null);
    expectPlain(parseCell(num(12, '@')), 12, null);
  });
  test('a format with words that are not a unit', () => {
    expect(unitFromNumberFormat('"計"#,##0')).toBeNull();
  });
  test('minus zero under the ▲ format is zero', () => {
    expect(quantityOf(parseCell(num(-0, TRIANGLE_FORMAT))).value).toBe(0);
  });
});

describe('header units', () => {
  test.each([
    ['事業費(単位:千円)', '千円'],
    ['事業費（単位：千円）', '千円'],
    ['【単位 千世帯】', '千世帯'],
    ['新エネルギーの導入量(世帯数換算)：【単位 千世帯】', '千世帯'],
    ['(単位：件)', '件'],
    ['単位:%', '%'],
    ['単位：％', '%'],
    ['事業費（千円）', '千円'],
    ['面積(単位:ha)', 'ha'],
  ])('%s → %s', (header, unit) => expect(unitFromHeader(header)).toBe(unit));

  test.each(['事業費', '目標値\n実績値', '(サブ指標) 事業承継計画策定件数【累計】', '', '単位当たりの付加価値額'])('%j names no unit', (header) => {
    expect(unitFromHeader(header)).toBeNull();
  });

  test('a text cell takes the header unit when it names none', () => {
    expect(parseCell(text('519 (2017年度)'), { headerUnit: '千世帯' })).toMatchObject({
      value: 519,
      unit: '千世帯',
      annotationFy: 2017,
    });
    expect(quantityOf(parseCell(text('26 件'), { headerUnit: '千円' })).unit).toBe('件');
    expect(quantityOf(parseCell(text('74,990'), { headerUnit: '千円' })).unit).toBe('千円');
  });
});

describe('fixture: モニタリング指標 and 進捗（記入例）, columns 2018–2021 (plain values)', () => {
  test.each([
    ['20件', 20, '件'], ['2件', 2, '件'], ['4件', 4, '件'], ['6件', 6, '件'], ['8件', 8, '件'], ['12社', 12, '社'],
    ['18社', 18, '社'], ['24社', 24, '社'], ['30社', 30, '社'], ['12件', 12, '件'], ['16件', 16, '件'], ['25社', 25, '社'],
    ['35社', 35, '社'], ['40社', 40, '社'], ['9件', 9, '件'], ['19件', 19, '件'], ['30件', 30, '件'], ['42件', 42, '件'],
    ['35.3%', 35.3, '%'], ['36.0%', 36, '%'], ['36.5%', 36.5, '%'], ['37.0%', 37, '%'], ['7,170億円', 7170, '億円'],
    ['7,241億円', 7241, '億円'], ['7,312億円', 7312, '億円'], ['7,385億円', 7385, '億円'], ['308', 308, null], ['428', 428, null],
    ['548', 548, null], ['668', 668, null], ['5件', 5, '件'], ['10件', 10, '件'], ['15件', 15, '件'],
    ['4,950億円', 4950, '億円'], ['24.50%', 24.5, '%'], ['25.50%', 25.5, '%'], ['30回', 30, '回'], ['40回', 40, '回'],
    ['50回', 50, '回'], ['60回', 60, '回'], ['29回', 29, '回'], ['34回', 34, '回'], ['47,902億円', 47902, '億円'],
    ['48,552億円', 48552, '億円'], ['49,202億円', 49202, '億円'], ['49,852億円', 49852, '億円'], ['138社', 138, '社'],
    ['213社', 213, '社'], ['288社', 288, '社'], ['363社', 363, '社'], ['14件', 14, '件'], ['23件', 23, '件'], ['32件', 32, '件'],
    ['41件', 41, '件'], ['60.5%', 60.5, '%'], ['62.0%', 62, '%'], ['62.5%', 62.5, '%'], ['63.0%', 63, '%'],
    ['1295件', 1295, '件'], ['1765件', 1765, '件'], ['2250件', 2250, '件'], ['2750件', 2750, '件'], ['17.1万人', 17.1, '万人'],
    ['17.5万人', 17.5, '万人'], ['18.3万人', 18.3, '万人'], ['18.7万人', 18.7, '万人'], ['995万人', 995, '万人'],
    ['1,000万人', 1000, '万人'], ['43万人', 43, '万人'], ['45万人', 45, '万人'], ['50件', 50, '件'], ['100件', 100, '件'],
    ['150件', 150, '件'], ['200件', 200, '件'], ['45.0%', 45, '%'], ['44.0%', 44, '%'], ['43.0%', 43, '%'],
    ['42.0%', 42, '%'], ['1件', 1, '件'], ['3件', 3, '件'], ['5.5%', 5.5, '%'], ['6.5%', 6.5, '%'], ['7.5%', 7.5, '%'],
    ['8.5%', 8.5, '%'], ['2455件', 2455, '件'], ['2775件', 2775, '件'], ['3095件', 3095, '件'], ['3415件', 3415, '件'],
    ['61%', 61, '%'], ['63%', 63, '%'], ['65%', 65, '%'], ['72.6%', 72.6, '%'], ['73.0%', 73, '%'],
    ['74.0%', 74, '%'], ['75.0%', 75, '%'], ['47.5%', 47.5, '%'], ['48.5%', 48.5, '%'], ['49.5%', 49.5, '%'],
    ['50.5%', 50.5, '%'], ['89.0%', 89, '%'], ['90.0%', 90, '%'], ['91.0%', 91, '%'], ['92.0%', 92, '%'],
    ['93.5%', 93.5, '%'], ['94.0%', 94, '%'], ['94.5%', 94.5, '%'], ['95.0%', 95, '%'], ['61.3%', 61.3, '%'],
    ['62.2%', 62.2, '%'], ['63.6%', 63.6, '%'], ['65.0%', 65, '%'], ['19.0%', 19, '%'], ['21.0%', 21, '%'],
    ['23.0%', 23, '%'], ['25.0%', 25, '%'], ['410億円', 410, '億円'], ['820億円', 820, '億円'], ['1230億円', 1230, '億円'],
    ['1640億円', 1640, '億円'], ['20.0%', 20, '%'], ['22.0%', 22, '%'], ['7件', 7, '件'], ['18件', 18, '件'],
    ['7,205億円', 7205, '億円'], ['7,198億円', 7198, '億円'], ['59.4%', 59.4, '%'], ['58.1%', 58.1, '%'],
    ['1,310件', 1310, '件'], ['1,702件', 1702, '件'],
  ] as Array<[string, number, string | null]>)('%s', (t, value, unit) => expectPlain(parseText(t), value, unit));

  test('the other styles of those sheets', () => {
    expect(parseText('—')).toEqual({ kind: 'blank', marker: '—' });
    expect(parseText('5,000億円以上')).toMatchObject({ value: 5000, qualifier: 'atLeast' });
    expect(parseText('次期観光振興基本計画策定にあわせて、平成31年度中に決定').kind).toBe('status');
    expect(parseText('519 (2017年度)')).toMatchObject({ value: 519, annotationFy: 2017 });
    expect(parseText('543 (2018年度)')).toMatchObject({ value: 543, annotationFy: 2018 });
    expect(parseText('526 (2017年度)')).toMatchObject({ value: 526, annotationFy: 2017 });
    expect(parseText('次期中期目標 (2019年度)').kind).toBe('status');
    expect(parseText('2019年度中に 検討').kind).toBe('status');
    expect(parseText('同左')).toMatchObject({ kind: 'status', word: '同左' });
    expect(parseText('3月末実績')).toMatchObject({ kind: 'status', word: '3月末実績' });
    expect(parseText('2018年 3月末実績 +720件')).toMatchObject({ value: 720, relativeTo: '2018年 3月末実績' });
    expect(parseText('59.4%(実績)')).toMatchObject({ value: 59.4, annotation: '(実績)' });
    expect(parseText('①3件')).toMatchObject({ value: 3, label: '①' });
    expect(parseText('①5件')).toMatchObject({ value: 5, label: '①' });
    expect(parseText('①2件')).toMatchObject({ value: 2, label: '①' });
    expect(parseText('②2件 ③1件')).toMatchObject({ value: 2, label: '②', more: [{ value: 1, label: '③' }] });
    expect(parseText('②3件 ③2件')).toMatchObject({ value: 3, label: '②', more: [{ value: 2, label: '③' }] });
    expect(parseText('調査中')).toMatchObject({ kind: 'status', word: '調査中' });
  });
});

describe('fixture: 施策322 indicator cells', () => {
  test.each([
    ['26 件', 26, '件'], ['53 件', 53, '件'], ['110 件', 110, '件'], ['36 社', 36, '社'], ['73 社', 73, '社'],
    ['150 社', 150, '社'], ['100 社', 100, '社'], ['105 社', 105, '社'], ['5 件', 5, '件'], ['50 件', 50, '件'],
    ['80 社', 80, '社'], ['92 社', 92, '社'], ['3 件', 3, '件'],
  ] as Array<[string, number, string]>)('%s', (t, value, unit) => expectPlain(parseCell(text(t)), value, unit));

  test('the fy2020 actual －', () => expect(parseCell(text('－'))).toEqual({ kind: 'blank', marker: '－' }));
});

describe('fixture: 事業計画 amounts', () => {
  // Blocks 1–12: text as printed. [amount, previous amount, 前年度比]
  test.each([
    ['74,990', '74,990', '0', 74990, 74990, 0],
    ['95,249', '102,382', '▲ 7,133', 95249, 102382, -7133],
    ['3,797', '3,797', '0', 3797, 3797, 0],
    ['13,840', '13,840', '0', 13840, 13840, 0],
    ['19,736', '13,816', '5,920', 19736, 13816, 5920],
    ['50', '58', '▲ 8', 50, 58, -8],
    ['34,896', '34,896', '0', 34896, 34896, 0],
    ['7,264', '7,351', '▲ 87', 7264, 7351, -87],
    ['28', '28', '0', 28, 28, 0],
    ['1,798', '1,798', '0', 1798, 1798, 0],
    ['183,480', '144,635', '38,845', 183480, 144635, 38845],
    ['37,983', '37,983', '0', 37983, 37983, 0],
  ] as Array<[string, string, string, number, number, number]>)('text %s / %s / %s', (a, b, c, va, vb, vc) => {
    const unit = unitFromHeader('事業費(単位:千円)');
    expectPlain(parseCell(text(a), { headerUnit: unit }), va, '千円');
    expectPlain(parseCell(text(b), { headerUnit: unit }), vb, '千円');
    expectPlain(parseCell(text(c)), vc, null);
    expect(va - vb).toBe(vc); // 前年度比 = 当年度 − 前年度
  });

  // Blocks 13–25: numbers with the ▲ format.
  test.each([
    [319750, 324488, -4738], [2100, 2100, 0], [3160, 2953, 207], [24472, 26111, -1639], [14115, 4273, 9842],
    [5460, 5460, 0], [97471, 99427, -1956], [10489, 2377, 8112], [162028, 162131, -103], [4432, 4550, -118],
    [1600, 1600, 0], [22139, 21865, 274],
  ])('numbers %d / %d / %d', (a, b, c) => {
    expectPlain(parseCell(num(a, TRIANGLE_FORMAT), { headerUnit: '千円' }), a, '千円');
    expectPlain(parseCell(num(b, TRIANGLE_FORMAT), { headerUnit: '千円' }), b, '千円');
    expectPlain(parseCell(num(c, TRIANGLE_FORMAT)), c, null);
  });

  test('block 15, a new project: — as the previous amount, 4869 as the change', () => {
    expect(parseCell(text('—'), { headerUnit: '千円' })).toEqual({ kind: 'blank', marker: '—' });
    expectPlain(parseCell(num(4869, TRIANGLE_FORMAT)), 4869, null);
  });
});

describe('fixture: 成果目標値', () => {
  test.each([
    ['130件', 130], ['112件', 112], ['139件', 139], ['114件', 114], ['23件', 23], ['21件', 21], ['33件', 33],
    ['35件', 35], ['2,878件', 2878], ['2,159件', 2159], ['165件', 165], ['174件', 174], ['500件', 500],
    ['643件', 643], ['30件', 30], ['16件', 16], ['89件', 89],
  ] as Array<[string, number]>)('%s', (t, value) => expectPlain(parseText(t), value, '件'));

  test.each([['30者', 30], ['10者', 10]] as Array<[string, number]>)('%s', (t, value) => expectPlain(parseText(t), value, '者'));

  test('actuals with the ratio stated', () => {
    expect(parseText('160件(123.1%)')).toMatchObject({ value: 160, unit: '件', statedRatio: 1.231 });
    expect(parseText('54件(60.7%)')).toMatchObject({ value: 54, unit: '件', statedRatio: 0.607 });
  });
  test('未定', () => expect(parseText('未定')).toEqual({ kind: 'status', word: '未定', text: '未定' }));
});

describe('messages', () => {
  const reasons = ['error-cell', 'boolean', 'date', 'too-long', 'code', 'unlabelled', 'unrecognized'] as const;
  test.each(reasons)('%s has a Japanese and an English message with {{text}}', (reason) => {
    expect(valueMessages.ja[reason]).toContain('{{text}}');
    expect(valueMessages.en[reason]).toContain('{{text}}');
  });
  test('the Japanese message for unrecognized', () => {
    expect(valueMessages.ja.unrecognized).toBe('数値として読めません: 「{{text}}」');
  });
});
