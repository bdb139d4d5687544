/** Fiscal years as the headers write them (DOMAIN.md, "Fiscal years"). */
import { inferEra, parseFiscalYear, parseFiscalYearHeaders } from '../src/core/fiscalYear';

describe('parseFiscalYear', () => {
  test.each([
    ['令和元年度', 2019, 'reiwa'],
    ['令和6年度', 2024, 'reiwa'],
    ['令和６年度', 2024, 'reiwa'],
    ['令和 3 年度', 2021, 'reiwa'],
    ['平成31年度', 2019, 'heisei'],
    ['平成 24 年度', 2012, 'heisei'],
    ['平成　２４　年度', 2012, 'heisei'],
    ['平成元年度', 1989, 'heisei'],
    ['R5年度', 2023, 'reiwa'],
    ['Ｒ５年度', 2023, 'reiwa'],
    ['R元年度', 2019, 'reiwa'],
    ['R6年度 目標(予定)', 2024, 'reiwa'],
    ['R5年度(12月までの実績)', 2023, 'reiwa'],
    ['R5年度 目標', 2023, 'reiwa'],
    ['(R2)', 2020, 'reiwa'],
    ['（R3）', 2021, 'reiwa'],
    ['（Ｒ３）', 2021, 'reiwa'],
    ['H27', 2015, 'heisei'],
    ['H27年度', 2015, 'heisei'],
    ['(H30)', 2018, 'heisei'],
    ['2018', 2018, 'western'],
    ['２０１８', 2018, 'western'],
    ['2018年度', 2018, 'western'],
    ['(2017年度)', 2017, 'western'],
    ['1. 令和5年度 目標・実績', 2023, 'reiwa'],
    ['令和６年度 事業計画書', 2024, 'reiwa'],
    ['目標項目の説明と令和３年度目標値の考え方', 2021, 'reiwa'],
    ['平成 30 年度実績（25 件）', 2018, 'heisei'],
  ] as const)('%s → %d', (input, fy, era) => {
    expect(parseFiscalYear(input)).toEqual({ fy, era });
  });

  test('the number 2018 (a header cell holding a number)', () => {
    expect(parseFiscalYear(2018)).toEqual({ fy: 2018, era: 'western' });
  });

  describe('era-less years take the era of the context', () => {
    test.each([
      ['２年度', 'reiwa', 2020],
      ['３年度', 'reiwa', 2021],
      ['23年度', 'heisei', 2011],
      ['(30)', 'heisei', 2018],
      ['（31）', 'heisei', 2019],
      ['30', 'heisei', 2018],
      ['元年度', 'reiwa', 2019],
      ['３年度目標値の考え方', 'reiwa', 2021],
    ] as const)('%s in a %s document → %d', (input, era, fy) => {
      expect(parseFiscalYear(input, { era })).toEqual({ fy, era });
    });

    test('a number header under an era context', () => {
      expect(parseFiscalYear(2, { era: 'reiwa' })).toEqual({ fy: 2020, era: 'reiwa' });
    });

    test('a written era wins over the context', () => {
      expect(parseFiscalYear('令和元年度', { era: 'heisei' })).toEqual({ fy: 2019, era: 'reiwa' });
      expect(parseFiscalYear('2018年度', { era: 'reiwa' })).toEqual({ fy: 2018, era: 'western' });
    });
  });

  describe('never guessed', () => {
    test.each(['２年度', '23年度', '(30)', '30', '元年度'])('%s without a context is null', (input) => {
      expect(parseFiscalYear(input)).toBeNull();
      expect(parseFiscalYear(input, { era: null })).toBeNull();
    });
    test('a small number without a context is null', () => expect(parseFiscalYear(2)).toBeNull());
  });

  test.each([
    '目標値\n実績値',
    '現状値',
    '目標達成状況',
    '',
    '21件中',
    '1295件',
    '3年間',
    'HR5', // not an era letter: part of a word
    'CH4',
    '2.5',
    12345,
    2.5,
  ])('%j is not a fiscal year', (input) => {
    expect(parseFiscalYear(input, { era: 'reiwa' })).toBeNull();
  });

  test('a long text is read in its first characters only (a year far down a long text is not a header)', () => {
    const long = `${'あ'.repeat(100_000)}令和5年度`;
    expect(parseFiscalYear(long)).toBeNull();
    expect(parseFiscalYear(`令和5年度${'あ'.repeat(100_000)}`)).toEqual({ fy: 2023, era: 'reiwa' });
  });
});

describe('parseFiscalYearHeaders', () => {
  test('施策322 row 8: the era of 令和元年度 carries to ２年度 … ５年度', () => {
    const row = ['目標項目', '令和元年度', '２年度', null, '３年度', '４年度', '５年度'];
    expect(parseFiscalYearHeaders(row).map((y) => y?.fy ?? null)).toEqual([null, 2019, 2020, null, 2021, 2022, 2023]);
    expect(parseFiscalYearHeaders(row)[2]).toEqual({ fy: 2020, era: 'reiwa' });
  });

  test('モニタリング指標: numbers 2018–2021', () => {
    expect(parseFiscalYearHeaders(['モニタリング指標', 2018, 2019, 2020, 2021]).map((y) => y?.fy ?? null)).toEqual([
      null, 2018, 2019, 2020, 2021,
    ]);
  });

  test('成果目標値 block 4: R5年度 目標, 実績, R6年度 目標(予定)', () => {
    expect(parseFiscalYearHeaders([null, 'R5年度 目標', '実績', 'R6年度 目標(予定)']).map((y) => y?.fy ?? null)).toEqual(
      [null, 2023, null, 2024],
    );
  });

  test('a 平成 sheet: 平成 24 年度 then 25年度, 26年度', () => {
    expect(parseFiscalYearHeaders(['平成 24 年度', '25年度', '26年度']).map((y) => y?.fy)).toEqual([2012, 2013, 2014]);
  });

  test('the context era applies before any header names one', () => {
    expect(parseFiscalYearHeaders(['23年度', '24年度'], { era: 'heisei' }).map((y) => y?.fy)).toEqual([2011, 2012]);
    expect(parseFiscalYearHeaders(['23年度', '24年度'])).toEqual([null, null]);
  });

  test('a change of era in the row', () => {
    expect(parseFiscalYearHeaders(['平成30年度', '令和元年度', '２年度']).map((y) => y?.fy)).toEqual([2018, 2019, 2020]);
  });
});

describe('inferEra', () => {
  test('the 施策評価表: a 令和 document that cites a 平成 baseline', () => {
    expect(
      inferEra([
        '施策322 ものづくり産業の振興',
        '県民の皆さんとめざす姿（令和５年度末での到達目標）',
        '新たな製品開発や事業化等につながる取組を促進することにより、平成 30 年度実績（25 件）から毎年１件ずつ増加させる',
      ]),
    ).toBe('reiwa');
  });

  test('the 工程表 of 2019: only 平成', () => {
    expect(inferEra(['「みえ産業振興ビジョン」工程表', '次期観光振興基本計画策定にあわせて、平成31年度中に決定'])).toBe('heisei');
  });

  test('R-years count as 令和, H-years as 平成', () => {
    expect(inferEra(['予算額：(R2) ２，５００千円 → (R3) １２，７６８千円'])).toBe('reiwa');
    expect(inferEra(['H27年度実績'])).toBe('heisei');
  });

  test('no era named', () => {
    expect(inferEra(['「みえ産業振興ビジョン」工程表', '2018', '事業費(単位:千円)'])).toBeNull();
    expect(inferEra([])).toBeNull();
  });
});
