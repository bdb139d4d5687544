/**
 * fillTemplate (the fast path used for tens of thousands of findings) says exactly what the i18next translator says,
 * for every message of both languages, whatever the values put in the slots.
 */
import fc from 'fast-check';
import { LANGS, translator, fillTemplate } from '../src/core/i18n';
import { resources } from '../src/core/i18n/resources';
import { formatAmount } from '../src/core/format';

const SLOT = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/;
const SLOTS = () => new RegExp(SLOT.source, 'g');

describe.each(LANGS)('%s', (lang) => {
  const t = translator(lang);
  const all = Object.entries(resources(lang));
  const withSlots = all.filter(([, tpl]) => SLOT.test(tpl));

  test('the catalogue has templates with slots to check', () => {
    expect(withSlots.length).toBeGreaterThan(50);
  });

  test('every template, filled with arbitrary values, reads as i18next fills it', () => {
    // Values without "{{" or "$": i18next would read those as nesting and interpolation of their own.
    const value = fc.oneof(fc.string().filter((s) => !s.includes('{{') && !s.includes('$')), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    const slotsOf = (tpl: string) => [...new Set([...tpl.matchAll(SLOTS())].map((m) => m[1]!))];
    fc.assert(
      fc.property(
        fc.constantFrom(...withSlots).chain(([key, tpl]) => fc.tuple(fc.constant(key), fc.tuple(...slotsOf(tpl).map((name) => fc.tuple(fc.constant(name), value))))),
        ([key, entries]) => {
          const params = Object.fromEntries(entries);
          expect(fillTemplate(lang, key, params)).toBe(t(key, { ...params, interpolation: { escapeValue: false } }));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a slot with no value is left empty, and the same template twice gives the same text', () => {
    const [key] = withSlots[0]!;
    const once = fillTemplate(lang, key, {});
    expect(once).not.toMatch(SLOT);
    expect(fillTemplate(lang, key, {})).toBe(once);
  });
});

test('a fallback fills the slots the params leave undefined, as { ...fallback, ...params } would', () => {
  const key = 'rule.indicator.target-gap.message';
  const t = translator('ja');
  const fallback = { fy: 2022, found: 'hidden', expected: 'hidden' };
  const params = { found: '0.60', expected: '0.85', fy: undefined };
  expect(fillTemplate('ja', key, params, fallback)).toBe(t(key, { ...fallback, found: '0.60', expected: '0.85', interpolation: { escapeValue: false } }));
  expect(fillTemplate('ja', key, params, fallback)).toContain('2022');
  expect(fillTemplate('ja', key, params, fallback)).not.toContain('hidden');
});

test('amounts are grouped as the number formatter groups them, whole or not, in both signs', () => {
  const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6, useGrouping: true });
  fc.assert(
    fc.property(fc.oneof(fc.maxSafeInteger(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 })), (n) => {
      const abs = intl.format(Math.abs(n));
      expect(formatAmount(n, 'en')).toBe(n >= 0 ? abs : `-${abs}`);
      expect(formatAmount(n, 'ja')).toBe(n >= 0 ? abs : `▲ ${abs}`);
    }),
    { numRuns: 2000 },
  );
  expect(formatAmount(74990, 'ja')).toBe('74,990');
  expect(formatAmount(-7133, 'ja')).toBe('▲ 7,133');
  expect(formatAmount(100, 'en')).toBe('100');
});
