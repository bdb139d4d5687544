import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import i18next from 'i18next';
import { inspectXlsxBytes, listZipEntries, openWorkbook, verifyInflation, DEFAULT_LIMITS, OVERRUN_SLACK } from '../src/xlsx';
import { nodeInflater, readInputFile } from '../src/cli/readFile';
import { inflateVerified, SYNC_INFLATE_MAX } from '../src/xlsx/inflateGuard';
import { unzip } from './helpers/badFiles';
import { fileErrorKey, fileErrorMessages, type FileError, type FileErrorCode } from '../src/core/i18n/fileErrors';
import {
  CONTENT_TYPES,
  CSV_TEXT,
  SJIS_CSV,
  brokenXmlWorkbook,
  corruptCentralDirectory,
  damageEntryData,
  directoryOutOfBounds,
  docxLikeZip,
  encryptedWorkbook,
  legacyXls,
  lyingSizeZip,
  manyEntriesZip,
  mismatchedSizeWorkbook,
  odsLikeZip,
  patchEntry,
  plainZip,
  randomBytes,
  removeTemp,
  sample,
  storedWorkbook,
  tempDir,
  truncatedDeflateWorkbook,
  underDeclaredWorkbook,
  workbookWithEmptySheets,
  workbookWithNoSheets,
  writeTemp,
  zipBomb,
  zipOf,
} from './helpers/badFiles';

const SAMPLE_NAMES = ['jigyo-keikaku-r6.xlsx', 'monitoring-r1.xlsx', 'shisaku-322-r3.xlsx'];
const MiB = 1024 * 1024;
const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

interface Case {
  name: string;
  bytes: () => Uint8Array | Promise<Uint8Array>;
  code: FileErrorCode;
  detail?: string;
}

const half = (b: Uint8Array): Uint8Array => b.slice(0, Math.floor(b.length / 2));

/** Each refused at the byte checks, before ExcelJS sees it. */
const REFUSED_BY_INSPECTION: Case[] = [
  { name: 'a 0-byte file', bytes: () => new Uint8Array(0), code: 'not-xlsx', detail: 'empty-file' },
  { name: 'random bytes', bytes: () => randomBytes(4096), code: 'not-xlsx', detail: 'unknown' },
  { name: 'a UTF-8 CSV renamed .xlsx', bytes: () => utf8(CSV_TEXT), code: 'not-xlsx', detail: 'csv' },
  { name: 'a UTF-8 CSV with a BOM', bytes: () => utf8('\ufeff' + CSV_TEXT), code: 'not-xlsx', detail: 'csv' },
  { name: 'a Shift_JIS CSV', bytes: () => SJIS_CSV, code: 'not-xlsx', detail: 'csv' },
  {
    name: 'a UTF-16 tab-separated text (Excel "Unicode text")',
    bytes: () => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('事業名\t事業費\r\nA\t1\r\n', 'utf16le')])),
    code: 'not-xlsx',
    detail: 'csv',
  },
  { name: 'plain text', bytes: () => utf8('令和6年度 事業計画書\n提出します。\n'), code: 'not-xlsx', detail: 'text' },
  {
    name: 'an HTML table saved as .xls',
    bytes: () => utf8('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>1</td></tr></table></body></html>'),
    code: 'not-xlsx',
    detail: 'html',
  },
  {
    name: 'an XML Spreadsheet 2003',
    bytes: () => utf8('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'),
    code: 'not-xlsx',
    detail: 'xml-spreadsheet',
  },
  { name: 'a PDF', bytes: () => utf8('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj'), code: 'not-xlsx', detail: 'pdf' },
  { name: 'a legacy .xls (OLE, not encrypted)', bytes: legacyXls, code: 'not-xlsx', detail: 'xls' },
  { name: 'a REAL encrypted workbook (agile)', bytes: encryptedWorkbook, code: 'encrypted' },
  { name: 'a sample cut in half', bytes: () => half(sample('jigyo-keikaku-r6.xlsx')), code: 'corrupt', detail: 'truncated' },
  {
    name: 'a sample missing its last 10 bytes',
    bytes: () => sample('monitoring-r1.xlsx').slice(0, -10),
    code: 'corrupt',
    detail: 'truncated',
  },
  { name: 'a corrupted central directory', bytes: () => corruptCentralDirectory(sample('shisaku-322-r3.xlsx')), code: 'corrupt' },
  {
    name: 'a central directory pointing past the end',
    bytes: () => directoryOutOfBounds(sample('shisaku-322-r3.xlsx')),
    code: 'corrupt',
    detail: 'truncated',
  },
  { name: 'a zip bomb (200 MiB of spaces in one sheet)', bytes: () => zipBomb(200), code: 'too-large', detail: 'inflated' },
  { name: 'a zip declaring 400 MiB inflated', bytes: () => lyingSizeZip(400 * MiB), code: 'too-large', detail: 'inflated' },
  { name: 'a zip of 10,001 entries', bytes: () => manyEntriesZip(10_001), code: 'too-large', detail: 'inflated' },
  { name: 'a .docx-like zip', bytes: docxLikeZip, code: 'not-xlsx', detail: 'docx' },
  { name: 'an .ods-like zip', bytes: odsLikeZip, code: 'not-xlsx', detail: 'ods' },
  {
    name: 'an .xlsb-like zip',
    bytes: () => zipOf([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'xl/workbook.bin', data: 'x' }]),
    code: 'not-xlsx',
    detail: 'xlsb',
  },
  { name: 'a zip of other files', bytes: plainZip, code: 'not-xlsx', detail: 'zip' },
  { name: 'an xlsx without [Content_Types].xml', bytes: () => zipOf([{ name: 'xl/workbook.xml', data: '<workbook/>' }]), code: 'not-xlsx', detail: 'zip' },
];

