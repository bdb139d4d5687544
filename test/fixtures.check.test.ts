/**
 * The figures a careful official computes by hand on each sample workbook (see samples/README.md), checked against
 * what the engine reports with the shipped mappings.
 */
import { toArray } from '../src/core/evaluate/points';
import { totalsOf, type Indicator, type Point } from '../src/core';
import { checkSample } from './helpers/samples';

function indicator(indicators: readonly Indicator[], sheet: string, nameStart: string): Indicator {
  const found = indicators.filter((i) => i.sheet === sheet && i.name.startsWith(nameStart));
  if (found.length !== 1) throw new Error(`expected one indicator "${nameStart}" on ${sheet}, found ${found.length}`);
  return found[0]!;
}

function point(ind: Indicator, fy: number): Point {
  const p = toArray(ind.points).find((x) => x.fy === fy);
  if (!p) throw new Error(`${ind.name}: no point for FY${fy}`);
  return p;
}

const brief = (p: Point) => ({ target: p.target, actual: p.actual, ratio: p.ratio, status: p.status });

describe('施策評価表 322 (shisaku-322-r3.xlsx)', () => {
  test('記入例: the FY2021 ratios of the four indicators, rounded half-up', async () => {
    const { result } = await checkSample('shisaku-322-r3');
    const sheet = '施策322（記入例）';
    const main = indicator(result.indicators, sheet, '県内ものづくり企業の新たな製品開発');
    expect(brief(point(main, 2021))).toEqual({ target: 53, actual: 50, ratio: 0.94, status: 'nearly' });
    expect(main.unit).toBe('件');
    expect(main.cumulative).toBe(true);
    expect(main.baseline).toEqual({ fy: 2019, value: 26, cell: 'B10' });
    expect(point(main, 2021).cells).toEqual({ target: 'E10', actual: 'E11', stated: null });
    expect(toArray(main.plannedTargets)).toEqual([{ fy: 2023, target: 110, targetQualifier: null, cell: 'G10' }]);

    expect(brief(point(indicator(result.indicators, sheet, '技術開発や技術課題解決'), 2021))).toEqual({ target: 73, actual: 80, ratio: 1.1, status: 'met' });
    const training = indicator(result.indicators, sheet, '技術人材育成講座等');
    expect(brief(point(training, 2021))).toEqual({ target: 100, actual: 92, ratio: 0.92, status: 'nearly' });
    // FY2020: an actual of 105 社 with no target printed → no ratio.
    expect(brief(point(training, 2020))).toEqual({ target: null, actual: 105, ratio: null, status: 'noTarget' });
    expect(training.cumulative).toBe(false);
    expect(brief(point(indicator(result.indicators, sheet, '四日市コンビナート'), 2021))).toEqual({ target: 5, actual: 3, ratio: 0.6, status: 'gap' });
  });

  test('the verbatim sheet has no FY2021 actuals: each due target is pending, with a warning on the empty cell', async () => {
    const { result, report } = await checkSample('shisaku-322-r3');
    const pending = result.indicators.filter((i) => i.sheet === '施策322').map((i) => point(i, 2021).status);
    expect(pending).toEqual(['pending', 'pending', 'pending', 'pending']);
    const missing = report.findings.filter((f) => f.sheet === '施策322' && f.rule === 'indicator.missing-actual');
    expect(missing.map((f) => f.cell)).toEqual(['E11', 'E21', 'E23', 'E25']);
    expect(missing[0]!.message).toBe('2021年度の実績値が未記入です（目標値 53）');
    expect(missing[0]!.severity).toBe('warning');
  });

  test('the gap of 四日市コンビナート (0.60) is a finding on its actual cell', async () => {
    const { report } = await checkSample('shisaku-322-r3');
    const gaps = report.findings.filter((f) => f.rule === 'indicator.target-gap');
    expect(gaps).toEqual([
      { sheet: '施策322（記入例）', cell: 'E25', rule: 'indicator.target-gap', severity: 'warning', message: '2021年度の達成率 0.60 が基準 0.85 を下回っています', expected: 0.85, found: 0.6 },
    ]);
  });

  test('the seven budget lines, full-width and mixed digits, FY2020 → FY2021 in 千円', async () => {
    const { result } = await checkSample('shisaku-322-r3');
    const lines = result.budgets.filter((b) => b.sheet === '施策322');
    expect(lines.map((b) => [b.previousAmount, b.amount])).toEqual([
      [51835, 73597],
      [78128, 27568],
      [104737, 104198],
      [11156, 8052],
      [7141, 5489],
      [744, 594],
      [2500, 12768],
    ]);
    expect(lines.every((b) => b.fy === 2021 && b.previousFy === 2020 && b.unit === '千円')).toBe(true);
    expect(lines[0]!.name).toBe('① 中小企業・小規模企業の課題解決支援事業');
    expect(lines[1]!.change).toBe(27568 - 78128);
    expect(lines[0]!.cells.amount).toBe('A30');
  });

  test('totals of the file', async () => {
    const { report } = await checkSample('shisaku-322-r3');
    const t = totalsOf([report]);
    expect({ indicators: t.indicators, points: t.points, met: t.met, nearly: t.nearly, gap: t.gap, pending: t.pending, noTarget: t.noTarget, errors: t.errors }).toEqual({
      indicators: 8,
      points: 12,
      met: 1,
      nearly: 2,
      gap: 1,
      pending: 4,
      noTarget: 4,
      errors: 0,
    });
  });
});

