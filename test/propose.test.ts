/**
 * Mapping a selected range: the proposal for each table of the samples evaluates to the same figures as the
 * hand-made mapping shipped with the sample.
 */
import { toArray } from '../src/core/evaluate/points';
import { checkWorkbook, parseRange, type Mapping, type TableMapping } from '../src/core';
import { proposeBudgetTable, proposeIndicatorTable } from '../src/core/propose';
import { workbookGrid } from '../src/xlsx';
import { openSample, sampleMapping, type SampleName } from './helpers/samples';

async function compare(name: SampleName, sheet: string, range: string, kind: 'indicator' | 'budget') {
  const grid = workbookGrid(await openSample(name));
  const ws = grid.sheet(sheet)!;
  const r = parseRange(range)!;
  const proposal = kind === 'indicator' ? proposeIndicatorTable(ws, r) : proposeBudgetTable(ws, r);
  const shipped = sampleMapping(name).tables.find((t) => t.sheet === sheet && t.range === range)!;
  const run = (t: TableMapping) => checkWorkbook(grid, { version: 1, reportFy: sampleMapping(name).reportFy, tables: [t] } as Mapping);
  return { proposal, got: run(proposal.table), want: run(shipped) };
}

const points = (r: ReturnType<typeof checkWorkbook>) =>
  r.indicators.map((i) => ({ name: i.name, baseline: i.baseline, points: toArray(i.points).map((p) => [p.fy, p.target, p.actual, p.ratio, p.status, p.cells]), planned: toArray(i.plannedTargets).map((p) => [p.fy, p.target]) }));

describe('proposals for the indicator tables of the samples', () => {
  test.each([
    ['shisaku-322-r3', '施策322（記入例）', 'A8:G11'],
    ['shisaku-322-r3', '施策322（記入例）', 'A18:G25'],
    ['shisaku-322-r3', '施策322', 'A18:G25'],
    ['monitoring-r1', '進捗（記入例）', 'A3:F15'],
    ['monitoring-r1', 'モニタリング指標', 'A5:E7'],
    ['monitoring-r1', 'モニタリング指標', 'A38:E40'],
    ['monitoring-r1', 'モニタリング指標', 'A53:E56'],
    ['monitoring-r1', 'モニタリング指標', 'A98:E104'],
    ['jigyo-keikaku-r6', '成果目標値', 'A16:D19'],
    ['jigyo-keikaku-r6', '成果目標値', 'A23:D26'],
  ] as const)('%s %s %s', async (name, sheet, range) => {
    const { proposal, got, want } = await compare(name, sheet, range, 'indicator');
    expect(proposal.unsure).toEqual([]);
    expect(points(got)).toEqual(points(want));
  });

  test('a column table whose year is only in the title above it (1. 令和5年度 目標・実績)', async () => {
    const { proposal, got, want } = await compare('jigyo-keikaku-r6', '成果目標値', 'A4:C11', 'indicator');
    expect(proposal.table).toMatchObject({ layout: 'columns', years: [{ fy: 'A4', target: 'B', actual: 'C' }] });
    expect(points(got)).toEqual(points(want));
  });
});

describe('proposals for the budget tables of the samples', () => {
  test('the 25 blocks of the 事業計画書', async () => {
    const { proposal, got, want } = await compare('jigyo-keikaku-r6', '事業計画', 'A4:F127', 'budget');
    expect(proposal.table).toMatchObject({ layout: 'blocks', repeat: { count: 25, rowStep: 5 } });
    expect(got.budgets).toEqual(want.budgets);
  });

  test('budget lines written as text in the 施策評価表', async () => {
    const { got, want } = await compare('shisaku-322-r3', '施策322', 'A28:G61', 'budget');
    expect(got.budgets).toEqual(want.budgets);
  });
});
