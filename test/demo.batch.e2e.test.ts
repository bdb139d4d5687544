/**
 * "Add submissions…" on the demo page in a real browser (Debian's Chromium driven by Playwright): the three samples
 * with their mappings, the same 事業計画書 again under another name and a broken file are picked at once; they are
 * read and checked in the page (ExcelJS loaded on demand) and the consolidated tabs appear in the open workbook
 * with the counts and totals an official computes by hand. The pane is checked for accessibility with axe-core.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SAMPLES, SAMPLE_NAMES } from './helpers/samples';
import { containsText, eventually, seriousViolations, startDemo, TASKPANE_A11Y, type DemoSite } from './helpers/demoPage';

let site: DemoSite;

beforeAll(async () => {
  site = await startDemo();
}, 240_000);

afterAll(async () => {
  await site?.close();
});

async function open(sample: string, lang = 'ja') {
  const page = await site.openSample(sample, lang);
  return { page, errors: page.errors };
}

/** The files as a user picks them: the samples and their mappings, a second copy of one, a broken download. */
function picked() {
  const files = SAMPLE_NAMES.flatMap((n) => [path.join(SAMPLES, `${n}.xlsx`), path.join(SAMPLES, `${n}.tassei.json`)]).map((f) => ({
    name: path.basename(f),
    mimeType: f.endsWith('.json') ? 'application/json' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: readFileSync(f),
  }));
  const jigyo = readFileSync(path.join(SAMPLES, 'jigyo-keikaku-r6.xlsx'));
  files.push({ name: '事業計画_再提出.xlsx', mimeType: 'application/octet-stream', buffer: jigyo });
  files.push({ name: '事業計画_再提出.tassei.json', mimeType: 'application/json', buffer: readFileSync(path.join(SAMPLES, 'jigyo-keikaku-r6.tassei.json')) });
  files.push({ name: 'broken.xlsx', mimeType: 'application/octet-stream', buffer: jigyo.subarray(0, 5000) });
  return files;
}

test('add submissions…: five files consolidated into tabs of the open workbook', async () => {
  const { page, errors } = await open('shisaku-322-r3');
  const pane = page.getByTestId('taskpane');
  const grid = page.locator('[data-testid=grid]');
  await pane.getByRole('tab', { name: '複数ファイル' }).click();
  await pane.getByTestId('submissions-input').setInputFiles(picked());
  await pane.getByText('5 ファイルを集計し、シート ファイル一覧、達成状況（全ファイル）、予算（全ファイル）、予算合計、検証結果（全ファイル） に書き出しました（読み込めなかったファイル 1 件、同じ内容のファイル 2 件）。').waitFor({ timeout: 60_000 });

  // The pane lists each file with its status and what only shows across files.
  const rows = pane.getByRole('table', { name: '集計したファイル' }).locator('tbody tr');
  await eventually(async () => expect(await rows.count()).toBe(5));
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')))).toEqual(['warnings', 'warnings', 'warnings', 'warnings', 'failed']);
  await containsText(rows.nth(2), '同じ内容のファイルがあります: 事業計画_再提出.xlsx');
  await containsText(rows.nth(4), '途中で切れている');

  // The tabs in the workbook: one row per file, and the budget totals of both copies of the 事業計画書.
  await page.getByRole('tab', { name: 'ファイル一覧', exact: true }).click();
  await containsText(grid, 'broken.xlsx');
  await containsText(grid, '読み込めません');
  await page.getByRole('tab', { name: '予算合計', exact: true }).click();
  // fy2024: 2 × 1,145,196 (both copies are kept and counted, and the sheet says so); fy2021: 施策322 and its
  // 記入例, 2 × 232,266.
  await containsText(grid, '2024年度 合計');
  await containsText(grid, '2,290,392');
  await containsText(grid, '464,532');
  await containsText(grid, '同じ内容のファイルが 2 件あり');
  await page.getByRole('tab', { name: '達成状況（全ファイル）', exact: true }).click();
  await containsText(grid, '四日市コンビナートの競争力強化・先進化に向けた取組数');
  await containsText(grid, '(1) 1次対応相談件数(親族内)');

  // The user's own sheets are still there, untouched by the consolidation.
  await page.getByRole('tab', { name: '施策322（記入例）', exact: true }).click();
  await containsText(page.locator('[data-testid=grid] td[data-address="E25"]'), '3 件');

  // Consolidating again replaces our tabs instead of adding "(2)" copies.
  await pane.getByTestId('submissions-input').setInputFiles(picked().slice(0, 2));
  await pane.getByText(/^1 ファイルを集計し、シート ファイル一覧、/).waitFor({ timeout: 60_000 });
  expect(await page.getByRole('tab', { name: /ファイル一覧/ }).count()).toBe(1);
  expect(errors).toEqual([]);
  await page.close();
}, 180_000);

test('the submissions tab has no serious accessibility violations (axe-core), in Japanese and in English', async () => {
  for (const lang of ['ja', 'en']) {
    const { page } = await open('jigyo-keikaku-r6', lang);
    const pane = page.getByTestId('taskpane');
    await pane.getByRole('tab', { name: lang === 'ja' ? '複数ファイル' : 'Many files' }).click();
    await pane.getByTestId('submissions-input').setInputFiles(picked().slice(4, 6));
    await pane.getByRole('table').waitFor({ timeout: 60_000 });
    expect(await seriousViolations(page, TASKPANE_A11Y)).toEqual([]);
    await page.close();
  }
}, 120_000);