describe('工程表 モニタリング指標 (monitoring-r1.xlsx)', () => {
  test('the roadmap sheet is a plan: 49 indicators of targets only, nothing pending', async () => {
    const { result } = await checkSample('monitoring-r1');
    const plan = result.indicators.filter((i) => i.sheet === 'モニタリング指標');
    expect(result.tables.filter((t) => t.sheet === 'モニタリング指標')).toHaveLength(24);
    expect(plan).toHaveLength(49);
    expect(plan.every((i) => i.points.length === 0)).toBe(true);
    const food = indicator(result.indicators, 'モニタリング指標', '県内における飲食物品');
    expect(toArray(food.plannedTargets).map((p) => p.target)).toEqual([7170, 7241, 7312, 7385]);
    expect(food.unit).toBe('億円');
  });

  test('qualified, lower-is-better, labelled and relative targets are read for what they are', async () => {
    const { result, report } = await checkSample('monitoring-r1');
    const tourism = indicator(result.indicators, 'モニタリング指標', '観光消費額');
    expect(toArray(tourism.plannedTargets).map((p) => [p.fy, p.target, p.targetQualifier])).toEqual([
      [2018, 4950, null],
      [2019, 5000, 'atLeast'],
    ]);
    const absent = indicator(result.indicators, 'モニタリング指標', '(サブ指標) 社長年齢が60歳以上の企業の後継者不在率');
    expect([absent.direction, absent.method, absent.unit]).toEqual(['down', 'inverse', '%']);
    expect(toArray(absent.plannedTargets).map((p) => p.target)).toEqual([45, 44, 43, 42]);
    const listed = indicator(result.indicators, 'モニタリング指標', '・プロジェクトのクラウドファンディングへの③');
    expect(toArray(listed.plannedTargets).map((p) => p.target)).toEqual([1, 2, 2]);
    const relative = report.findings.filter((f) => f.rule === 'value.relative-target');
    expect(relative.map((f) => [f.cell, f.found])).toEqual([
      ['C71', 720],
      ['D71', 1440],
      ['E71', 2160],
    ]);
    const energy = indicator(result.indicators, 'モニタリング指標', '新エネルギーの導入量');
    expect(energy.unit).toBe('千世帯');
    expect(toArray(energy.plannedTargets).map((p) => p.target)).toEqual([519, 543]);
  });

  test('進捗（記入例）: the report year is inferred (FY2019) and each ratio matches the hand computation', async () => {
    const { result } = await checkSample('monitoring-r1');
    expect(result.reportFy).toBe(2019);
    const s = '進捗（記入例）';
    const car = indicator(result.indicators, s, '次世代自動車');
    expect(brief(point(car, 2018))).toEqual({ target: null, actual: 18, ratio: null, status: 'noTarget' });
    expect(brief(point(car, 2019))).toEqual({ target: 20, actual: 23, ratio: 1.15, status: 'met' });
    const food = indicator(result.indicators, s, '県内における飲食物品');
    expect(brief(point(food, 2018))).toEqual({ target: 7170, actual: 7205, ratio: 1, status: 'met' });
    expect(brief(point(food, 2019))).toEqual({ target: 7241, actual: 7198, ratio: 0.99, status: 'nearly' });
    const aware = indicator(result.indicators, s, '(サブ指標) 三重県中小企業');
    expect(brief(point(aware, 2018))).toEqual({ target: 59.4, actual: 59.4, ratio: 1, status: 'met' });
    expect(brief(point(aware, 2019))).toEqual({ target: 61, actual: 58.1, ratio: 0.95, status: 'nearly' });
    const terrace = indicator(result.indicators, s, '(サブ指標) 三重テラス');
    expect(terrace.cumulative).toBe(true);
    expect(brief(point(terrace, 2018))).toEqual({ target: 1295, actual: 1310, ratio: 1.01, status: 'met' });
    expect(brief(point(terrace, 2019))).toEqual({ target: 1765, actual: 1702, ratio: 0.96, status: 'nearly' });
    const creative = indicator(result.indicators, s, '・クリエイティブ');
    expect(toArray(creative.points).map(brief)).toEqual([{ target: 3, actual: 2, ratio: 0.67, status: 'gap' }]);
    const energy = indicator(result.indicators, s, '新エネルギー');
    expect(brief(point(energy, 2018))).toEqual({ target: 519, actual: 526, ratio: 1.01, status: 'met' });
    expect(brief(point(energy, 2019))).toEqual({ target: 543, actual: null, ratio: null, status: 'pending' });
  });
});

