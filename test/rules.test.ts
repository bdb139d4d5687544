/**
 * Each validation rule fires where it should, on sheets shaped like the samples, with the cell, the expected and
 * found values, and its message in both languages.
 */
import { toArray } from '../src/core/evaluate/points';
import fc from 'fast-check';
import { checkWorkbook, fileReport, flagPlan, plainFileReport, RULES, summaryModel, type Mapping, type TableMapping } from '../src/core';
import { workbook, type Plain } from './helpers/memoryGrid';

const HEADER: Plain[] = ['目標項目', '令和元年度', '２年度', null, '３年度'];
const ROLES: Plain[] = [null, '現状値', '目標値\n実績値', '目標達成状況', '目標値\n実績値'];

/** A two-row indicator table as in the 施策評価表: header at row 1–2, indicators from row 3. */
function twoRow(rows: Plain[][], extra: Partial<Extract<TableMapping, { kind: 'indicator' }>> = {}, reportFy = 2021): { mapping: Mapping; sheet: Plain[][] } {
  const sheet = [HEADER, ROLES, ...rows];
  const ind: number[] = [];
  for (let r = 3; r < rows.length + 3; r += 2) ind.push(r);
  return {
    sheet,
    mapping: {
      version: 1,
      reportFy,
      tables: [
        {
          kind: 'indicator',
          sheet: 'S',
          layout: 'two-row',
          nameColumn: 'A',
          baseline: { fy: 'B1', column: 'B' },
          years: [
            { fy: 'C1', target: 'C', actual: 'C', stated: 'D' },
            { fy: 'E1', target: 'E', actual: 'E' },
          ],
          rows: ind.map((r) => ({ target: r, actual: r + 1 })),
          ...extra,
        },
      ],
    },
  };
}

function run(sheet: Plain[][], mapping: Mapping, lang: 'ja' | 'en' = 'ja', hiddenRows: number[] = []) {
  const result = checkWorkbook(workbook({ name: 'S', rows: sheet, hiddenRows }), mapping);
  return { result, report: fileReport('x.xlsx', result, lang) };
}

const rulesOf = (r: ReturnType<typeof run>) => r.report.findings.map((f) => `${f.rule}@${f.cell}`);

