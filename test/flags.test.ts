/**
 * The flag plan, made as it is read (src/core/summary/flags.ts), gives the flags that the plain rule gives: a fill
 * by status on each point's cell, the findings' notes, the strongest signal's fill, in the order cells are first
 * met. The rule is written out below as it was first built (one object per cell, in a map), and both are compared
 * on random results with repeated cells, on points in columns and in plain lists, and on the samples.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { checkWorkbook, fileReport, flagPlan, parseMappingText, type CellFlag, type CheckResult, type Finding } from '../src/core';
import { PointList, PointStore, toArray, type Point } from '../src/core/evaluate/points';
import { STYLES, type StyleKey } from '../src/core/summary/styles';
import { translator } from '../src/core/i18n';
import { openWorkbook, workbookGrid } from '../src/xlsx';
import { cellRefs } from './helpers/pointCells';

/** The rule, eagerly: each cell's flag made once and changed in place. */
function reference(result: CheckResult, findings: readonly Finding[]): CellFlag[] {
  const t = translator('ja');
  const word: Record<string, string> = { error: t('severity.error'), warning: t('severity.warning') };
  const rank: Record<string, number> = { 'severity.error': 3, 'status.gap': 2, 'severity.warning': 1 };
  type Draft = { sheet: string; cell: string; style: StyleKey | null; fill: string | null; note: string[] };
  const all: Draft[] = [];
  const by = new Map<string, Draft>();
  const at = (sheet: string, cell: string): Draft => {
    let f = by.get(`${sheet}!${cell}`);
    if (!f) by.set(`${sheet}!${cell}`, (f = { sheet, cell, style: null, fill: null, note: [] })), all.push(f);
    return f;
  };
  const statusStyle: Record<string, StyleKey> = { met: 'status.met', nearly: 'status.nearly', gap: 'status.gap', pending: 'status.pending' };
  for (const ind of result.indicators) {
    for (const p of ind.points) {
      const cell = p.cells.actual ?? p.cells.target;
      const style = statusStyle[p.status];
      if (cell && style) at(ind.sheet, cell).style = style;
    }
  }
  for (const f of findings) {
    if (f.sheet === null || f.cell === null || (f.severity !== 'error' && f.severity !== 'warning')) continue;
    const flag = at(f.sheet, f.cell);
    flag.note.push(`[${word[f.severity]}] ${f.message}`);
    const style = `severity.${f.severity}` as StyleKey;
    if ((rank[style] ?? 0) > (rank[flag.style ?? ''] ?? 0)) flag.style = style;
  }
  for (const f of all) if (f.style) f.fill = STYLES[f.style].fill;
  return all;
}

const cell = fc.constantFrom('A1', 'B2', 'C3', 'D4', 'E5', 'F6', null);
const point: fc.Arbitrary<Point> = fc.record({
  fy: fc.constant(2022),
  target: fc.constant(10),
  targetQualifier: fc.constant(null),
  actual: fc.constant(9),
  ratio: fc.constant(0.9),
  status: fc.constantFrom('met' as const, 'nearly' as const, 'gap' as const, 'pending' as const, 'noTarget' as const),
  statedRatio: fc.constant(null),
  cells: fc.record({ target: cell, actual: cell, stated: fc.constant(null) }),
});
const finding: fc.Arbitrary<Finding> = fc.record({
  sheet: fc.constantFrom('S', 'T', null),
  cell: cell,
  rule: fc.constant('indicator.target-gap'),
  severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
  message: fc.string({ maxLength: 6 }),
  expected: fc.constant(null),
  found: fc.constant(null),
});

function resultOf(indicators: { sheet: string; points: Point[] }[], columns: boolean): CheckResult {
  const store = new PointStore(4);
  return {
    tables: [],
    budgets: [],
    findings: [],
    reportFy: 2022,
    thresholds: { met: 1, nearly: 0.85 },
    indicators: indicators.map(({ sheet, points }) => {
      let list: PointList | Point[] = points;
      if (columns) {
        const start = store.count;
        for (const p of points) store.add(p.fy, p.target, p.targetQualifier, p.actual, p.ratio, p.status, p.statedRatio, cellRefs(p.cells));
        list = new PointList(store, start, points.length);
      }
      return { sheet, table: 0, name: 'x', unit: null, direction: 'up', cumulative: false, method: 'ratio', baseline: null, points: list, plannedTargets: [] };
    }),
  };
}

test('on random results with repeated cells, in columns or in plain lists: the flags of the plain rule, in its order', () => {
  fc.assert(
    fc.property(fc.array(fc.record({ sheet: fc.constantFrom('S', 'T'), points: fc.array(point, { maxLength: 5 }) }), { maxLength: 6 }), fc.array(finding, { maxLength: 10 }), fc.boolean(), (inds, findings, columns) => {
      const result = resultOf(inds, columns);
      const plan = flagPlan(result, findings);
      const want = reference(result, findings);
      expect([...plan]).toEqual(want);
      // A second walk gives the same, and the length counts them.
      expect([...plan]).toEqual(want);
      expect(plan.length).toBe(want.length);
    }),
    { numRuns: 500 },
  );
});

test('on a sample: the same flags as the plain rule, each made again on each walk', async () => {
  const dir = path.join(__dirname, '..', 'samples');
  const opened = await openWorkbook(new Uint8Array(readFileSync(path.join(dir, 'shisaku-322-r3.xlsx'))));
  if (!opened.ok) throw new Error('sample');
  const parsed = parseMappingText(readFileSync(path.join(dir, 'shisaku-322-r3.tassei.json'), 'utf8'));
  if (!parsed.ok) throw new Error('mapping');
  const result = checkWorkbook(workbookGrid(opened.workbook), parsed.mapping);
  const report = fileReport('shisaku-322-r3.xlsx', result);
  const plan = flagPlan(result, report.findings);
  const flags = [...plan];
  expect(flags).toEqual(reference(result, report.findings));
  expect(flags.length).toBeGreaterThan(5);
  expect(flags.some((f) => f.note.length > 0)).toBe(true);
  expect(toArray(result.indicators[0]!.points).length).toBeGreaterThan(0);
  expect([...plan][0]).not.toBe(flags[0]);
  expect([...plan][0]).toEqual(flags[0]);
});
