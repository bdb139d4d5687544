/**
 * The fast reader of the commonest cell texts (src/core/values/fastQuantity.ts) gives what the full grammar gives,
 * whenever it accepts a text: on generated texts near its grammar, and on every text cell of the samples and fixtures.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseCell } from '../src/core/values';
import { fastQuantity } from '../src/core/values/fastQuantity';
import { openWorkbook, workbookGrid } from '../src/xlsx';
import { readFileSync } from 'node:fs';

const full = (text: string, headerUnit: string | null) => parseCell({ kind: 'text', text }, { headerUnit });

test('on texts near its grammar it accepts the common ones and agrees with the full grammar', () => {
  const piece = fc.constantFrom('0', '1', '26', '5', '554', ',', ',000', '.', '.5', ' ', '  ', '件', '千人', '人', '社', '千円', '%', '％', '円', '以上', '(', ')', '見込', '①', '▲', '△', '-', '－', '−', '+', '＋', 'ｍ', '２', '年度', 'kg', 'a', '\u3000');
  let accepted = 0;
  fc.assert(
    fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join('')), fc.constantFrom(null, '件', '千円', ' 人 '), (text, headerUnit) => {
      const fast = fastQuantity(text, headerUnit);
      if (fast === undefined) return;
      accepted++;
      expect(fast).toEqual(full(text, headerUnit));
      expect(Object.keys(fast)).toEqual(Object.keys(full(text, headerUnit)));
    }),
    { numRuns: 20_000 },
  );
  expect(accepted).toBeGreaterThan(500);
  for (const text of ['26 件', '5,554 千人', '366社', '59.4%', '100', '1,234,567.5 千円', '６，２６５ 千人', '１０５\u3000社', '５９．４％', '12 ｐｔ', '▲ 7,133', '△5', '－１２', '+720件', '-0']) {
    expect(fastQuantity(text, null)).toEqual(full(text, null));
    expect(fastQuantity(text, null)).toBeDefined();
  }
  expect(fastQuantity('６，２６５ 千人', null)).toMatchObject({ value: 6265, unit: '千人' });
  // Not for it: two spaces (the full grammar collapses them), qualifiers, notes, labels, stray separators, prefixes.
  for (const text of ['▲  1,234', '１２，３４', '５\u3000\u3000件', '5件以上', '160件(123.1%)', '①3件', '12,34', '1.2.3', '26 件 ', '見込 75回']) expect(fastQuantity(text, null)).toBeUndefined();
});

test('every text cell of the samples and fixtures that it accepts reads as the full grammar reads it', async () => {
  // The samples are the shared fixtures, bundled.
  const dirs = [path.join(__dirname, '..', 'samples')];
  let texts = 0;
  for (const dir of dirs) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.xlsx'))) {
      const opened = await openWorkbook(new Uint8Array(readFileSync(path.join(dir, f))));
      if (!opened.ok) throw new Error(f);
      for (const sheet of workbookGrid(opened.workbook).sheets) {
        for (let r = 1; r <= sheet.rowCount; r++) {
          for (let c = 1; c <= sheet.columnCount; c++) {
            const v = sheet.cell(r, c);
            if (v.kind !== 'text') continue;
            const fast = fastQuantity(v.text, null);
            if (fast === undefined) continue;
            texts++;
            expect(fast).toEqual(full(v.text, null));
          }
        }
      }
    }
  }
  expect(texts).toBeGreaterThan(20);
});
