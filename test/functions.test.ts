/**
 * The TASSEI.* formula functions (src/core/functions) called directly on the cells of the sample workbooks, and
 * held to the check: for every evaluated point and budget of the three samples, the formula gives the check's
 * ratio, status word and 前年度比 — or refuses with an error where the check flags the cell itself. Then the seed
 * strings (units, full-width digits, ▲, 令和/平成/R/H years, budget lines), errors for unreadable text, Excel's
 * broadcasting over ranges, and the Excel adapter (src/functions) turning results into Excel's values and errors.
 */
import {
  changeFormula, fyFormula, isFormulaError, parseAddress, ratioFormula, statusFormula, translator, unitFormula, valueFormula,
  type CellValue, type FormulaCell, type FormulaError, type FormulaResult, type FormulaValue, type SheetGrid,
} from '../src/core';
import { workbookGrid } from '../src/xlsx';
import { checkSample, SAMPLE_NAMES, type SampleCheck } from './helpers/samples';
import { argFromExcel, errorToExcel, langOfDisplay, resultToExcel, type CustomFunctionsRuntime } from '../src/functions/excelValues';

/** What Excel passes a custom function for a cell: its value (a formula's result), '' for a blank. */
function excelValue(v: CellValue): FormulaCell {
  switch (v.kind) {
    case 'number':
      return v.value;
    case 'text':
      return v.text;
    case 'boolean':
      return v.value;
    case 'empty':
      return '';
    case 'date':
      return v.iso;
    case 'error':
      return { error: v.code === '#N/A' ? 'na' : 'value', message: v.code };
  }
}

function cellOf(sheet: SheetGrid, address: string | null): FormulaCell {
  if (address === null) return '';
  const ref = parseAddress(address)!;
  return excelValue(sheet.cell(ref.row, ref.col));
}

/** A column of cells as a range argument (rows of one cell). */
const column = (...cells: FormulaCell[]): FormulaCell[][] => cells.map((c) => [c]);

const errorOf = (v: FormulaResult): FormulaError => {
  if (!isFormulaError(v)) throw new Error(`expected an error, got ${JSON.stringify(v)}`);
  return v;
};

/** The findings on a cell for which the check still evaluates the point, and a formula gives #VALUE!. */
const REFUSED_RULES = new Set<string>(['value.multiple-values', 'value.relative-target', 'value.unparseable', 'value.unit-mismatch']);

const checks = new Map<string, SampleCheck>();
beforeAll(async () => {
  for (const name of SAMPLE_NAMES) checks.set(name, await checkSample(name));
});

