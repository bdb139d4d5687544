/**
 * fillTemplate (the fast path used for tens of thousands of findings) says exactly what the i18next translator says,
 * for every message of both languages, whatever the values put in the slots.
 */
import fc from 'fast-check';
import { LANGS, translator, fillTemplate } from '../src/core/i18n';
import { resources } from '../src/core/i18n/resources';

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
