/**
 * Properties of the value parser: a number written in any style the sheets use reads back as itself, and no
 * text at all makes the parser throw or answer outside its kinds.
 */
import fc from 'fast-check';
import { parseCell, parseText, MAX_TEXT_LENGTH } from '../src/core/values';
import type { ParsedValue, ParseFailureReason } from '../src/core/values/types';

const KINDS = new Set(['quantity', 'blank', 'notApplicable', 'status', 'invalid']);
const REASONS = new Set<ParseFailureReason>(['error-cell', 'boolean', 'date', 'too-long', 'code', 'unrecognized']);
const UNITS = ['件', '社', '回', '人', '名', '者', '機関', '団体', '時間', '課題', '%', '億円', '千円', '万円', '万人', '千世帯',
  '円', '世帯', '箇所', '校', '店舗', '人泊'];
const NEGATIVE_SIGNS = ['▲', '▲ ', '△', '△ ', '▲\u3000', '-', '－', '−'];

/** '1234567' → '1,234,567'. */
function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The full-width form of an ASCII character (digits, comma, point, %, parentheses). */
function fullWidth(ch: string): string {
  const c = ch.charCodeAt(0);
  return c > 0x20 && c < 0x7f ? String.fromCharCode(c + 0xfee0) : ch;
}

/** A decimal number as written plainly: '12', '12.5', '0.007'. */
const plainDecimal = fc
  .record({
    integer: fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999_999_999_999 })),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,4}$/), { nil: null }),
  })
  .map(({ integer, fraction }) => ({ integer: String(integer), fraction }));

const writtenNumber = fc.record({
  n: plainDecimal,
  negative: fc.boolean(),
  sign: fc.constantFrom(...NEGATIVE_SIGNS),
  grouped: fc.boolean(),
  widthMask: fc.integer({ min: 0, max: 2 ** 30 - 1 }), // bit i: character i in full width
  unit: fc.option(fc.constantFrom(...UNITS), { nil: null }),
  spaceBeforeUnit: fc.constantFrom('', ' ', '\u3000'),
  fullWidthPercent: fc.boolean(),
});

function expectedValue(integer: string, fraction: string | null, negative: boolean): number {
  const v = Number(fraction === null ? integer : `${integer}.${fraction}`);
  return negative && v !== 0 ? -v : v;
}

function expectQuantity(p: ParsedValue, value: number, unit: string | null): void {
  expect(p.kind).toBe('quantity');
  if (p.kind !== 'quantity') return;
  expect(p.value).toBe(value);
  expect(p.unit).toBe(unit);
  expect(p.more).toEqual([]);
}

describe('a number written in any supported style reads back as itself', () => {
  test('text: separators, widths, signs, units', () => {
    fc.assert(
      fc.property(writtenNumber, (w) => {
        const digits = w.grouped ? group(w.n.integer) : w.n.integer;
        const numeral = w.n.fraction === null ? digits : `${digits}.${w.n.fraction}`;
        const mixed = [...numeral].map((ch, i) => ((w.widthMask >> i % 30) & 1 ? fullWidth(ch) : ch)).join('');
        const unitText = w.unit === '%' && w.fullWidthPercent ? '％' : (w.unit ?? '');
        const written = `${w.negative ? w.sign : ''}${mixed}${w.unit === null ? '' : w.spaceBeforeUnit}${unitText}`;
        expectQuantity(parseText(written), expectedValue(w.n.integer, w.n.fraction, w.negative), w.unit);
      }),
      { numRuns: 2000 },
    );
  });

  test('number cells with the ▲ format or a unit format', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom(
          ['#,##0;"▲ "#,##0', null],
          ['#,##0;"△"#,##0', null],
          ['#,##0"件"', '件'],
          ['#,##0"千円";"▲ "#,##0"千円"', '千円'],
          ['General', null],
        ),
        (value, [numFmt, unit]) => {
          expectQuantity(parseCell({ kind: 'number', value, numFmt }), value === 0 ? 0 : value, unit);
        },
      ),
    );
  });

  test('number cells under a percent format read in percent, exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 5 }), (mantissa, places) => {
        // The fraction written as a decimal, and the same decimal with its point moved two places right.
        const digits = String(mantissa).padStart(places + 1, '0');
        const fraction = `${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}`;
        const percentDigits = (digits + '00').slice(0, digits.length - places + 2);
        const percentFraction = (digits + '00').slice(digits.length - places + 2);
        const percent = Number(`${percentDigits}.${percentFraction || '0'}`);
        expectQuantity(parseCell({ kind: 'number', value: Number(fraction), numFmt: '0.00%' }), percent, '%');
      }),
    );
  });
});

describe('parseText never throws and always answers with one of its kinds', () => {
  function checkAnswer(s: string): void {
    const p = parseText(s);
    expect(KINDS.has(p.kind)).toBe(true);
    if (p.kind === 'invalid') expect(REASONS.has(p.reason)).toBe(true);
    if (p.kind === 'quantity') expect(Number.isFinite(p.value)).toBe(true);
    if (s.length > MAX_TEXT_LENGTH) expect(p).toMatchObject({ kind: 'invalid', reason: 'too-long' });
  }

  test('arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), checkAnswer), { numRuns: 2000 });
  });

  test('arbitrary Unicode, surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), checkAnswer), { numRuns: 2000 });
  });

  /** The characters the grammar cares about, so that near-misses are tried. */
  const grammarChars = fc.constantFrom(
    ...'0123456789０１２３,，..．()（）%％+-－▲△ 　①②③件千円万人億以上下見込年度月末実績平成令和RH/／—―ー、。()'.split(''),
  );

  test('strings made of the grammar’s own characters', () => {
    fc.assert(fc.property(fc.string({ unit: grammarChars, maxLength: 30 }), checkAnswer), { numRuns: 5000 });
  });

  test('long strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: grammarChars, minLength: 900, maxLength: 1200 }), checkAnswer),
      { numRuns: 200 },
    );
  });

  test('full-width and half-width forms of a text mean the same', () => {
    const ascii = fc.constantFrom(...'0123456789,.()%+- 件千円以上'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: ascii, maxLength: 20 }), (s) => {
        const wide = [...s].map((ch) => (ch === ' ' ? '\u3000' : fullWidth(ch))).join('');
        const a = parseText(s);
        const b = parseText(wide);
        expect(b.kind).toBe(a.kind);
        if (a.kind === 'quantity' && b.kind === 'quantity') {
          expect([b.value, b.unit, b.qualifier, b.statedRatio]).toEqual([a.value, a.unit, a.qualifier, a.statedRatio]);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
