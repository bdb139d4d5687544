/** The integer fast paths (ratios, sums) give exactly what decimal arithmetic gives, for every method and rounding. */
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { exactRatio, ratioAt, roundRatio, sum } from '../src/core/evaluate/ratio';

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

describe('sum', () => {
  test('exact in decimal: 0.1 + 0.2 is 0.3, amounts in 千円 add as integers', () => {
    expect(sum([0.1, 0.2])).toBe(0.3);
    expect(sum([51835, 78128, 104737, 11156, 7141, 744, 2500])).toBe(256241);
    expect(sum([])).toBe(0);
  });

  test('the integer fast path gives what decimal.js gives, also past 2^53 and with decimals mixed in', () => {
    const exact = (xs: number[]) => xs.reduce((s, x) => s.plus(x), new Decimal(0)).toNumber();
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(Number.MAX_SAFE_INTEGER, 0.5, 1.25, -0.1)), { maxLength: 30 }), (xs) => {
        expect(sum(xs)).toBe(exact(xs));
      }),
    );
  });
});