describe('a formula and a check never disagree (the three samples, every point and budget)', () => {
  test.each(SAMPLE_NAMES)('%s: RATIO and STATUS give the check’s ratio and status', (name) => {
    const { workbook, result } = checks.get(name)!;
    const grid = workbookGrid(workbook);
    const word = (status: string) => translator('ja')(`status.${status}`);
    let compared = 0;
    let refused = 0;
    for (const ind of result.indicators) {
      const sheet = grid.sheet(ind.sheet)!;
      const baseline = cellOf(sheet, ind.baseline?.cell ?? null);
      for (const p of ind.points) {
        const actual = cellOf(sheet, p.cells.actual);
        const target = cellOf(sheet, p.cells.target);
        const status = statusFormula(actual, target, ind.method, null, baseline);
        const flaggedByCheck = result.findings.some(
          (f) => f.sheet === ind.sheet && (f.cell === p.cells.actual || f.cell === p.cells.target) && REFUSED_RULES.has(f.rule),
        );
        if (isFormulaError(status)) {
          // A formula refuses only what the check itself flags (several values in a cell, a relative target, text
          // it cannot read), where the check goes on with a first value or without a target.
          expect({ cell: `${ind.sheet}!${p.cells.actual}`, flaggedByCheck, error: status.error }).toEqual({ cell: `${ind.sheet}!${p.cells.actual}`, flaggedByCheck: true, error: 'value' });
          refused++;
          continue;
        }
        expect({ cell: `${ind.sheet}!${p.cells.actual}`, status }).toEqual({ cell: `${ind.sheet}!${p.cells.actual}`, status: word(p.status) });
        if (p.ratio !== null) {
          expect({ cell: `${ind.sheet}!${p.cells.actual}`, ratio: ratioFormula(actual, target, baseline, ind.method) }).toEqual({ cell: `${ind.sheet}!${p.cells.actual}`, ratio: p.ratio });
        }
        compared++;
      }
    }
    // 12, 11 and 11 points in the three samples (met, nearly, gap, pending and noTarget among them), none refused.
    expect(compared).toBeGreaterThanOrEqual(11);
    expect(refused).toBe(0);
  });

  test.each(SAMPLE_NAMES)('%s: CHANGE gives the check’s 前年度比 (from the two amounts, or from the budget line)', (name) => {
    const { workbook, result } = checks.get(name)!;
    const grid = workbookGrid(workbook);
    let compared = 0;
    for (const b of result.budgets) {
      const sheet = grid.sheet(b.sheet)!;
      const sameCell = b.cells.amount !== null && b.cells.amount === b.cells.previousAmount; // a budget line: both in one cell
      const got = sameCell ? changeFormula(cellOf(sheet, b.cells.amount)) : changeFormula(cellOf(sheet, b.cells.amount), cellOf(sheet, b.cells.previousAmount));
      expect({ name: b.name, got }).toEqual({ name: b.name, got: b.change ?? expect.objectContaining({ error: 'na' }) });
      compared++;
    }
    // 7 budget lines on each of the two 施策322 sheets; the 25 blocks of the 事業計画書 (block 15 a new project).
    expect(compared).toBe({ 'shisaku-322-r3': 14, 'monitoring-r1': 0, 'jigyo-keikaku-r6': 25 }[name]);
  });
});

