/**
 * Detection on the corpus (test/detection): every table of the samples and of the built variants is found, every
 * cell is mapped as in the hand-made mapping, and the text sections, the 実施スケジュール and target/actual lists
 * written inside cells yield no table.
 */
import { toArray } from '../src/core/evaluate/points';
import { checkWorkbook } from '../src/core';
import { describeGrade, describeNote, detectSheet, detectTables, detectWorkbook } from '../src/core/detect';
import { workbookOf } from './detection/builder';
import { builtCases, type CorpusCase } from './detection/corpus';
import { fixtureCases } from './detection/fixtures';
import { scoreCase, totals } from './detection/score';

let fixtures: CorpusCase[] = [];
beforeAll(async () => {
  fixtures = await fixtureCases();
});

describe.each(builtCases().map((c) => [c.id, c] as const))('corpus case %s', (_id, c) => {
  test('every table found, every cell mapped as by hand, no false table', () => {
    const s = scoreCase(c);
    expect(s.missing).toEqual([]);
    expect(s.extra).toEqual([]);
    expect(s.found).toBe(s.expectedTables);
    expect(s.true).toBe(s.detectedTables);
    expect(s.correctCells).toBe(s.expectedCells);
  });

  test('unmapped data, grades and unsure parts are reported', () => {
    const d = detectSheet(c.sheets[0]!);
    expect(d.unmapped.map((u) => u.cell)).toEqual(c.unmapped ?? []);
    expect(Object.fromEntries(d.grades.map((g) => [g.cell, g.grade]))).toEqual(c.grades ?? {});
    const unsure = d.tables.flatMap((t) => t.unsure.map((u) => ({ row: u.params?.row, code: u.code })));
    expect(unsure).toEqual(c.unsure ?? []);
  });
});

test('the fixtures: every sheet\'s tables found and every cell mapped as in samples/*.tassei.json', () => {
  expect(fixtures.length).toBe(6);
  for (const c of fixtures) {
    const s = scoreCase(c);
    expect({ id: c.id, missing: s.missing, extra: s.extra }).toEqual({ id: c.id, missing: [], extra: [] });
    expect([c.id, s.found, s.true]).toEqual([c.id, s.expectedTables, s.detectedTables]);
  }
});

test('over the whole corpus: precision and recall are 1 for tables and for cells', () => {
  const t = totals([...builtCases(), ...fixtures].map(scoreCase));
  expect(t.tables.expected).toBe(52);
  expect(t.cells.expected).toBeGreaterThan(400);
  expect([t.tables.precision, t.tables.recall, t.cells.precision, t.cells.recall]).toEqual([1, 1, 1, 1]);
});

describe('what a proposal says', () => {
  const management = builtCases().find((c) => c.id === 'management-sheet')!;

  test('the 進展度 grade with its words, in both languages', () => {
    const [g] = detectSheet(management.sheets[0]!).grades;
    expect(g).toEqual({ sheet: '事業マネジメント', cell: 'B4', grade: 'B', words: 'ある程度進んだ', consistent: true });
    expect(describeGrade(g!, 'ja')).toBe('進展度 B（ある程度進んだ）');
    expect(describeGrade(g!, 'en')).toBe('Progress grade B (ある程度進んだ)');
  });

  test('reasons name the header words found; the stated column and the skipped 予算額等 row are said', () => {
    const [t] = detectTables(management.sheets[0]!);
    const codes = t!.reasons.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['yearsRow', 'rolesRow', 'statedColumn', 'budgetRowSkipped', 'downWords']));
    const years = t!.reasons.find((r) => r.code === 'yearsRow')!;
    expect(describeNote(years, 'ja', 'reason')).toBe('7行目に年度の見出し（令和2年度, 令和3年度）');
    expect(describeNote(years, 'en', 'reason')).toBe('Year headers on row 7 (令和2年度, 令和3年度)');
    expect(t!.confidence).toBeGreaterThanOrEqual(0.6);
  });

  test('a direction read only from falling targets is marked unsure and not applied', () => {
    const c = builtCases().find((x) => x.id === 'direction')!;
    const [t] = detectTables(c.sheets[0]!);
    const note = t!.unsure.find((u) => u.code === 'direction')!;
    expect(describeNote(note, 'ja', 'unsure')).toContain('相談の平均処理時間');
    expect(t!.mapping.kind === 'indicator' && t!.mapping.rows.map((r) => r.direction ?? null)).toEqual(['down', null, null]);
  });
});

