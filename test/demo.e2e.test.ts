/**
 * The demo page in a real browser (Debian's Chromium driven by Playwright): the task pane on the in-memory Excel
 * host, through map → check → flags → summary → clear flags, asserting the workbook's state as the page shows it;
 * the pane is checked for accessibility with axe-core, and a screenshot of it with flags is kept in test/artifacts/.
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { containsText, eventually, hasAttr, hasText, seriousViolations, startDemo, TASKPANE_A11Y, type DemoSite } from './helpers/demoPage';

const ARTIFACTS = path.join(__dirname, 'artifacts');

let site: DemoSite;

beforeAll(async () => {
  site = await startDemo();
}, 240_000);

afterAll(async () => {
  await site?.close();
});

const open = (sample: string, lang = 'ja') => site.openSample(sample, lang);

const cell = (page: Page, address: string) => page.locator(`[data-testid=grid] td[data-address="${address}"]`);

async function select(page: Page, sheet: string, range: string): Promise<void> {
  await page.getByRole('tab', { name: sheet, exact: true }).click();
  await page.getByTestId('name-box').fill(range);
  await page.getByTestId('name-box').press('Enter');
}

test('map → check → flags → summary → clear flags, on the 施策評価表 sample', async () => {
  const page = await open('shisaku-322-r3');
  const pane = page.getByTestId('taskpane');

  // Map: the 副指標 table of the 記入例 sheet, proposed from the selection and saved.
  await select(page, '施策322（記入例）', 'A18:G25');
  await pane.getByRole('button', { name: '選択範囲を指標表として登録' }).click();
  await pane.getByRole('button', { name: '保存', exact: true }).click();
  await pane.getByText('マッピングをブックに保存しました。').waitFor();
  await select(page, '施策322（記入例）', 'A8:G11');
  await pane.getByRole('button', { name: '選択範囲を指標表として登録' }).click();
  await pane.getByRole('button', { name: '保存', exact: true }).click();
  await pane.getByText('マッピングをブックに保存しました。').waitFor();
  await eventually(async () => expect(await pane.getByRole('table', { name: '表' }).getByRole('row').count()).toBe(3));

  // Check: the FY2021 figures of the four indicators (0.94 nearly, 1.10 met, 0.92 nearly, 0.60 gap).
  await pane.getByRole('tab', { name: 'チェック' }).click();
  await pane.getByLabel('評価年度').fill('2021');
  await pane.getByRole('button', { name: 'チェックを実行' }).click();
  await pane.locator('[data-status=met]').waitFor();
  await hasText(pane.locator('[data-status=met]'), '達成 1');
  await hasText(pane.locator('[data-status=nearly]'), '概ね達成 2');
  await hasText(pane.locator('[data-status=gap]'), '未達成 1');
  const gapRow = pane.locator('tr[data-rule="indicator.target-gap"]');
  await containsText(gapRow, '2021年度の達成率 0.60 が基準 0.85 を下回っています');

  // Clicking a finding selects its cell in the sheet.
  await gapRow.getByRole('button').click();
  await hasText(page.getByTestId('selection'), '施策322（記入例）!E25:E25');

  // Flags: fills by status and a note; the values stay as they were.
  const before = await page.locator('[data-testid=grid] td').allTextContents();
  await pane.getByRole('tab', { name: 'セル表示' }).click();
  await pane.getByRole('button', { name: 'セルに表示する' }).click();
  await pane.getByText(/セルに表示しました/).waitFor();
  await hasAttr(cell(page, 'E25'), 'data-fill', '#FFC7CE');
  await hasAttr(cell(page, 'E25'), 'data-note', /2021年度の達成率 0\.60 が基準 0\.85 を下回っています/);
  await hasAttr(cell(page, 'E21'), 'data-fill', '#C6EFCE');
  await hasAttr(cell(page, 'E11'), 'data-fill', '#FFEB9C');
  expect(await page.locator('[data-testid=grid] td').allTextContents()).toEqual(before);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'demo-flags.png') });

  // Summary: the three sheets appear, with the figures.
  await pane.getByRole('tab', { name: '集計' }).click();
  await pane.getByRole('button', { name: '集計シートを作成・更新' }).click();
  await pane.getByText('集計シートを作成しました: 達成状況、予算、検証結果').waitFor();
  await page.getByRole('tab', { name: '達成状況', exact: true }).click();
  await containsText(page.locator('[data-testid=grid]'), '技術開発や技術課題解決に向けた共同研究等に取り組んだ企業数（累計）');
  await containsText(page.locator('[data-testid=grid]'), '四日市コンビナートの競争力強化・先進化に向けた取組数');

  // Clear flags: the original look comes back.
  await pane.getByRole('tab', { name: 'セル表示' }).click();
  await pane.getByRole('button', { name: '表示を消す（元の書式に戻す）' }).click();
  await pane.getByText(/元の書式に戻しました/).waitFor();
  await page.getByRole('tab', { name: '施策322（記入例）', exact: true }).click();
  await hasAttr(cell(page, 'E25'), 'data-fill', '');
  await hasAttr(cell(page, 'E25'), 'data-note', '');
  expect(page.errors).toEqual([]);
  await page.close();
}, 120_000);

test('the pane has no serious accessibility violations (axe-core), in Japanese and in English', async () => {
  for (const lang of ['ja', 'en']) {
    const page = await open('jigyo-keikaku-r6', lang);
    const pane = page.getByTestId('taskpane');
    await pane.getByRole('tab', { name: lang === 'ja' ? 'チェック' : 'Check' }).click();
    expect(await seriousViolations(page, TASKPANE_A11Y)).toEqual([]);
    await page.close();
  }
}, 120_000);
