/** docs/RULES.md is the catalogue's own words: regenerate it (`npm run rules:doc`) when a rule changes. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { rulesMarkdown } from '../src/scripts/rulesDoc';
import { RULES } from '../src/core';

test('docs/RULES.md is up to date with the rule catalogue', () => {
  const doc = readFileSync(path.join(__dirname, '..', 'docs', 'RULES.md'), 'utf8');
  expect(doc).toBe(rulesMarkdown());
  for (const r of RULES) expect(doc).toContain(`## ${r.id}`);
});
