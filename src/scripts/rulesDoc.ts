/** Prints docs/RULES.md from the rule catalogue, so that the documentation cannot drift from the code. */
import { RULES } from '../core/validate/rules';

const SEVERITY = { error: 'エラー / error', warning: '警告 / warning', info: '情報 / info' } as const;

export function rulesMarkdown(): string {
  const out: string[] = [
    '# 検証ルール / Validation rules',
    '',
    '<!-- Generated from src/core/validate/rules.ts by `npm run docs`; a test fails when this file is out of date. -->',
    '',
    '`tassei check` の検証結果（JSON の `findings[].rule`）に現れるルールの一覧です。',
    'Every rule that can appear in `findings[].rule` of the report, with what it finds, why, and how to fix it.',
    '',
    '| id | 重要度 / severity | 内容 / title |',
    '|---|---|---|',
    ...RULES.map((r) => `| [\`${r.id}\`](#${r.id.replace(/\./g, '')}) | ${SEVERITY[r.severity]} | ${r.title.ja} / ${r.title.en} |`),
    '',
  ];
  for (const r of RULES) {
    out.push(
      `## ${r.id}`,
      '',
      `**${r.title.ja}** / ${r.title.en} — ${SEVERITY[r.severity]}`,
      '',
      `- 内容: ${r.description.ja}`,
      `- 直し方: ${r.fix.ja}`,
      `- メッセージ例: ${r.message.ja}`,
      '',
      `- What: ${r.description.en}`,
      `- Fix: ${r.fix.en}`,
      `- Message: ${r.message.en}`,
      '',
    );
  }
  return out.join('\n');
}

if (require.main === module) process.stdout.write(rulesMarkdown());
