/** The integer fast path of ratios gives exactly what decimal arithmetic gives, for every method and rounding. */
import fc from 'fast-check';
import { exactRatio, ratioAt, roundRatio } from '../src/core/evaluate/ratio';

const amount = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }),
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 10),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1000),
);

test.each(['ratio', 'inverse'] as const)('%s: fast path = decimal.js, half-up at 2 to 4 places', (method) => {
  fc.assert(
    fc.property(amount, amount, fc.integer({ min: 2, max: 4 }), (a, t, places) => {
      const exact = exactRatio(a, t, method, null);
      expect(ratioAt(a, t, method, null, places)).toBe(exact === null ? null : roundRatio(exact, places));
    }),
    { numRuns: 5000 },
  );
});

test('the examples of the sheets: 29/30 → 0.97, 47.4/50 → 0.95, 160/130 at 3 places → 1.231, ties round up', () => {
  expect(ratioAt(29, 30, 'ratio', null)).toBe(0.97);
  expect(ratioAt(47.4, 50, 'ratio', null)).toBe(0.95);
  expect(ratioAt(160, 130, 'ratio', null, 3)).toBe(1.231);
  expect(ratioAt(1, 8, 'ratio', null)).toBe(0.13); // 0.125 → 0.13
  expect(ratioAt(42, 44.1, 'inverse', null)).toBe(1.05);
  expect(ratioAt(5, 0, 'ratio', null)).toBeNull();
  expect(ratioAt(55, 60, 'progress', 40)).toBe(0.75);
});