describe('令和6年度 事業計画書 (jigyo-keikaku-r6.xlsx)', () => {
  test('all 25 budget blocks: amounts as text and as numbers, 前年度比 checked, totals as printed', async () => {
    const { result, report } = await checkSample('jigyo-keikaku-r6');
    const blocks = result.budgets.filter((b) => b.sheet === '事業計画');
    expect(blocks).toHaveLength(25);
    expect(blocks.every((b) => b.fy === 2024 && b.previousFy === 2023 && b.unit === '千円')).toBe(true);
    expect(blocks.every((b) => b.change === b.statedChange)).toBe(true);
    const sum = (xs: (number | null)[]) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);
    expect(sum(blocks.map((b) => b.amount))).toBe(1145196);
    expect(sum(blocks.map((b) => b.previousAmount))).toBe(1092909);
    expect(sum(blocks.map((b) => b.change))).toBe(52287);
    expect(report.findings.filter((f) => f.rule === 'budget.change-mismatch')).toEqual([]);

    const second = blocks[1]!;
    expect(second).toMatchObject({ name: '事業承継・引継ぎ支援センター事業', source: '国', amount: 95249, previousAmount: 102382, change: -7133, statedChange: -7133, continuation: 'continuing' });
    expect(second.cells).toMatchObject({ amount: 'E10', previousAmount: 'E12', change: 'F12' });
    const fresh = blocks[14]!;
    expect(fresh).toMatchObject({ name: '営業力強化支援促進事業', continuation: 'new', amount: 4869, previousAmount: null, change: 4869, statedChange: 4869 });
    expect(blocks.map((b) => b.source).filter((s) => s && s.includes('・'))).toEqual(['県・市', '市・自', '県・自']);
  });

  test('財源 白 (an OCR error for 自) is flagged with the likely source', async () => {
    const { report } = await checkSample('jigyo-keikaku-r6');
    const unknown = report.findings.filter((f) => f.rule === 'budget.source-unknown');
    expect(unknown.map((f) => [f.cell, f.found, f.expected])).toEqual([
      ['C40', '白', '自'],
      ['C45', '白', '自'],
    ]);
    expect(unknown[0]!.message).toBe('財源「白」は不明です（「自」の誤りでは？）');
  });

  test('成果目標値: FY2023 ratios of the three tables, and the stated percentages agree', async () => {
    const { result, report } = await checkSample('jigyo-keikaku-r6');
    const ratios = result.indicators.filter((i) => i.sheet === '成果目標値').map((i) => point(i, 2023).ratio);
    expect(ratios).toEqual([0.86, 0.82, 0.91, 1.06, 0.75, 1.05, 1.29, 0.33, 0.53, 1.23, 0.61]);
    const consult = indicator(result.indicators, '成果目標値', '相談件数');
    expect(point(consult, 2023).statedRatio).toBe(1.231);
    expect(indicator(result.indicators, '成果目標値', '支援完了件数').points.at(0)!.statedRatio).toBe(0.607);
    expect(report.findings.filter((f) => f.rule === 'indicator.stated-ratio-mismatch')).toEqual([]);
    // R6 targets of block 4 are the plan ahead; 未定 is no target.
    expect(toArray(indicator(result.indicators, '成果目標値', '1 計画認定件数').plannedTargets)).toEqual([{ fy: 2024, target: 500, targetQualifier: null, cell: 'D17' }]);
    expect(toArray(consult.plannedTargets)).toEqual([]);
  });
});