describe('TASSEI.RATIO and TASSEI.STATUS on the 施策322（記入例） indicators', () => {
  // E10/E11, E20/E21, E22/E23, E24/E25: the fy2021 targets and (synthetic) actuals, as text cells ('53 件', '80 社').
  function fy2021(): { targets: FormulaCell[][]; actuals: FormulaCell[][] } {
    const sheet = workbookGrid(checks.get('shisaku-322-r3')!.workbook).sheet('施策322（記入例）')!;
    const rows = [[10, 11], [20, 21], [22, 23], [24, 25]] as const;
    return { targets: column(...rows.map(([t]) => cellOf(sheet, `E${t}`))), actuals: column(...rows.map(([, a]) => cellOf(sheet, `E${a}`))) };
  }

  test('one formula over the column of actuals and the column of targets: 0.94, 1.10, 0.92, 0.60', () => {
    const { targets, actuals } = fy2021();
    expect(actuals).toEqual([['50 件'], ['80 社'], ['92 社'], ['3 件']]);
    expect(ratioFormula(actuals, targets)).toEqual([[0.94], [1.1], [0.92], [0.6]]);
    expect(statusFormula(actuals, targets)).toEqual([['概ね達成'], ['達成'], ['概ね達成'], ['未達成']]);
    expect(statusFormula(actuals, targets, null, null, null, { lang: 'en' })).toEqual([['Nearly met'], ['Met'], ['Nearly met'], ['Missed']]);
  });

  test('single cells: 50 件 against 53 件 is 0.94, 概ね達成', () => {
    expect(ratioFormula('50 件', '53 件')).toBe(0.94);
    expect(statusFormula('50 件', '53 件')).toBe('概ね達成');
    expect(ratioFormula('１０５ 社', '１００ 社')).toBe(1.05);
  });

  test('rounds half-up in decimal: 29/30 → 0.97, 47.4/50 → 0.95, 0.285 → 0.29 (binary floating point says 0.28)', () => {
    expect(ratioFormula(29, 30)).toBe(0.97);
    expect(ratioFormula('47.4', '50')).toBe(0.95);
    expect(ratioFormula(0.285, 1)).toBe(0.29);
    expect(Math.round(0.285 * 100) / 100).toBe(0.28);
  });

  test('methods: inverse for lower-is-better (後継者不在率 45.0% → 42.0%), progress from the baseline', () => {
    expect(ratioFormula('42.0%', '45.0%', null, 'inverse')).toBe(1.07);
    expect(statusFormula('42.0%', '45.0%', 'inverse')).toBe('達成');
    expect(statusFormula('46.0%', '45.0%', 'INVERSE')).toBe('概ね達成');
    // 26 件 baseline, 53 件 target, 50 件 actual: (50 − 26) / (53 − 26) = 0.888… → 0.89
    expect(ratioFormula('50 件', '53 件', '26 件', 'progress')).toBe(0.89);
    expect(statusFormula('50 件', '53 件', 'progress', null, '26 件')).toBe('概ね達成');
    expect(errorOf(ratioFormula('50 件', '53 件', null, 'progress')).message).toBe('計算方法 progress には現状値が必要です。');
    expect(errorOf(ratioFormula(5, 5, 5, 'progress')).error).toBe('div0');
    expect(errorOf(ratioFormula(5, 6, null, 'ratios')).message).toContain('「ratios」');
  });

  test('以上 / 以下 targets: met when on the right side, from the target text or the qualifier argument', () => {
    expect(statusFormula('5,200億円', '5,000億円以上')).toBe('達成');
    expect(statusFormula('4,950億円', '5,000億円以上')).toBe('概ね達成');
    expect(statusFormula('18時間', '20時間以下')).toBe('達成');
    expect(statusFormula(18, 20, null, '以下')).toBe('達成');
    expect(statusFormula(18, 20)).toBe('概ね達成');
    expect(errorOf(statusFormula(18, 20, null, '未満')).error).toBe('value');
  });

  test('pending, no target, not applicable: 未確定, 目標なし, #N/A', () => {
    expect(statusFormula('', '53 件')).toBe('未確定');
    expect(statusFormula('調査中', '543 (2018年度)')).toBe('未確定');
    expect(statusFormula('105 社', '')).toBe('目標なし');
    expect(statusFormula('105 社', '未定')).toBe('目標なし');
    expect(errorOf(statusFormula('/', '5 件')).error).toBe('na');
    expect(errorOf(statusFormula('', '')).error).toBe('na');
    expect(errorOf(ratioFormula('調査中', '5 件'))).toEqual({ error: 'na', message: '実績値が数値ではありません（「調査中」）。' });
    expect(errorOf(ratioFormula('50 件', '－'))).toEqual({ error: 'na', message: '目標値が空欄です。' });
  });

  test('never a wrong number: different units, a percentage against a bare number, a zero target', () => {
    expect(errorOf(ratioFormula('50 件', '53 社'))).toEqual({ error: 'value', message: '実績値の単位「件」と目標値の単位「社」が違います。' });
    expect(errorOf(ratioFormula('7,205億円', '7,170千円')).error).toBe('value');
    expect(errorOf(ratioFormula('59.4%', 0.61)).message).toContain('%');
    expect(errorOf(statusFormula('59.4%', 61)).error).toBe('value');
    expect(ratioFormula('58.1%', '61%')).toBe(0.95);
    expect(ratioFormula(50, '53 件')).toBe(0.94); // a number cell carries no unit: the target's is taken
    expect(errorOf(ratioFormula(5, 0))).toEqual({ error: 'div0', message: '目標値が 0 のため達成率を計算できません。' });
    expect(errorOf(ratioFormula(0, 5, null, 'inverse')).error).toBe('div0');
  });
});