const SHEET1 = 'xl/worksheets/sheet1.xml';

/** Past the byte checks (their declared sizes are fine); refused by the streaming inflate of verifyInflation. */
const REFUSED_BY_INFLATION: Case[] = [
  {
    name: 'a workbook whose sheet declares 1 KiB but inflates to 100 MiB of zeros',
    bytes: () => underDeclaredWorkbook(100, 1024),
    code: 'too-large',
    detail: 'inflated',
  },
  { name: 'a workbook whose sheet declares 100 bytes more than it holds', bytes: () => mismatchedSizeWorkbook(100), code: 'corrupt' },
  { name: 'a workbook whose sheet declares 100 bytes fewer than it holds', bytes: () => mismatchedSizeWorkbook(-100), code: 'corrupt' },
  { name: 'a workbook whose sheet\'s deflate data is garbage', bytes: () => damageEntryData(sample('jigyo-keikaku-r6.xlsx'), SHEET1), code: 'corrupt' },
  {
    name: 'a workbook with an entry compressed by another method (LZMA)',
    bytes: () => patchEntry(sample('jigyo-keikaku-r6.xlsx'), SHEET1, { method: 14 }),
    code: 'not-xlsx',
    detail: 'compression',
  },
  { name: 'a workbook with a zip-encrypted entry', bytes: () => patchEntry(sample('jigyo-keikaku-r6.xlsx'), SHEET1, { flags: 0x0801 }), code: 'corrupt' },
  {
    name: 'a stored entry declaring a size other than its own',
    bytes: () => patchEntry(storedWorkbook(), 'xl/workbook.xml', { uncompressedSize: 10 }),
    code: 'corrupt',
  },
];

/** Past the byte checks; refused once ExcelJS has read them. */
const REFUSED_AFTER_LOADING: Case[] = [
  { name: 'a workbook with no worksheets', bytes: workbookWithNoSheets, code: 'empty', detail: 'no-sheets' },
  { name: 'a workbook whose sheets are all empty', bytes: workbookWithEmptySheets, code: 'empty' },
  { name: 'a workbook whose sheet XML breaks off', bytes: () => brokenXmlWorkbook(), code: 'corrupt', detail: 'content' },
  { name: 'a workbook whose workbook.xml breaks off', bytes: () => brokenXmlWorkbook('xl/workbook.xml'), code: 'corrupt', detail: 'content' },
];

