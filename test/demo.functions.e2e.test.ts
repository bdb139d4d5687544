/**
 * The demo's formulas view in a real browser (Debian's Chromium driven by Playwright): the values of the sample
 * sheet 施策322（記入例） in HyperFormula with the TASSEI.* functions registered as a plugin. Asserted as the page
 * shows them: the spilled results of one formula per column (ratios, statuses, numbers, units), the fiscal years of
 * the headers, the 前年度比 of the budget lines; then a cell changed in the formula bar and the engine computing
 * again, an error with its reason, and the English page.
 */
import type { Page } from 'playwright-core';
import { eventually, seriousViolations, startDemo, type DemoSite } from './helpers/demoPage';

let site: DemoSite;

beforeAll(async () => {
  site = await startDemo();
}, 240_000);

afterAll(async () => {
  await site?.close();
});

async function open(query: string) {
  const page = await site.open(query);
  return { page, errors: page.errors };
}

const cell = (page: Page, address: string) => page.locator(`[data-testid=functions-grid] td[data-address="${address}"]`);

/** The values the page shows in a column, from row `from` to row `to`. */
async function values(page: Page, col: string, from: number, to: number): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  for (let r = from; r <= to; r++) out.push(await cell(page, `${col}${r}`).getAttribute('data-value'));
  return out;
}

test('the sample sheet computed by TASSEI.* formulas in HyperFormula, recomputed when a cell changes', async () => {
  // From the demo's header to the formulas view.
  const { page, errors } = await open('sample=shisaku-322-r3&lang=ja');
  await page.waitForSelector('[data-testid=grid]');
  await page.getByTestId('open-functions').click();
  await page.waitForSelector('[data-testid=functions-grid]');

  // The fy2021 actuals and targets of the four indicators, as the sheet writes them.
  expect(await values(page, 'B', 2, 5)).toEqual(['53 件', '73 社', '100 社', '5 件']);
  expect(await values(page, 'C', 2, 5)).toEqual(['50 件', '80 社', '92 社', '3 件']);
  // One formula per column, spilled over the four rows.
  expect(await cell(page, 'D2').getAttribute('data-formula')).toBe('=TASSEI.RATIO(C2:C5,B2:B5)');
  expect(await cell(page, 'D3').getAttribute('data-formula')).toBe('');
  expect(await values(page, 'D', 2, 5)).toEqual(['0.94', '1.1', '0.92', '0.6']);
  expect(await values(page, 'E', 2, 5)).toEqual(['概ね達成', '達成', '概ね達成', '未達成']);
  expect(await values(page, 'F', 2, 5)).toEqual(['50', '80', '92', '3']);
  expect(await values(page, 'G', 2, 5)).toEqual(['件', '社', '社', '件']);
  // The year headers 令和元年度 ２年度 ３年度 ４年度 ５年度, and their fiscal years.
  expect(await values(page, 'B', 7, 7)).toEqual(['令和元年度']);
  expect(await cell(page, 'B8').getAttribute('data-formula')).toBe('=TASSEI.FY(B7:F7,B7)');
  expect([...(await values(page, 'B', 8, 8)), ...(await Promise.all(['C8', 'D8', 'E8', 'F8'].map((a) => cell(page, a).getAttribute('data-value'))))]).toEqual(['2019', '2020', '2021', '2022', '2023']);
  // The 前年度比 of the seven budget lines (51,835 → 73,597 千円 …).
  expect(await cell(page, 'A11').getAttribute('data-value')).toBe('予算額：（R2） ５１，８３５千円 → （R3） ７３，５９７千円');
  expect(await values(page, 'B', 11, 17)).toEqual(['21762', '-50560', '-539', '-3104', '-1652', '-150', '10268']);

  // Change the first actual in the formula bar: the engine computes the ratio and the status again.
  await cell(page, 'C2').click();
  await eventually(async () => expect(await page.getByTestId('functions-bar').inputValue()).toBe('50 件'));
  await page.getByTestId('functions-bar').fill('53 件');
  await page.getByTestId('functions-bar').press('Enter');
  await eventually(async () => expect(await values(page, 'D', 2, 2)).toEqual(['1']));
  expect(await values(page, 'E', 2, 2)).toEqual(['達成']);

  // A unit that does not match is an error with its reason, never a number (the cell chosen by its address).
  await page.getByTestId('functions-selected').fill('C3');
  await eventually(async () => expect(await page.getByTestId('functions-bar').inputValue()).toBe('80 社'));
  await page.getByTestId('functions-bar').fill('80 件');
  await page.getByTestId('functions-bar').press('Enter');
  await eventually(async () => expect(await values(page, 'D', 3, 3)).toEqual(['#VALUE!']));
  expect(await cell(page, 'D3').getAttribute('title')).toBe('実績値の単位「件」と目標値の単位「社」が違います。');
  expect(await page.getByTestId('functions-errors').textContent()).toContain('D3 #VALUE!: 実績値の単位「件」と目標値の単位「社」が違います。');
  expect(errors).toEqual([]);
  await page.close();
}, 120_000);

test('in English, the status words are English; no serious accessibility violations (axe-core)', async () => {
  const { page, errors } = await open('view=functions&lang=en');
  await page.waitForSelector('[data-testid=functions-grid]');
  expect(await values(page, 'E', 2, 5)).toEqual(['Nearly met', 'Met', 'Nearly met', 'Missed']);
  expect(await values(page, 'D', 1, 1)).toEqual(['Ratio']);
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);
