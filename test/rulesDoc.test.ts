/** The generated documents are the code's own words: regenerate them with `npm run docs` when a rule or the schema changes. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { rulesMarkdown } from '../src/scripts/rulesDoc';
import { mappingJsonSchema } from '../src/scripts/mappingSchema';
import { RULES } from '../src/core';

const doc = (name: string) => readFileSync(path.join(__dirname, '..', 'docs', name), 'utf8');

test('docs/RULES.md is up to date with the rule catalogue', () => {
  expect(doc('RULES.md')).toBe(rulesMarkdown());
  for (const r of RULES) expect(doc('RULES.md')).toContain(`## ${r.id}`);
});

test('docs/mapping.schema.json is up to date with the mapping schema', () => {
  expect(doc('mapping.schema.json')).toBe(mappingJsonSchema());
  expect(JSON.parse(doc('mapping.schema.json')).properties.tables.type).toBe('array');
});