const codeAndDetail = (e: FileError): { code: string; detail?: string } => (e.detail ? { code: e.code, detail: e.detail } : { code: e.code });
const expected = (c: Case): { code: string; detail?: string } => (c.detail ? { code: c.code, detail: c.detail } : { code: c.code });

describe('inspectXlsxBytes', () => {
  test.each(REFUSED_BY_INSPECTION.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const result = inspectXlsxBytes(await c.bytes());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(codeAndDetail(result.error)).toEqual(expected(c));
  });

  test.each(SAMPLE_NAMES)('passes the sample %s', (name) => {
    const result = inspectXlsxBytes(sample(name));
    expect(result).toMatchObject({ ok: true });
    if (result.ok) {
      expect(result.entries).toBeGreaterThan(5);
      expect(result.inflatedBytes).toBeGreaterThan(sample(name).length);
    }
  });

  test('a file over maxFileBytes is too large, with its size and the limit for the message', () => {
    const result = inspectXlsxBytes(sample('jigyo-keikaku-r6.xlsx'), { maxFileBytes: 1000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large', params: { limitMiB: 0, limit: 1000 } } });
    if (!result.ok) expect(result.error.detail).toBeUndefined();
  });

  test('each bomb rule is reported with its reason', () => {
    const reason = (r: ReturnType<typeof inspectXlsxBytes>): unknown => (r.ok ? null : r.error.params?.reason);
    expect(reason(inspectXlsxBytes(zipBomb(2)))).toBe('ratio');
    expect(reason(inspectXlsxBytes(lyingSizeZip(301 * MiB)))).toBe('total');
    expect(reason(inspectXlsxBytes(manyEntriesZip(10_001)))).toBe('entries');
    expect(reason(inspectXlsxBytes(sample('monitoring-r1.xlsx'), { maxInflatedBytes: 10_000 }))).toBe('total');
  });

  test('limits are inclusive: exactly 10,000 entries, or exactly the inflated limit, pass', () => {
    expect(DEFAULT_LIMITS.maxEntries).toBe(10_000);
    expect(inspectXlsxBytes(manyEntriesZip(10_000))).toMatchObject({ ok: true, entries: 10_000 });
    const bytes = sample('monitoring-r1.xlsx');
    const inspected = inspectXlsxBytes(bytes);
    if (!inspected.ok) throw new Error('sample refused');
    expect(inspectXlsxBytes(bytes, { maxInflatedBytes: inspected.inflatedBytes })).toMatchObject({ ok: true });
    expect(inspectXlsxBytes(bytes, { maxInflatedBytes: inspected.inflatedBytes - 1 })).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  test('a highly compressible entry under 1 MiB is not a bomb', () => {
    const zeros = zipOf([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: ' '.repeat(1_000_000) + '<workbook/>' },
    ]);
    expect(inspectXlsxBytes(zeros)).toMatchObject({ ok: true });
  });

  test('never throws on a sample truncated or damaged at any point', () => {
    const bytes = sample('shisaku-322-r3.xlsx');
    fc.assert(
      fc.property(fc.nat(bytes.length), fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 }), (cut, at, value) => {
        const damaged = bytes.slice(0, Math.max(cut, 4));
        if (at < damaged.length) damaged[at] = value;
        const result = inspectXlsxBytes(damaged);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});

describe('openWorkbook', () => {
  test.each([...REFUSED_BY_INSPECTION, ...REFUSED_BY_INFLATION, ...REFUSED_AFTER_LOADING].map((c) => [c.name, c] as const))(
    '%s: refused with its code, never thrown',
    async (_name, c) => {
      const result = await openWorkbook(await c.bytes());
      expect(result.ok).toBe(false);
      if (!result.ok) expect(codeAndDetail(result.error)).toEqual(expected(c));
    },
  );

  test('a damaged workbook gives the reader\'s message in params, for diagnostics', async () => {
    const result = await openWorkbook(await brokenXmlWorkbook());
    expect(result).toMatchObject({ ok: false, error: { code: 'corrupt', params: { reason: expect.any(String) } } });
  });

  test.each(SAMPLE_NAMES)('opens the sample %s', async (name) => {
    const result = await openWorkbook(sample(name));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.workbook.worksheets.length).toBeGreaterThan(0);
  });

  test('takes an ArrayBuffer, and a Uint8Array that is a view into a larger buffer', async () => {
    const bytes = sample('jigyo-keikaku-r6.xlsx');
    const fromArrayBuffer = await openWorkbook(new Uint8Array(bytes).buffer);
    expect(fromArrayBuffer.ok && fromArrayBuffer.workbook.worksheets.map((ws) => ws.name)).toEqual(['事業計画', '成果目標値']);
    const padded = new Uint8Array(bytes.length + 200);
    padded.set(bytes, 100);
    const fromView = await openWorkbook(padded.subarray(100, 100 + bytes.length));
    expect(fromView.ok).toBe(true);
  });

  test('refuses the zip bomb without inflating it', async () => {
    const bomb = zipBomb(200);
    const before = process.memoryUsage().arrayBuffers;
    const result = await openWorkbook(bomb);
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large', detail: 'inflated' } });
    // 200 MiB inflated would show here; the checks allocate nothing of the kind.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * MiB);
  });

  test('refuses a zip that under-declares its sizes without inflating it into memory', async () => {
    const lying = underDeclaredWorkbook(100, 1024);
    // The declared sizes pass: only inflating shows the 100 MiB.
    expect(inspectXlsxBytes(lying)).toMatchObject({ ok: true });
    global.gc?.();
    const before = process.memoryUsage();
    const result = await openWorkbook(lying);
    const after = process.memoryUsage();
    // 100 MiB inflated (as JSZip would hold it) would show here; the streaming check holds a few chunks at a time.
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(30 * MiB);
    expect(after.rss - before.rss).toBeLessThan(60 * MiB);
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large', detail: 'inflated', params: { reason: 'mismatch', entry: SHEET1 } } });
  });

  test('opens a workbook whose entries are all stored (method 0)', async () => {
    const stored = storedWorkbook();
    const listing = listZipEntries(stored);
    expect(listing.ok && listing.entries.every((e) => e.method === 0)).toBe(true);
    const result = await openWorkbook(stored);
    expect(result.ok && result.workbook.worksheets.map((ws) => ws.name)).toEqual(['事業計画', '成果目標値']);
  });

  test('never throws on a sample with damaged bytes inside', async () => {
    const bytes = sample('jigyo-keikaku-r6.xlsx');
    const codes: FileErrorCode[] = ['not-xlsx', 'corrupt', 'too-large', 'empty'];
    await fc.assert(
      fc.asyncProperty(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 0, max: 255 }), async (at, span, value) => {
        const damaged = bytes.slice();
        damaged.fill(value, at, at + span);
        const result = await openWorkbook(damaged);
        if (!result.ok) expect(codes).toContain(result.error.code);
      }),
      { numRuns: 60 },
    );
  });
});

describe('verifyInflation', () => {
  const reason = (e: FileError | null): unknown => e?.params?.reason;

  test.each(REFUSED_BY_INFLATION.map((c) => [c.name, c] as const))('%s: passes inspectXlsxBytes, refused here', async (_name, c) => {
    const bytes = await c.bytes();
    expect(inspectXlsxBytes(bytes)).toMatchObject({ ok: true });
    const error = await verifyInflation(bytes);
    expect(error && codeAndDetail(error)).toEqual(expected(c));
  });

  test.each(SAMPLE_NAMES)('passes the sample %s', async (name) => {
    expect(await verifyInflation(sample(name))).toBeNull();
  });

  test('passes a workbook of stored entries, and one with an empty deflated entry', async () => {
    expect(await verifyInflation(storedWorkbook())).toBeNull();
    expect(await verifyInflation(zipOf([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'xl/workbook.xml', data: '' }]))).toBeNull();
  });

  test('stops an under-declared entry soon after its declared size, and says so', async () => {
    const error = await verifyInflation(underDeclaredWorkbook(100, 1024));
    expect(error).toMatchObject({ code: 'too-large', detail: 'inflated', params: { reason: 'mismatch', entry: SHEET1, declared: 1024 } });
    // Stopped within the slack and one chunk of output past it, not after 100 MiB.
    const seen = Number(error?.params?.inflatedAtLeast);
    expect(seen).toBeGreaterThan(1024 + OVERRUN_SLACK);
    expect(seen).toBeLessThan(1024 + OVERRUN_SLACK + 256 * 1024);
  });

  test('a small mismatch either way is damage, with the sizes for diagnostics', async () => {
    const more = await verifyInflation(mismatchedSizeWorkbook(100));
    expect(more).toMatchObject({ code: 'corrupt', params: { reason: 'size-mismatch', entry: SHEET1 } });
    expect(Number(more?.params?.declared) - Number(more?.params?.actual)).toBe(100);
    const fewer = await verifyInflation(mismatchedSizeWorkbook(-100));
    expect(fewer).toMatchObject({ code: 'corrupt', params: { reason: 'size-mismatch', entry: SHEET1 } });
    expect(Number(fewer?.params?.actual) - Number(fewer?.params?.declared)).toBe(100);
    expect(fewer?.detail).toBeUndefined();
  });

  test('the real total counts against maxInflatedBytes, inclusively', async () => {
    const bytes = sample('monitoring-r1.xlsx');
    const inspected = inspectXlsxBytes(bytes);
    if (!inspected.ok) throw new Error('sample refused');
    expect(await verifyInflation(bytes, { maxInflatedBytes: inspected.inflatedBytes })).toBeNull();
    expect(reason(await verifyInflation(bytes, { maxInflatedBytes: inspected.inflatedBytes - 1 }))).toBe('total');
    // The last entry running a little past its declared size, past a limit the declared sizes keep to.
    const over = mismatchedSizeWorkbook(-100, { last: true });
    const declared = inspectXlsxBytes(over);
    if (!declared.ok) throw new Error('refused by inspection');
    expect(inspectXlsxBytes(over, { maxInflatedBytes: declared.inflatedBytes + 50 })).toMatchObject({ ok: true });
    const error = await verifyInflation(over, { maxInflatedBytes: declared.inflatedBytes + 50 });
    expect(error).toMatchObject({ code: 'too-large', detail: 'inflated', params: { reason: 'total' } });
  });

  test('bad deflate data and a deflate stream cut short are damage', async () => {
    expect(reason(await verifyInflation(damageEntryData(sample('jigyo-keikaku-r6.xlsx'), SHEET1)))).toBe('deflate');
    expect(await verifyInflation(truncatedDeflateWorkbook())).toMatchObject({ code: 'corrupt', params: { reason: 'deflate', entry: SHEET1 } });
  });

  test('refuses to open unchecked where there is no DecompressionStream', async () => {
    const saved = globalThis.DecompressionStream;
    try {
      (globalThis as { DecompressionStream?: unknown }).DecompressionStream = undefined;
      expect(await verifyInflation(sample('jigyo-keikaku-r6.xlsx'))).toMatchObject({ code: 'unreadable', detail: 'environment' });
      expect(await openWorkbook(sample('jigyo-keikaku-r6.xlsx'))).toMatchObject({ ok: false, error: { code: 'unreadable', detail: 'environment' } });
    } finally {
      globalThis.DecompressionStream = saved;
    }
    expect(await verifyInflation(sample('jigyo-keikaku-r6.xlsx'))).toBeNull();
  });

  test('never throws, and answers only with the reader\'s codes, on a sample truncated or damaged at any point', async () => {
    const bytes = sample('monitoring-r1.xlsx');
    const codes: FileErrorCode[] = ['not-xlsx', 'corrupt', 'too-large'];
    await fc.assert(
      fc.asyncProperty(fc.nat(bytes.length), fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 0, max: 255 }), async (cut, at, span, value) => {
        const damaged = bytes.slice(0, Math.max(cut, 4));
        damaged.fill(value, at, at + span);
        const error = await verifyInflation(damaged);
        if (error) expect(codes).toContain(error.code);
      }),
      { numRuns: 300 },
    );
  });
});