describe('TASSEI.VALUE and TASSEI.UNIT on the values the sheets write', () => {
  const texts = ['１０５ 社', '▲ 1,234', '７３，５９７千円', '59.4%(実績)', '26 件', '△ 7,133', '-110,681', '5,000億円以上', '160件(123.1%)', '519 (2017年度)', '見込 75回', '①3件', '7，１４１千円', '39.3％'];

  test('the number and the unit of each, as one formula over the column', () => {
    expect(valueFormula(column(...texts))).toEqual(column(105, -1234, 73597, 59.4, 26, -7133, -110681, 5000, 160, 519, 75, 3, 7141, 39.3));
    expect(unitFormula(column(...texts))).toEqual(column('社', '', '千円', '%', '件', '', '', '億円', '件', '', '回', '件', '千円', '%'));
  });

  test('numbers stay numbers; a number has no unit', () => {
    expect(valueFormula(4869)).toBe(4869);
    expect(unitFormula(4869)).toBe('');
    expect(valueFormula(-0)).toBe(0);
    expect(Object.is(valueFormula(-0), -0)).toBe(false);
  });

  test('unreadable text is #VALUE! with the reason; words and blanks are #N/A', () => {
    expect(errorOf(valueFormula('12a34'))).toEqual({ error: 'value', message: '値: 数値として読めません: 「12a34」' });
    expect(errorOf(valueFormula('1.2.3件')).error).toBe('value');
    expect(errorOf(valueFormula('20件 30件')).error).toBe('value');
    expect(errorOf(valueFormula('33101 国際交流の推進（雇用経済部）')).message).toContain('コード');
    expect(errorOf(valueFormula('②2件 ③1件')).message).toContain('値が複数');
    expect(errorOf(valueFormula('2018年 3月末実績 +720件')).message).toContain('増分');
    expect(errorOf(valueFormula(true)).error).toBe('value');
    expect(errorOf(valueFormula('x'.repeat(5000))).message).toContain('長すぎる');
    for (const text of ['調査中', '未定', '同左', '/', '—', '－', '', '2019年度中に 検討']) expect({ text, error: errorOf(valueFormula(text)).error }).toEqual({ text, error: 'na' });
    expect(errorOf(unitFormula('調査中')).error).toBe('na');
    expect(errorOf(valueFormula(Number.POSITIVE_INFINITY)).error).toBe('num');
  });

  test('messages in English when asked', () => {
    expect(errorOf(valueFormula('12a34', { lang: 'en' })).message).toBe('value: Cannot be read as a number: "12a34"');
    expect(errorOf(ratioFormula('50 件', '53 社', null, null, { lang: 'en' })).message).toBe('The actual is in 件 but the target is in 社.');
  });
});

describe('TASSEI.FY on the headers of the seeds', () => {
  test('era years, R/H letters and Western years', () => {
    expect(fyFormula(column('令和6年度', '(R2)', '平成 24 年度', 'H27', '令和元年度', 'R5年度', '2018', 2018, '（R3）', '平成31年度'))).toEqual(
      column(2024, 2020, 2012, 2015, 2019, 2023, 2018, 2018, 2021, 2019),
    );
  });

  test('era-less years take the era given, or the era of a text that names one', () => {
    expect(fyFormula('２年度', '令和')).toBe(2020);
    expect(fyFormula('(30)', 'H')).toBe(2018);
    expect(fyFormula('23年度', '平成')).toBe(2011);
    expect(fyFormula(30, 'heisei')).toBe(2018);
    // The 施策322 sheet's header row: B8 '令和元年度' gives the era of C8 '２年度' and E8 '３年度'.
    const sheet = workbookGrid(checks.get('shisaku-322-r3')!.workbook).sheet('施策322')!;
    const b8 = cellOf(sheet, 'B8');
    expect([b8, cellOf(sheet, 'C8'), cellOf(sheet, 'E8')]).toEqual(['令和元年度', '２年度', '３年度']);
    expect(fyFormula([[b8, cellOf(sheet, 'C8'), cellOf(sheet, 'E8')]], b8)).toEqual([[2019, 2020, 2021]]);
    expect(fyFormula('３年度', '令和3年度 施策評価表')).toBe(2021);
  });

  test('without an era, an era-less year is not guessed; text with no year is #VALUE!', () => {
    expect(errorOf(fyFormula('２年度'))).toEqual({ error: 'value', message: '元号のない年度です（「２年度」）。2番目の引数に元号（令和・平成）を指定してください。' });
    expect(errorOf(fyFormula('目標値')).error).toBe('value');
    expect(errorOf(fyFormula('3年間')).error).toBe('value');
    expect(errorOf(fyFormula('２年度', '大正')).message).toContain('元号が読めません');
    expect(errorOf(fyFormula('')).error).toBe('na');
    expect(errorOf(fyFormula('目標'.repeat(500))).message).toBe(`年度として読めません（「${'目標'.repeat(30)}…」）。`);
  });
});

