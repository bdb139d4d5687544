/**
 * "Detect tables" in the task pane, in a real browser on the demo page: on every sheet of each sample the pane
 * proposes the tables, the user accepts them, and the check gives the same figures as the hand-made mapping
 * shipped with the sample (computed here by the engine, as `tassei check` does).
 */
import { totalsOf } from '../src/core';
import { checkSample, openSample, SAMPLE_NAMES, sampleMapping } from './helpers/samples';
import { containsText, eventually, hasText, seriousViolations, startDemo, TASKPANE_A11Y, type DemoSite } from './helpers/demoPage';

let site: DemoSite;

beforeAll(async () => {
  site = await startDemo();
}, 240_000);

afterAll(async () => {
  await site?.close();
});

describe.each(SAMPLE_NAMES)('%s', (name) => {
  test('detect → accept on every sheet → check gives the figures of the hand-made mapping', async () => {
    const mapping = sampleMapping(name);
    const expected = checkSample(name, mapping.reportFy === undefined ? {} : { reportFy: mapping.reportFy });
    const sheets = (await openSample(name)).worksheets.map((w) => w.name);
    const mappedSheets = new Set(mapping.tables.map((t) => t.sheet));

    const page = await site.openSample(name);
    const pane = page.getByTestId('taskpane');
    const list = pane.getByRole('list', { name: '検出された表' });
    let accepted = 0;
    for (const sheet of sheets) {
      await page.getByRole('tab', { name: sheet, exact: true }).click();
      await pane.getByRole('button', { name: 'このシートの表を自動検出' }).click();
      if (!mappedSheets.has(sheet)) {
        // A sheet with no table of the samples' mappings: nothing is proposed.
        await pane.getByText(`「${sheet}」には指標表・予算表が見つかりませんでした。`).waitFor();
        continue;
      }
      await pane.getByText(new RegExp(`「${escape(sheet)}」で表が \\d+ 個見つかりました。`)).waitFor();
      const proposals = await list.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'シートで表示' }) }).count();
      const wanted = mapping.tables.filter((t) => t.sheet === sheet).length;
      expect(proposals).toBe(wanted);
      // Each proposal shows its confidence and its reasons.
      await containsText(list, '確度');
      await containsText(list, '根拠');
      // Those that need no confirmation in one click, the others one by one.
      const all = pane.getByRole('button', { name: /確認不要の表をすべて採用/ });
      if (await all.isVisible()) {
        await all.click();
        await pane.getByText(/表を \d+ 個登録しました。/).waitFor();
      }
      for (;;) {
        const one = list.getByRole('button', { name: '採用', exact: true }).first();
        if (!(await one.isVisible())) break;
        await one.click();
        await pane.getByText('表を 1 個登録しました。').waitFor();
      }
      accepted += wanted;
    }
    await eventually(async () => expect(await pane.getByRole('table', { name: '表' }).getByRole('row').count()).toBe(accepted + 1));

    // The check with the accepted proposals: the same counts as with the hand-made mapping.
    const { report } = await expected;
    const totals = totalsOf([report]);
    await pane.getByRole('tab', { name: 'チェック' }).click();
    if (mapping.reportFy !== undefined) await pane.getByLabel('評価年度').fill(String(mapping.reportFy));
    await pane.getByRole('button', { name: 'チェックを実行' }).click();
    await pane.locator('[data-status=met]').waitFor();
    for (const s of ['met', 'nearly', 'gap', 'pending', 'noTarget'] as const) {
      const word = { met: '達成', nearly: '概ね達成', gap: '未達成', pending: '未確定', noTarget: '目標なし' }[s];
      await hasText(pane.locator(`[data-status=${s}]`), `${word} ${totals[s]}`);
    }
    await containsText(pane, `検証結果（エラー ${totals.errors} · 警告 ${totals.warnings} · 情報 ${totals.infos}）`);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 180_000);
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('the proposals have no serious accessibility violations (axe-core), in Japanese and in English', async () => {
  for (const lang of ['ja', 'en'] as const) {
    const page = await site.openSample('shisaku-322-r3', lang);
    const pane = page.getByTestId('taskpane');
    await page.getByRole('tab', { name: '施策322（記入例）', exact: true }).click();
    await pane.getByRole('button', { name: lang === 'ja' ? 'このシートの表を自動検出' : 'Detect the tables of this sheet' }).click();
    await pane.getByRole('list', { name: lang === 'ja' ? '検出された表' : 'Detected tables' }).waitFor();
    expect(await seriousViolations(page, TASKPANE_A11Y)).toEqual([]);
    await page.close();
  }
}, 120_000);