describe('indicator rules', () => {
  test('value.error-cell and value.unparseable: a cell that is no number is a finding, never a guessed number', () => {
    const { sheet, mapping } = twoRow([
      ['A', '26 件', '30 件', null, '53 件'],
      [null, null, { kind: 'error', code: '#DIV/0!' }, null, '12a34'],
      ['B', '5 件', '5 件', null, true],
      [null, null, { kind: 'date', iso: '2021-04-01T00:00:00.000Z' }, null, '3 件'],
    ]);
    const r = run(sheet, mapping);
    expect(rulesOf(r)).toEqual(expect.arrayContaining(['value.error-cell@C4', 'value.unparseable@E4', 'value.unparseable@E5', 'value.unparseable@C6']));
    const err = r.report.findings.find((f) => f.rule === 'value.error-cell')!;
    expect(err).toMatchObject({ severity: 'error', found: '#DIV/0!', message: '実績値がエラー値 #DIV/0! です' });
    expect(r.report.findings.find((f) => f.cell === 'E4')!.message).toMatch(/^実績値を数値として読めません/);
    // No ratio was made up for the unreadable cells.
    expect(toArray(r.result.indicators[0]!.points).find((p) => p.fy === 2021)!.actual).toBeNull();
  });

  test('value.unit-mismatch: 件 against 社', () => {
    const { sheet, mapping } = twoRow([
      ['A', '26 件', null, null, '53 件'],
      [null, null, null, null, '50 社'],
    ]);
    const r = run(sheet, mapping);
    expect(r.report.findings.find((f) => f.rule === 'value.unit-mismatch')).toMatchObject({ cell: 'E4', expected: '件', found: '社', severity: 'warning' });
  });

  test('indicator.cumulative-decrease: a 累計 actual below the baseline', () => {
    const { sheet, mapping } = twoRow([
      ['件数（累計）', '26 件', null, null, '53 件'],
      [null, null, null, null, '20 件'],
    ]);
    const r = run(sheet, mapping);
    const f = r.report.findings.find((x) => x.rule === 'indicator.cumulative-decrease')!;
    expect(f).toMatchObject({ cell: 'E4', expected: 26, found: 20, severity: 'error' });
    expect(f.message).toBe('累計値が減少しています: 2019年度 26 → 2021年度 20');
    expect(run(sheet, mapping, 'en').report.findings.find((x) => x.rule === 'indicator.cumulative-decrease')!.message).toBe(
      'Cumulative figure decreases: FY2019 26 → FY2021 20',
    );
  });

  test('indicator.stated-ratio-mismatch: the sheet states 0.97 for 29/30, and 0.95 when it is 0.97', () => {
    const ok = twoRow([
      ['A', '26', '30 件', null, null],
      [null, null, '29 件', '0.97', null],
    ]);
    expect(rulesOf(run(ok.sheet, ok.mapping)).filter((x) => x.startsWith('indicator.stated'))).toEqual([]);
    const bad = twoRow([
      ['A', '26', '30 件', null, null],
      [null, null, '29 件', '0.95', null],
    ]);
    const f = run(bad.sheet, bad.mapping).report.findings.find((x) => x.rule === 'indicator.stated-ratio-mismatch')!;
    expect(f).toMatchObject({ cell: 'D4', expected: 0.97, found: 0.95, message: '記載の達成状況 0.95 と計算値 0.97 が一致しません' });
  });

  test('47.4 / 50 is 0.95 (half-up in decimal, not binary floating point)', () => {
    const { sheet, mapping } = twoRow([
      ['A', null, '50', null, null],
      [null, null, '47.4', null, null],
    ]);
    expect(run(sheet, mapping).result.indicators[0]!.points.at(0)!.ratio).toBe(0.95);
  });

  test('以上 / 以下 targets and lower-is-better indicators', () => {
    const { sheet, mapping } = twoRow([
      ['観光消費額', null, null, null, '5,000億円以上'],
      [null, null, null, null, '5,010億円'],
      ['後継者不在率', null, null, null, '42.0%'],
      [null, null, null, null, '44.1%'],
      ['残業時間', null, null, null, '20時間以下'],
      [null, null, null, null, '19時間'],
    ]);
    const [tourism, absent, hours] = run(sheet, mapping).result.indicators;
    expect(tourism!.points.at(0)).toMatchObject({ targetQualifier: 'atLeast', ratio: 1, status: 'met' });
    expect(absent!.direction).toBe('down');
    // Lower is better: 42.0 / 44.1 = 0.952… → 0.95.
    expect(absent!.points.at(0)).toMatchObject({ ratio: 0.95, status: 'nearly' });
    expect(hours!.points.at(0)).toMatchObject({ targetQualifier: 'atMost', status: 'met' });
  });

  test('the progress method measures from the baseline, and thresholds are settings', () => {
    const { sheet, mapping } = twoRow(
      [
        ['A', '40', null, null, '60'],
        [null, null, null, null, '55'],
      ],
      { method: 'progress' },
    );
    // (55 − 40) / (60 − 40) = 0.75
    expect(run(sheet, mapping).result.indicators[0]!.points.at(0)).toMatchObject({ ratio: 0.75, status: 'gap' });
    const lenient: Mapping = { ...mapping, settings: { thresholds: { met: 1, nearly: 0.7 } } };
    expect(run(sheet, lenient).result.indicators[0]!.points.at(0)).toMatchObject({ ratio: 0.75, status: 'nearly' });
  });

  test('value.multiple-values: two labelled values in one cell without a label in the mapping', () => {
    const { sheet, mapping } = twoRow([
      ['掲載数', null, null, null, '②2件 ③1件'],
      [null, null, null, null, '②2件 ③1件'],
    ]);
    const r = run(sheet, mapping);
    expect(rulesOf(r)).toContain('value.multiple-values@E3');
  });

  test('sheet.fiscal-year-unparsed: a header with no readable year leaves that column out', () => {
    const { sheet, mapping } = twoRow([
      ['A', '26', null, null, '53'],
      [null, null, null, null, '50'],
    ]);
    sheet[0] = ['目標項目', '令和元年度', '２年度', null, '翌年度'];
    const r = run(sheet, mapping);
    expect(r.report.findings.find((f) => f.rule === 'sheet.fiscal-year-unparsed')).toMatchObject({ cell: 'E1', severity: 'error', message: '見出し「翌年度」から年度を判定できません' });
    expect(toArray(r.result.indicators[0]!.points)).toEqual([]);
  });

  test('sheet.hidden-row and mapping.sheet-missing', () => {
    const { sheet, mapping } = twoRow([
      ['A', '26', null, null, '53'],
      [null, null, null, null, '50'],
    ]);
    expect(rulesOf(run(sheet, mapping, 'ja', [4]))).toContain('sheet.hidden-row@A4');
    const elsewhere: Mapping = { ...mapping, tables: [{ ...mapping.tables[0]!, sheet: '施策999' }] };
    const r = run(sheet, elsewhere);
    expect(r.report.findings).toEqual([
      { sheet: '施策999', cell: null, rule: 'mapping.sheet-missing', severity: 'error', expected: null, found: '施策999', message: 'シート「施策999」がありません' },
    ]);
  });
});