/** What the command line passes: node:zlib's synchronous inflater, and ExcelJS given the checked parts stored. */
describe('with node:zlib\'s inflater (the command line)', () => {
  const opts = { inflater: nodeInflater };
  const reason = (e: FileError | null): unknown => e?.params?.reason;

  test.each([...REFUSED_BY_INSPECTION, ...REFUSED_BY_INFLATION, ...REFUSED_AFTER_LOADING].map((c) => [c.name, c] as const))(
    '%s: the same refusal as the streamed check',
    async (_name, c) => {
      const result = await openWorkbook(await c.bytes(), undefined, opts);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(codeAndDetail(result.error)).toEqual(expected(c));
    },
  );

  test.each(SAMPLE_NAMES)('the sample %s reads the same, every cell, from the stored parts', async (name) => {
    const values = (r: Awaited<ReturnType<typeof openWorkbook>>) => (r.ok ? r.workbook.worksheets.map((ws) => [ws.name, ws.getSheetValues(), ws.model.merges]) : r);
    const plain = await openWorkbook(sample(name));
    expect(plain.ok).toBe(true);
    expect(values(await openWorkbook(sample(name), undefined, opts))).toEqual(values(plain));
  });

  test('the stored zip holds every part of the original, uncompressed, in order, under the same name', async () => {
    const bytes = sample('shisaku-322-r3.xlsx');
    const checked = await inflateVerified(bytes, undefined, nodeInflater);
    if (!checked.ok || !checked.stored) throw new Error('no stored zip');
    const listing = listZipEntries(checked.stored);
    if (!listing.ok) throw new Error('the stored zip does not list');
    expect(listing.entries.every((e) => e.method === 0 && e.compressedSize === e.uncompressedSize)).toBe(true);
    const original = unzip(bytes);
    expect(listing.entries.map((e) => e.name)).toEqual(original.map((e) => e.name));
    listing.entries.forEach((e, i) => expect(Buffer.from(checked.stored!.subarray(e.dataOffset, e.dataOffset + e.compressedSize)).equals(Buffer.from(original[i]!.data))).toBe(true));
  });

  test('stops an under-declared entry at its declared size and the slack, holding no more than that', async () => {
    const lying = underDeclaredWorkbook(100, 1024);
    global.gc?.();
    const before = process.memoryUsage().arrayBuffers;
    const error = await verifyInflation(lying, undefined, nodeInflater);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(30 * MiB);
    expect(error).toMatchObject({ code: 'too-large', detail: 'inflated', params: { reason: 'mismatch', entry: SHEET1, declared: 1024 } });
    expect(Number(error?.params?.inflatedAtLeast)).toBe(1024 + OVERRUN_SLACK + 1);
  });

  test('the real total counts against maxInflatedBytes, inclusively', async () => {
    const bytes = sample('monitoring-r1.xlsx');
    const inspected = inspectXlsxBytes(bytes);
    if (!inspected.ok) throw new Error('sample refused');
    expect(await verifyInflation(bytes, { maxInflatedBytes: inspected.inflatedBytes }, nodeInflater)).toBeNull();
    expect(reason(await verifyInflation(bytes, { maxInflatedBytes: inspected.inflatedBytes - 1 }, nodeInflater))).toBe('total');
    const over = mismatchedSizeWorkbook(-100, { last: true });
    const declared = inspectXlsxBytes(over);
    if (!declared.ok) throw new Error('refused by inspection');
    expect(await verifyInflation(over, { maxInflatedBytes: declared.inflatedBytes + 50 }, nodeInflater)).toMatchObject({ code: 'too-large', detail: 'inflated', params: { reason: 'total' } });
  });

  test('a small mismatch either way, bad deflate data and a deflate stream cut short are damage', async () => {
    const more = await verifyInflation(mismatchedSizeWorkbook(100), undefined, nodeInflater);
    expect(Number(more?.params?.declared) - Number(more?.params?.actual)).toBe(100);
    const fewer = await verifyInflation(mismatchedSizeWorkbook(-100), undefined, nodeInflater);
    expect(fewer).toMatchObject({ code: 'corrupt', params: { reason: 'size-mismatch', entry: SHEET1 } });
    expect(reason(await verifyInflation(damageEntryData(sample('jigyo-keikaku-r6.xlsx'), SHEET1), undefined, nodeInflater))).toBe('deflate');
    expect(await verifyInflation(truncatedDeflateWorkbook(), undefined, nodeInflater)).toMatchObject({ code: 'corrupt', params: { reason: 'deflate', entry: SHEET1 } });
  });

  test('an entry over SYNC_INFLATE_MAX is streamed, and ExcelJS then reads the original', async () => {
    // Text that does not compress much (no ratio bomb), a little over the limit.
    let text = '';
    for (let i = 0; text.length <= SYNC_INFLATE_MAX; i++) text += `${(i * 2654435761) % 1_000_003},`;
    const entries = unzip(sample('jigyo-keikaku-r6.xlsx'));
    const big = zipOf([...entries.map((e) => ({ name: e.name, data: e.data })), { name: 'docProps/custom-big.txt', data: text }]);
    const checked = await inflateVerified(big, undefined, nodeInflater);
    expect(checked).toEqual({ ok: true, stored: null });
    const opened = await openWorkbook(big, undefined, opts);
    expect(opened.ok && opened.workbook.worksheets.map((ws) => ws.name)).toEqual(['事業計画', '成果目標値']);
  });

  test('never throws, and answers only with the reader\'s codes, on a sample truncated or damaged at any point', async () => {
    const bytes = sample('monitoring-r1.xlsx');
    const codes: FileErrorCode[] = ['not-xlsx', 'corrupt', 'too-large', 'empty'];
    await fc.assert(
      fc.asyncProperty(fc.nat(bytes.length), fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 0, max: 255 }), async (cut, at, span, value) => {
        const damaged = bytes.slice(0, Math.max(cut, 4));
        damaged.fill(value, at, at + span);
        const result = await openWorkbook(damaged, undefined, opts);
        if (!result.ok) expect(codes).toContain(result.error.code);
      }),
      { numRuns: 150 },
    );
  });
});

