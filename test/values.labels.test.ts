/**
 * A target and an actual written in one cell (layout 5 of the issue: 「目標 130件 実績 112件」, seed 003): the
 * parser reads 目標 / 実績 as labels, as it reads ②③; a mapping row with `labels` reads the target and the actual
 * of the same cell by their labels; a value that says neither is a finding, never taken for one of them.
 */
import { toArray } from '../src/core/evaluate/points';
import { checkWorkbook, fileReport, parseMappingText, type Mapping } from '../src/core';
import { parseText } from '../src/core/values';
import type { ParsedValue, Quantity } from '../src/core/values/types';
import { SheetBuilder, workbookOf } from './detection/builder';

function quantityOf(p: ParsedValue): Quantity {
  if (p.kind !== 'quantity') throw new Error(`expected a quantity, got ${JSON.stringify(p)}`);
  return p;
}

describe('目標 / 実績 labels in the parser', () => {
  test.each([
    ['目標 130件 実績 112件', 130, '目標', 112, '実績'],
    ['目標 2,878件 実績 2,159件', 2878, '目標', 2159, '実績'],
    ['目標 2回 実績 2回', 2, '目標', 2, '実績'],
    ['目標：2回 実績：2回', 2, '目標', 2, '実績'],
    ['目標 １３０件　実績 １１２件', 130, '目標', 112, '実績'],
    ['実績 112件 目標 130件', 112, '実績', 130, '目標'],
    ['目標 70回以上 実績 75回', 70, '目標', 75, '実績'],
    ['目標 160件 実績 160件(123.1%)', 160, '目標', 160, '実績'],
  ] as const)('%s: two labelled items', (text, first, firstLabel, second, secondLabel) => {
    const q = quantityOf(parseText(text));
    expect([q.value, q.label, q.more.length]).toEqual([first, firstLabel, 1]);
    expect(q.more[0]).toMatchObject({ kind: 'quantity', value: second, label: secondLabel, more: [] });
  });

  test('the qualifier and the stated ratio stay with their item', () => {
    const q = quantityOf(parseText('目標 70回以上 実績 75回(107.1%)'));
    expect([q.qualifier, q.statedRatio]).toEqual(['atLeast', null]);
    expect([q.more[0]!.qualifier, q.more[0]!.statedRatio]).toEqual([null, 1.071]);
  });

  test('a single 目標 or 実績 value is labelled too, and keeps its annotation', () => {
    expect(parseText('目標 130件')).toMatchObject({ value: 130, unit: '件', label: '目標', annotation: '目標', more: [] });
    expect(parseText('実績 112件')).toMatchObject({ value: 112, unit: '件', label: '実績', annotation: '実績', more: [] });
    expect(parseText('見込 75回')).toMatchObject({ value: 75, label: null, estimate: true });
  });

  test.each([
    '130件 実績 112件', // the first value says nothing: which is it?
    '目標 1件 目標 2件', // the same label twice
    '目標 3件 ②2件', // words and circled numbers mixed
    '②2件 実績 1件',
    '目標 130件 112件', // a further value with no label
    '(5) 事業承継診断件数 目標 2,878件 実績 2,159件', // a name before the values: not a value cell
  ])('%s is not read', (text) => {
    expect(parseText(text).kind).toBe('invalid');
  });

  test('circled labels read as before', () => {
    const q = quantityOf(parseText('②2件 ③1件'));
    expect([q.label, q.more[0]!.label]).toEqual(['②', '③']);
  });
});

describe('a mapping row with labels: the target and the actual of one cell', () => {
  const name = '成果目標値';
  const grid = workbookOf(
    new SheetBuilder(name)
      .put('A1', '1. 令和5年度 目標・実績')
      .rows('A2', [
        ['(1)事業承継診断件数', '目標 2,878件 実績 2,159件'],
        ['(2)連絡会議開催', '目標 2回 実績 2回'],
        ['(3)セミナー開催', '実績 3回 目標 2回'],
        ['(4)相談件数', '目標 130件'],
        ['(5)訪問件数', '45件'],
        ['(6)成約件数', '目標 23件 実績 調査中'],
      ])
      .grid(),
  );
  const labels = { target: '目標', actual: '実績' };
  const mapping: Mapping = {
    version: 1,
    tables: [
      {
        kind: 'indicator', sheet: name, layout: 'columns', nameColumn: 'A',
        years: [{ fy: 'A1', target: 'B', actual: 'B' }],
        rows: [2, 3, 4, 5, 6, 7].map((r) => ({ target: r, actual: r, labels })),
      },
    ],
  };
  const result = checkWorkbook(grid, mapping);
  const point = (i: number) => result.indicators[i]!.points.at(0)!;

  test('each role reads its labelled item, whatever their order', () => {
    expect(result.reportFy).toBe(2023);
    expect([point(0).target, point(0).actual, point(0).ratio, point(0).status]).toEqual([2878, 2159, 0.75, 'gap']);
    expect([point(1).target, point(1).actual, point(1).ratio, point(1).status]).toEqual([2, 2, 1, 'met']);
    expect([point(2).target, point(2).actual, point(2).ratio]).toEqual([2, 3, 1.5]);
    expect(point(0).cells).toEqual({ target: 'B2', actual: 'B2', stated: null });
  });

  test('a target alone leaves the actual to come; a bare value is a finding and is read as neither', () => {
    expect([point(3).target, point(3).actual, point(3).status]).toEqual([130, null, 'pending']);
    const bare = result.indicators[4]!;
    expect(toArray(bare.points).map((p) => [p.target, p.actual])).not.toContainEqual([45, expect.anything()]);
    expect(toArray(bare.points).flatMap((p) => [p.target, p.actual])).not.toContain(45);
    const f = result.findings.filter((x) => x.cell === 'B6');
    expect(f.map((x) => [x.rule, x.params?.role, x.params?.reason])).toEqual([['value.unparseable', 'target', 'unlabelled']]);
    const report = fileReport('x.xlsx', result, 'ja');
    expect(report.findings.find((x) => x.cell === 'B6')!.message).toContain('「目標」「実績」の語がなく');
    expect(fileReport('x.xlsx', result, 'en').findings.find((x) => x.cell === 'B6')!.message).toContain('not labelled 目標 or 実績');
  });

  test('a labelled item that is no figure (実績 調査中) does not fit: the cell is a finding, no number is taken from it', () => {
    expect(toArray(result.indicators[5]!.points).flatMap((p) => [p.target, p.actual])).not.toContain(23);
    const f = result.findings.filter((x) => x.cell === 'B7');
    expect(f.map((x) => [x.rule, x.params?.reason])).toContainEqual(['value.unparseable', 'unrecognized']);
  });

  test('without labels the cell is several values: a finding, and the first item only', () => {
    const plain = checkWorkbook(grid, { version: 1, tables: [{ ...mapping.tables[0]!, rows: [{ target: 2, actual: 2 }] } as Mapping['tables'][number]] });
    expect(plain.findings.map((x) => [x.rule, x.cell])).toContainEqual(['value.multiple-values', 'B2']);
  });

  test('the schema takes labels (both, non-empty) and refuses anything else', () => {
    const json = (row: unknown) => JSON.stringify({ version: 1, tables: [{ ...mapping.tables[0], rows: [row] }] });
    expect(parseMappingText(json({ target: 2, actual: 2, labels })).ok).toBe(true);
    expect(parseMappingText(json({ target: 2, actual: 2, labels: { target: '目標' } })).ok).toBe(false);
    expect(parseMappingText(json({ target: 2, actual: 2, labels: { target: '目標', actual: '', extra: 1 } })).ok).toBe(false);
  });
});