describe('TASSEI.CHANGE', () => {
  test('the budget lines of 施策322: current − previous, from the line alone', () => {
    const sheet = workbookGrid(checks.get('shisaku-322-r3')!.workbook).sheet('施策322')!;
    const lines = [30, 35, 40, 45, 50, 55, 60].map((r) => cellOf(sheet, `A${r}`));
    expect(lines[0]).toBe('予算額：（R2） ５１，８３５千円 → （R3） ７３，５９７千円');
    // 51,835→73,597 · 78,128→27,568 · 104,737→104,198 · 11,156→8,052 · 7,141→5,489 · 744→594 · 2,500→12,768
    expect(changeFormula(column(...lines))).toEqual(column(21762, -50560, -539, -3104, -1652, -150, 10268));
  });

  test('two cells: ▲ and full-width amounts; a new project (previous —) changes by its whole amount, as the check says', () => {
    expect(changeFormula('95,249', '102,382')).toBe(-7133);
    expect(changeFormula('７３，５９７千円', '５１，８３５千円')).toBe(21762);
    expect(changeFormula(0.3, 0.1)).toBe(0.2);
    expect(changeFormula(4869, '—')).toBe(4869);
    expect(changeFormula('予算額：(30) - 千円 → (31) 9,000千円')).toBe(9000);
    expect(errorOf(changeFormula('9,000千円', '同左'))).toEqual({ error: 'na', message: '前年度の値が数値ではありません（「同左」）。' });
    expect(errorOf(changeFormula('', 5))).toEqual({ error: 'na', message: '当年度の値が空欄です。' });
    expect(errorOf(changeFormula('9,000千円', '9億円')).error).toBe('value');
    expect(errorOf(changeFormula('予算額：（R2） 51,835千円')).message).toContain('予算額の行');
  });
});

describe('ranges: array in, array out, broadcast as Excel does', () => {
  test('a column against one target, a row against a column, sizes that do not match', () => {
    expect(ratioFormula(column(50, 53, 60), 53)).toEqual(column(0.94, 1, 1.13));
    expect(ratioFormula([[50, 60]], column(50, 100))).toEqual([[1, 1.2], [0.5, 0.6]]);
    const ragged = ratioFormula(column(1, 2, 3), column(1, 2)) as FormulaValue[][];
    expect(ragged.slice(0, 2)).toEqual(column(1, 1));
    expect(errorOf(ragged[2]![0]!).error).toBe('na');
    expect(ratioFormula([[50]], [[53]])).toEqual([[0.94]]); // a range of one cell is still a range
    expect((statusFormula(column('50 件', '12a34', '調査中'), '53 件') as FormulaValue[][]).map((r) => r.map((v) => (isFormulaError(v) ? v.error : v)))).toEqual(column('概ね達成', 'value', '未確定'));
  });

  test('an error value received in a cell is passed on as it is', () => {
    const div0: FormulaError = { error: 'div0', message: '#DIV/0!' };
    expect(ratioFormula(div0, 5)).toBe(div0);
    expect(valueFormula(column(div0, 3))).toEqual(column(div0, 3));
  });
});