describe('readInputFile', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => removeTemp(dir));

  test('reads a file into bytes', async () => {
    const file = writeTemp(dir, 'jigyo.xlsx', sample('jigyo-keikaku-r6.xlsx'));
    const result = await readInputFile(file);
    expect(result.ok).toBe(true);
    if (result.ok) expect(Buffer.from(result.bytes).equals(fs.readFileSync(file))).toBe(true);
  });

  test('a missing file is not-found', async () => {
    expect(await readInputFile(path.join(dir, 'nothing.xlsx'))).toEqual({ ok: false, error: { code: 'not-found' } });
    expect(await readInputFile(path.join(dir, 'nothing', 'below.xlsx'))).toEqual({ ok: false, error: { code: 'not-found' } });
  });

  test('a directory is unreadable', async () => {
    expect(await readInputFile(dir)).toEqual({ ok: false, error: { code: 'unreadable', detail: 'directory' } });
  });

  test('a file over the limit is too large, without being read', async () => {
    const file = writeTemp(dir, 'big.xlsx', new Uint8Array(4096));
    const spy = jest.spyOn(jest.requireActual<typeof fs>('fs'), 'readFileSync');
    const result = await readInputFile(file, { maxFileBytes: 1024 });
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large', params: { size: 4096, limit: 1024 } } });
    expect(spy).not.toHaveBeenCalled();
    // …whereas within the limit it is read (the spy sees the reads).
    expect(await readInputFile(file)).toMatchObject({ ok: true });
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  test('a 0-byte file reads, and is then refused as an empty file', async () => {
    const result = await readInputFile(writeTemp(dir, 'zero.xlsx', new Uint8Array(0)));
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(await openWorkbook(result.bytes)).toEqual({ ok: false, error: { code: 'not-xlsx', detail: 'empty-file' } });
  });

  test('the bad files, read from disk and opened, give their codes', async () => {
    for (const c of REFUSED_BY_INSPECTION.slice(0, 12)) {
      const read = await readInputFile(writeTemp(dir, `bad-${c.name.replace(/[^a-z0-9]+/gi, '-')}.xlsx`, await c.bytes()));
      expect(read.ok).toBe(true);
      if (read.ok) expect(await openWorkbook(read.bytes)).toMatchObject({ ok: false, error: expected(c) });
    }
  });
});

