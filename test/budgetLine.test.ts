/** Budget lines written as text (施策評価表 主な事業, and 平成 sheets). */
import { parseBudgetLine } from '../src/core/values';

describe('the seven budget lines of 施策322 (fixture A30 … A60)', () => {
  test.each([
    ['予算額：（R2） ５１，８３５千円 → （R3） ７３，５９７千円', 51835, 73597],
    ['予算額：（R2） ７８，１２８千円 → （R3） ２７，５６８千円', 78128, 27568],
    ['予算額：（R2） １０４，７３７千円 → （R3） １０４，１９８千円', 104737, 104198],
    ['予算額：（R2） １１，１５６千円 → （R3） ８，０５２千円', 11156, 8052],
    ['予算額：（R2） 7，１４１千円 → （R3） ５，４８９千円', 7141, 5489], // mixed widths
    ['予算額：（R2） ７４４千円 → （R3） ５９４千円', 744, 594],
    ['予算額：(R2) ２，５００千円 → (R3) １２，７６８千円', 2500, 12768], // half-width parentheses
  ])('%s', (line, previous, current) => {
    expect(parseBudgetLine(line)).toEqual({
      previous: { fy: 2020, amount: previous },
      current: { fy: 2021, amount: current },
      unit: '千円',
    });
  });
});

describe('平成 sheets', () => {
  test('a new project: (30) - 千円 → (31) 9,000千円', () => {
    expect(parseBudgetLine('予算額：(30) - 千円 → (31) 9,000千円')).toEqual({
      previous: { fy: 2018, amount: null },
      current: { fy: 2019, amount: 9000 },
      unit: '千円',
    });
  });

  test('bare years in parentheses take the era the caller gives', () => {
    expect(parseBudgetLine('予算額：(2) 1,000千円 → (3) 2,000千円', { era: 'reiwa' })).toMatchObject({
      previous: { fy: 2020 },
      current: { fy: 2021 },
    });
  });

  test('an era written on the left carries to the right', () => {
    expect(parseBudgetLine('予算額：(R2) 1,000千円 → (3) 2,000千円')).toMatchObject({
      previous: { fy: 2020 },
      current: { fy: 2021 },
    });
  });

  test('full-width and other dashes for the missing amount', () => {
    expect(parseBudgetLine('予算額：（30） －　千円 → （31） ９，０００千円')).toMatchObject({
      previous: { fy: 2018, amount: null },
      current: { fy: 2019, amount: 9000 },
      unit: '千円',
    });
    expect(parseBudgetLine('予算額：(30) ― 千円 → (31) 9,000千円')?.previous.amount).toBeNull();
  });
});

describe('other spellings', () => {
  test('without the 予算額 label, when both sides name a year', () => {
    expect(parseBudgetLine('（R2） 7，１４１千円 → （R3） ５，４８９千円')).toEqual({
      previous: { fy: 2020, amount: 7141 },
      current: { fy: 2021, amount: 5489 },
      unit: '千円',
    });
  });

  test('a half-width colon and an ASCII arrow', () => {
    expect(parseBudgetLine('予算額: (H29) 500千円 -> (H30) 600千円')).toMatchObject({
      previous: { fy: 2017, amount: 500 },
      current: { fy: 2018, amount: 600 },
    });
  });

  test('labelled, with no years', () => {
    expect(parseBudgetLine('予算額：51,835千円 → 73,597千円')).toEqual({
      previous: { fy: null, amount: 51835 },
      current: { fy: null, amount: 73597 },
      unit: '千円',
    });
  });

  test('a unit written only on the right', () => {
    expect(parseBudgetLine('予算額：(R2) 51,835 → (R3) 73,597千円')?.unit).toBe('千円');
  });
});

describe('not budget lines', () => {
  test.each([
    '事業概要：県内中小企業・小規模企業が抱える技術課題を解決するため、共同研究等を実施します。',
    '【基本事業名：32201 ものづくり基盤技術の強化・産学官連携の促進】',
    '① 中小企業・小規模企業の課題解決支援事業',
    '（R2） 7，１４１千円', // one amount: no previous year to compare with
    '5件 → 6件', // no years, no label
    '予算額：(R2) 5件 → (R3) 6件', // not money
    '予算額：(R2) 1,000千円 → (R3) 2,000円', // two different units
    '予算額：(R2) 調査中 → (R3) 2,000千円',
    '予算額：(見込) 1,000千円 → (R3) 2,000千円',
    '予算額：(R2) → (R3) 2,000千円', // nothing written on the left
    '',
  ])('%j', (text) => expect(parseBudgetLine(text)).toBeNull());

  test('a very long text is refused without being read', () => {
    expect(parseBudgetLine(`予算額：(R2) 1千円 → (R3) 2千円${' '.repeat(10_000)}`)).toBeNull();
  });
});