describe('the Excel adapter (src/functions/excelValues.ts)', () => {
  /** A runtime shaped as Excel's (CustomFunctionsRuntime 1.3: ErrorCode values are Excel's error texts). */
  class RuntimeError {
    constructor(readonly code: string, readonly message?: string) {}
  }
  const runtime: CustomFunctionsRuntime = {
    associate: () => undefined,
    Error: RuntimeError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!', divisionByZero: '#DIV/0!' },
  };

  test('results become rows of values with CustomFunctions.Error objects in place; one error cell is thrown', () => {
    const r = ratioFormula(argFromExcel([['50 件'], ['12a34'], ['']]), argFromExcel([['53 件'], [5], [5]]));
    const out = resultToExcel(r, runtime);
    expect(out[0]).toEqual([0.94]);
    expect(out[1]![0]).toEqual(new RuntimeError('#VALUE!', '実績値: 数値として読めません: 「12a34」'));
    expect(out[2]![0]).toEqual(new RuntimeError('#N/A', '実績値が空欄です。'));
    expect(() => resultToExcel(ratioFormula(argFromExcel([[5]]), argFromExcel([[0]])), runtime)).toThrow(RuntimeError);
    expect(resultToExcel(ratioFormula(argFromExcel([[50]]), argFromExcel([[53]])), runtime)).toEqual([[0.94]]);
  });

  test('errors received from Excel are passed on; omitted optional arguments are blanks', () => {
    const input = argFromExcel([[new RuntimeError('#N/A', '')], [null], [true]]);
    expect(input).toEqual([[{ error: 'na', message: '#N/A' }], [null], [true]]);
    expect(argFromExcel(undefined)).toBeNull();
    expect(ratioFormula(argFromExcel([[50]]), argFromExcel([[53]]), argFromExcel(null), argFromExcel(undefined))).toEqual([[0.94]]);
  });

  test('without CustomFunctions.Error (runtime 1.1) an error is a thrown Error, which Excel shows as #VALUE!', () => {
    const old: CustomFunctionsRuntime = { associate: () => undefined };
    expect(errorToExcel({ error: 'na', message: 'x' }, old)).toEqual(new Error('x'));
    // Runtime 1.2 has no divisionByZero: #VALUE! with the message.
    const v12: CustomFunctionsRuntime = { associate: () => undefined, Error: RuntimeError, ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' } };
    expect(errorToExcel({ error: 'div0', message: 'zero' }, v12)).toEqual(new RuntimeError('#VALUE!', 'zero'));
  });

  test('status words follow Excel’s display language; Japanese by default', () => {
    expect(langOfDisplay('ja-JP')).toBe('ja');
    expect(langOfDisplay('en-US')).toBe('en');
    expect(langOfDisplay('fr-FR')).toBe('en');
    expect(langOfDisplay(undefined)).toBe('ja');
  });

  test('functions.ts: each function takes Excel’s any[][] and answers in the display language', () => {
    const g = globalThis as { CustomFunctions?: unknown; Office?: unknown };
    g.CustomFunctions = runtime;
    g.Office = { context: { displayLanguage: 'en-US' } };
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const f = require('../src/functions/functions') as typeof import('../src/functions/functions');
        expect(f.status([['50 件'], ['80 社']], [['53 件'], ['73 社']])).toEqual([['Nearly met'], ['Met']]);
        expect(f.ratio([['50 件']], [['53 件']])).toEqual([[0.94]]);
        expect(f.value([['７３，５９７千円']])).toEqual([[73597]]);
        expect(f.unit([['７３，５９７千円']])).toEqual([['千円']]);
        expect(f.fy([['(R2)'], ['平成 24 年度']])).toEqual([[2020], [2012]]);
        expect(f.change([['予算額：（R2） ５１，８３５千円 → （R3） ７３，５９７千円']])).toEqual([[21762]]);
        expect(() => f.value([['12a34']])).toThrow(new RuntimeError('#VALUE!', 'value: Cannot be read as a number: "12a34"') as unknown as Error);
      });
    } finally {
      delete g.CustomFunctions;
      delete g.Office;
    }
  });
});
