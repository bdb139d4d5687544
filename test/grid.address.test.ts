/** Cell addresses: the hand-written reader agrees with the grammar it replaces, and round-trips every cell. */
import fc from 'fast-check';
import { columnLetters, formatAddress, parseAddress } from '../src/core';

// The grammar as a regular expression (the reader's specification): $?COL$?ROW, COL 1–3 letters, ROW 1–7 digits
// without a leading zero, within Excel's sheet.
const GRAMMAR = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/;
function reference(address: string): { row: number; col: number } | null {
  const m = GRAMMAR.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  return col > 16384 || row > 1048576 ? null : { row, col };
}

test('every cell of a sheet reads back from its address', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1048576 }), fc.integer({ min: 1, max: 16384 }), (row, col) => {
      expect(parseAddress(formatAddress({ row, col }))).toEqual({ row, col });
      expect(parseAddress(`$${columnLetters(col).toLowerCase()}$${row}`)).toEqual({ row, col });
    }),
  );
});

test('any text reads as the grammar says (addresses, near-addresses and noise)', () => {
  const piece = fc.constantFrom('$', 'A', 'z', 'XFD', 'XFE', 'AAAA', '0', '1', '9', '12', '1048576', '1048577', '12345678', ' ', ':', '-', '.', 'Ａ', '１');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 6 }).map((p) => p.join('')), (text) => {
      expect(parseAddress(text)).toEqual(reference(text));
    }),
    { numRuns: 5000 },
  );
  for (const text of ['E12', ' e12 ', '$E$12', 'E0', 'E012', 'XFD1048576', 'XFE1', 'A1048577', 'AAAA1', '12', 'E', 'E12:F13', '']) {
    expect(parseAddress(text)).toEqual(reference(text));
  }
});