describe('budget rules', () => {
  const block = (amount: Plain, previous: Plain, change: Plain, source: Plain = '県', continuation: Plain = '継続'): Plain[][] => [
    ['年度', '番号', '財源', '事業名', '事業費(単位:千円)', '継続・新規'],
    ['令和6年度', 1, source, '事業', amount, continuation],
    [null, null, null, '前年度事業名', '事業費(単位:千円)', '前年度比'],
    [null, null, null, '同上', previous, change],
  ];
  const mapping = (extra: object = {}): Mapping => ({
    version: 1,
    tables: [
      {
        kind: 'budget',
        sheet: 'S',
        layout: 'blocks',
        unitHeader: 'E1',
        projects: [{ name: 'D2', source: 'C2', continuation: 'F2', fy: 'A2', amount: 'E2', previousAmount: 'E4', statedChange: 'F4' }],
        ...extra,
      },
    ],
  });

  test('budget.change-mismatch: ▲ 7,133 stated where the amounts give ▲ 7,000', () => {
    const r = run(block('95,249', '102,249', '▲ 7,133'), mapping());
    expect(r.report.findings).toEqual([
      { sheet: 'S', cell: 'F4', rule: 'budget.change-mismatch', severity: 'error', expected: -7000, found: -7133, message: '前年度比 ▲ 7,133 と計算値 ▲ 7,000 が一致しません' },
    ]);
    expect(run(block('95,249', '102,249', '▲ 7,133'), mapping(), 'en').report.findings[0]!.message).toBe('Stated change -7,133 differs from the computed -7,000');
  });

  test('a difference of one display unit (rounding of 千円) is tolerated', () => {
    expect(run(block('95,249', '102,382', '▲ 7,134'), mapping()).report.findings).toEqual([]);
    expect(run(block('95,249', '102,382', '▲ 7,135'), mapping()).report.findings.map((f) => f.rule)).toEqual(['budget.change-mismatch']);
  });

  test('budget.new-with-previous and budget.source-unknown', () => {
    const r = run(block('4,869', '1,000', '3,869', '国・県・その他', '新規'), mapping());
    expect(r.report.findings.map((f) => `${f.rule}@${f.cell}`).sort()).toEqual(['budget.new-with-previous@E4', 'budget.source-unknown@C2']);
  });

  test('budget.total-mismatch: a 合計 row against the sum of the blocks', () => {
    const sheet = [...block('100', '90', '10'), [], ...block('200', '150', '50'), [], [null, null, null, '合計', '305', null]];
    const r = run(sheet, mapping({ repeat: { count: 2, rowStep: 5 }, total: { amount: 'E11' } }));
    expect(r.report.findings).toEqual([
      { sheet: 'S', cell: 'E11', rule: 'budget.total-mismatch', severity: 'error', expected: 300, found: 305, message: '合計 305 と各事業の和 300 が一致しません' },
    ]);
  });
});

