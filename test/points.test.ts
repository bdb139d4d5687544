/**
 * The points of a check kept in columns (src/core/evaluate/points.ts) read back as the objects that were put in:
 * same values, nulls and cell addresses, keys in the report's order; and a report's JSON is
 * the same text whether its points are kept in columns or in plain lists.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { PlannedList, PlannedStore, PointList, PointStore, toArray, type PlannedTarget, type Point } from '../src/core/evaluate/points';
import { checkWorkbook, fileReport, parseMappingText, plainFileReport } from '../src/core';
import { openWorkbook, workbookGrid } from '../src/xlsx';
import { columnLetters, parseAddress } from '../src/core/grid';
import { cellRefs } from './helpers/pointCells';

// Any cell of a sheet: column 1 (A) to 16,384 (XFD), row 1 to 1,048,576; the store gives it back as its address.
const address = fc.tuple(fc.integer({ min: 1, max: 16_384 }), fc.integer({ min: 1, max: 1_048_576 })).map(([col, row]) => `${columnLetters(col)}${row}`);
const cell = fc.option(address, { nil: null });
const value = fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null });
const qualifier = fc.constantFrom(null, 'atLeast' as const, 'atMost' as const);
const point: fc.Arbitrary<Point> = fc.record({
  fy: fc.integer({ min: 1989, max: 2100 }),
  target: value,
  targetQualifier: qualifier,
  actual: value,
  ratio: value,
  status: fc.constantFrom('met' as const, 'nearly' as const, 'gap' as const, 'pending' as const, 'noTarget' as const),
  statedRatio: value,
  cells: fc.record({ target: cell, actual: cell, stated: cell }),
});
const planned: fc.Arbitrary<PlannedTarget> = fc.record({ fy: fc.integer({ min: 1989, max: 2100 }), target: fc.double({ noNaN: true, noDefaultInfinity: true }), targetQualifier: qualifier, cell: address });

/** Key order as the report writes it: what JSON.stringify shows. */
const keys = (o: object) => JSON.stringify(o, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v).reduce<Record<string, unknown>>((a, k) => ((a[k] = (v as Record<string, unknown>)[k]), a), {}) : v));

test('points put in the store read back as they were, in runs of any length, past the first capacity', () => {
  fc.assert(
    fc.property(fc.array(fc.array(point, { maxLength: 8 }), { minLength: 1, maxLength: 120 }), (runs) => {
      const store = new PointStore();
      const lists = runs.map((run) => {
        const start = store.count;
        for (const p of run) store.add(p.fy, p.target, p.targetQualifier, p.actual, p.ratio, p.status, p.statedRatio, cellRefs(p.cells));
        return new PointList(store, start, run.length);
      });
      runs.forEach((run, k) => {
        const list = lists[k]!;
        expect(list.length).toBe(run.length);
        expect(toArray(list)).toEqual(run);
        expect(JSON.stringify(list)).toBe(JSON.stringify(run));
        run.forEach((p, i) => {
          expect(list.at(i)).toEqual(p);
          expect(Object.is(list.at(i)!.target, p.target)).toBe(true); // -0 stays -0
          expect(list.statusAt(i)).toBe(p.status);
          expect(list.shownCellAt(i)).toBe(p.cells.actual ?? p.cells.target);
        });
        expect(list.at(run.length)).toBeUndefined();
        if (run.length > 0) expect(list.at(-1)).toEqual(run[run.length - 1]);
      });
    }),
    { numRuns: 60 },
  );
});

test('planned targets too', () => {
  fc.assert(
    fc.property(fc.array(planned, { maxLength: 600 }), (all) => {
      const store = new PlannedStore();
      for (const p of all) {
        const ref = parseAddress(p.cell)!;
        store.add(p.fy, p.target, p.targetQualifier, ref.col, ref.row);
      }
      const list = new PlannedList(store, 0, all.length);
      expect(toArray(list)).toEqual(all);
      expect(keys(toArray(list))).toBe(keys(all));
    }),
    { numRuns: 40 },
  );
});

test('the report of a sample: the same JSON text from the columns as from plain lists, keys in the contract order', async () => {
  const dir = path.join(__dirname, '..', 'samples');
  const opened = await openWorkbook(new Uint8Array(readFileSync(path.join(dir, 'shisaku-322-r3.xlsx'))));
  if (!opened.ok) throw new Error('sample');
  const parsed = parseMappingText(readFileSync(path.join(dir, 'shisaku-322-r3.tassei.json'), 'utf8'));
  if (!parsed.ok) throw new Error('mapping');
  const report = fileReport('shisaku-322-r3.xlsx', checkWorkbook(workbookGrid(opened.workbook), parsed.mapping));
  const points = report.indicators.reduce((n, i) => n + i.points.length, 0);
  expect(points).toBeGreaterThan(5);
  expect(JSON.stringify(report, null, 2)).toBe(JSON.stringify(plainFileReport(report), null, 2));
  const first = toArray(report.indicators.find((i) => i.points.length > 0)!.points)[0]!;
  expect(Object.keys(first)).toEqual(['fy', 'target', 'targetQualifier', 'actual', 'ratio', 'status', 'statedRatio', 'cells']);
  expect(Object.keys(first.cells)).toEqual(['target', 'actual', 'stated']);
});