describe('target/actual lists (layout 5)', () => {
  const byId = (id: string) => builtCases().find((c) => c.id === id)!;

  test('label cells (名前 | 目標 | 130件 | 実績 | 112件): the year from the heading above, the seed\'s figures read', () => {
    const sheet = byId('seed-003-label-cells').sheets[0]!;
    const [t] = detectTables(sheet);
    expect(t!.reasons.map((r) => describeNote(r, 'ja', 'reason'))).toEqual(expect.arrayContaining(['5行目から「目標」「実績」の欄と値が並ぶ行 6 件', '年度は A4 の見出しから']));
    expect(t!.unsure).toEqual([]);
    const r = checkWorkbook(workbookOf(sheet), detectWorkbook(workbookOf(sheet)));
    expect(r.reportFy).toBe(2023);
    expect(r.indicators.map((i) => [i.name, i.points.at(0)!.target, i.points.at(0)!.actual, i.points.at(0)!.ratio])).toEqual([
      ['(1) 1次対応相談件数(親族内)', 130, 112, 0.86],
      ['(2) 1次対応相談件数(譲渡)', 139, 114, 0.82],
      ['(3) 成約件数(親族内)', 23, 21, 0.91],
      ['(4) 成約件数(第三者)', 33, 35, 1.06],
      ['(5) 事業承継診断件数', 2878, 2159, 0.75],
      ['(6) エリアCO掘り起し件数', 165, 174, 1.05],
    ]);
  });

  test('inside one cell: mapped with labels, no longer reported as unmapped; a cell that says neither is a finding', () => {
    const sheet = byId('in-cell-lists').sheets[0]!;
    const d = detectSheet(sheet);
    expect(d.unmapped).toEqual([]);
    expect(d.tables.map((t) => [t.range, t.confidence >= 0.6])).toEqual([['A4:B7', true], ['A11:C14', true]]);
    expect(describeNote(d.tables[1]!.reasons.find((r) => r.code === 'inCellValues')!, 'en', 'reason')).toBe('4 cells hold the target and the actual together (told apart by 目標 / 実績)');
    const r = checkWorkbook(workbookOf(sheet), detectWorkbook(workbookOf(sheet)));
    const visits = r.indicators.find((i) => i.name === '訪問件数')!;
    expect(toArray(visits.points).map((p) => [p.fy, p.target, p.actual, p.status])).toEqual([[2022, 40, null, 'pending']]);
    expect(r.findings.filter((f) => f.cell === 'C14').map((f) => [f.rule, f.params?.reason])).toEqual([['value.unparseable', 'unlabelled']]);
    expect(r.indicators.find((i) => i.name === '(1)事業承継診断件数')!.points.at(0)).toMatchObject({ fy: 2023, target: 2878, actual: 2159, ratio: 0.75 });
  });

  test('with no year named above, the list is proposed but not applied', () => {
    const sheet = byId('seed-003-label-cells').sheets[0]!;
    const bare = workbookOf({ ...sheet, cell: (r: number, c: number) => (r <= 4 ? { kind: 'empty' } : sheet.cell(r, c)), mergedArea: sheet.mergedArea, isRowHidden: sheet.isRowHidden, name: sheet.name, rowCount: sheet.rowCount, columnCount: sheet.columnCount });
    const [t] = detectTables(bare.sheets[0]!);
    expect(t!.unsure.map((u) => u.code)).toEqual(['fy']);
    expect(t!.confidence).toBeLessThan(0.6);
    expect(detectWorkbook(bare).tables).toEqual([]);
  });
});