describe('the rule catalogue', () => {
  test('every rule of the report contract is in the catalogue with texts in both languages', () => {
    const required = [
      'value.unparseable',
      'value.error-cell',
      'value.unit-mismatch',
      'indicator.missing-target',
      'indicator.missing-actual',
      'indicator.cumulative-decrease',
      'indicator.stated-ratio-mismatch',
      'indicator.target-gap',
      'budget.change-mismatch',
      'budget.total-mismatch',
      'budget.source-unknown',
      'budget.new-with-previous',
      'sheet.fiscal-year-unparsed',
    ];
    const ids = RULES.map((r) => r.id);
    for (const id of required) expect(ids).toContain(id);
    for (const r of RULES) {
      for (const field of [r.title, r.description, r.fix, r.message]) {
        expect(field.ja).toMatch(/[ぁ-んァ-ヶ一-龠]/);
        // English sentences (they may quote the Japanese words of the sheets).
        expect(field.en).toMatch(/^[A-Z{]/);
        expect(field.en).not.toBe(field.ja);
      }
    }
  });
});

describe('robustness', () => {
  const cellArb = fc.oneof(
    fc.constant(null),
    fc.string({ maxLength: 30 }),
    fc.constantFrom('26 件', '▲ 7,133', '７３，５９７千円', '—', '－', '/', '調査中', '160件(123.1%)', '②2件 ③1件', '5,000億円以上', '0', '=1+1'),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.constantFrom<Plain>({ kind: 'error', code: '#N/A' }, { kind: 'date', iso: '2021-04-01T00:00:00.000Z' }, { kind: 'number', value: -4738, numFmt: '#,##0;"▲ "#,##0' }),
  );
  const gridArb = fc.array(fc.array(cellArb, { minLength: 6, maxLength: 6 }), { minLength: 4, maxLength: 12 });

  test('the engine never throws on arbitrary grids of cell values, and its outputs are well-formed', () => {
    fc.assert(
      fc.property(gridArb, fc.integer({ min: 1, max: 4 }), (rows, step) => {
        const { sheet, mapping } = twoRow(rows.slice(2) as Plain[][]);
        sheet.splice(0, 2, rows[0]!, rows[1]!);
        const budget: TableMapping = {
          kind: 'budget',
          sheet: 'S',
          layout: 'blocks',
          projects: [{ name: 'D2', source: 'C2', continuation: 'F2', fy: 'A2', amount: 'E2', previousAmount: 'E4', statedChange: 'F4' }],
          repeat: { count: 2, rowStep: step },
          total: { amount: 'E9' },
        };
        const m: Mapping = { ...mapping, tables: [...mapping.tables, budget] };
        const result = checkWorkbook(workbook({ name: 'S', rows: sheet }), m);
        const report = fileReport('x.xlsx', result);
        summaryModel(result, report.findings);
        flagPlan(result, report.findings);
        for (const ind of result.indicators) for (const p of ind.points) if (p.ratio !== null) expect(Number.isFinite(p.ratio)).toBe(true);
        // What JSON says is the report itself, its points as plain lists.
        expect(JSON.parse(JSON.stringify(report))).toEqual(plainFileReport(report));
      }),
      { numRuns: 300 },
    );
  });
});