describe('file error messages', () => {
  const ALL_CODES: FileErrorCode[] = ['not-found', 'not-xlsx', 'encrypted', 'too-large', 'corrupt', 'empty', 'unreadable'];
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    await i18n.init({
      lng: 'ja',
      resources: { ja: { translation: fileErrorMessages.ja }, en: { translation: fileErrorMessages.en } },
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    });
  });

  test('ja and en have the same keys, one for every code', () => {
    expect(Object.keys(fileErrorMessages.en).sort()).toEqual(Object.keys(fileErrorMessages.ja).sort());
    for (const code of ALL_CODES) expect(fileErrorMessages.ja).toHaveProperty([code]);
  });

  test('every error the reader produces has its own message, fully interpolated, in both languages', async () => {
    const errors: FileError[] = [];
    for (const c of [...REFUSED_BY_INSPECTION, ...REFUSED_BY_INFLATION, ...REFUSED_AFTER_LOADING]) {
      const r = await openWorkbook(await c.bytes());
      if (!r.ok) errors.push(r.error);
    }
    errors.push({ code: 'unreadable', detail: 'environment', params: { reason: 'no-decompression-stream' } });
    const big = inspectXlsxBytes(new Uint8Array(2 * MiB), { maxFileBytes: MiB });
    if (big.ok) throw new Error('2 MiB passed a 1 MiB limit');
    errors.push(big.error);
    for (const e of errors) {
      const key = fileErrorKey(e);
      expect(key).toBe(e.detail && e.detail !== 'unknown' ? `${e.code}_${e.detail}` : e.code);
      for (const lng of ['ja', 'en']) {
        const text = i18n.t(key, { ...e.params, lng });
        expect(text).not.toBe(key);
        expect(text).not.toMatch(/\{\{|\}\}/);
      }
    }
    expect(i18n.t(fileErrorKey(big.error), big.error.params)).toContain('（2 MB、上限 1 MB）');
  });

  test('the key falls back to the code alone, as i18next context does', () => {
    expect(fileErrorKey({ code: 'not-xlsx', detail: 'no-such-detail' })).toBe('not-xlsx');
    expect(fileErrorKey({ code: 'encrypted' })).toBe('encrypted');
    expect(i18n.t('not-xlsx', { context: 'xls' })).toBe(fileErrorMessages.ja['not-xlsx_xls']);
    expect(i18n.t('not-xlsx', { context: 'no-such-detail' })).toBe(fileErrorMessages.ja['not-xlsx']);
  });

  test('the Japanese messages say what to do', () => {
    expect(fileErrorMessages.ja.encrypted).toContain('パスワードを解除');
    expect(fileErrorMessages.ja['not-xlsx_xls']).toContain('.xlsx');
    expect(fileErrorMessages.ja['not-xlsx_xls']).toContain('保存し直して');
  });
});
