/**
 * Inputs the reader must refuse (or read oddly), built at test time from the samples and from scratch: nothing
 * binary is committed. Node-only test code.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import * as ExcelJS from 'exceljs';
import { encrypt } from 'officecrypto-tool';

export const SAMPLES = path.join(__dirname, '..', '..', 'samples');
export const sample = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(SAMPLES, name)));

const MiB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------------------------
// A small zip writer and reader (the reader only for rebuilding a sample with a part replaced)

export interface ZipEntry {
  name: string;
  data: Uint8Array | string;
  /** Stored rather than deflated (OpenDocument's mimetype). */
  store?: boolean;
  /** Already deflated: `data` is the compressed stream and `size`/`crc` describe what it inflates to. */
  deflated?: { size: number; crc: number };
  /** Declare this uncompressed size in the central directory instead of the true one (a lying zip). */
  declaredSize?: number;
}

export function zipOf(entries: readonly ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : Buffer.from(e.data);
    const name = Buffer.from(e.name, 'utf8');
    const method = e.store ? 0 : 8;
    const body = e.deflated || e.store ? raw : zlib.deflateRawSync(raw);
    const size = e.deflated ? e.deflated.size : raw.length;
    const crc = e.deflated ? e.deflated.crc : zlib.crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.declaredSize ?? size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** The entries of a (well-formed, non-ZIP64) zip, inflated. */
export function unzip(bytes: Uint8Array): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const next = p + 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const local = buf.readUInt32LE(p + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const body = buf.subarray(start, start + compressed);
    out.push({ name, data: new Uint8Array(method === 0 ? body : zlib.inflateRawSync(body)) });
    p = next;
  }
  return out;
}

/** Offset of the central directory, read from the End Of Central Directory record. */
export function centralDirectoryOffset(bytes: Uint8Array): { eocd: number; offset: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  return { eocd, offset: buf.readUInt32LE(eocd + 16) };
}

// ---------------------------------------------------------------------------------------------------------------
// Bad inputs

/** A copy with the central directory's first signature overwritten. */
export function corruptCentralDirectory(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes);
  const { offset } = centralDirectoryOffset(copy);
  copy.set([0x58, 0x58, 0x58, 0x58], offset);
  return copy;
}

/** A copy whose End Of Central Directory record points past the end of the file. */
export function directoryOutOfBounds(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes);
  const { eocd } = centralDirectoryOffset(copy);
  new DataView(copy.buffer).setUint32(eocd + 16, copy.length + 1000, true);
  return copy;
}

export function randomBytes(n: number, seed = 42): Uint8Array {
  // A fixed pseudo-random sequence, so a failure can be reproduced.
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

export const CSV_TEXT = '事業名,事業費,前年度事業費\r\n事業承継・引継ぎ支援センター事業,95249,102382\r\n';

/** The CSV as Excel in Japan writes it by default: Shift_JIS. Hand-encoded, Node has no Shift_JIS encoder. */
export const SJIS_CSV = new Uint8Array([
  0x8e, 0x96, 0x8b, 0xc6, 0x96, 0xbc, 0x2c, 0x8e, 0x96, 0x8b, 0xc6, 0x94, 0xef, 0x0d, 0x0a, // 事業名,事業費
  0x41, 0x2c, 0x39, 0x35, 0x32, 0x34, 0x39, 0x0d, 0x0a, // A,95249
]);

let encrypted: Uint8Array | undefined;

/** A sample encrypted with a password, as Excel does (ECMA-376 agile). Made once: encrypting takes about a second. */
export function encryptedWorkbook(): Uint8Array {
  encrypted ??= new Uint8Array(encrypt(Buffer.from(sample('jigyo-keikaku-r6.xlsx')), { password: 'tassei' }));
  return encrypted.slice();
}

/**
 * A minimal, valid compound file (OLE2) holding one 4 KiB stream named "Workbook", as a legacy .xls has:
 * header, one FAT sector, one directory sector, eight data sectors.
 */
export function legacyXls(): Uint8Array {
  const SECTOR = 512;
  const dataSectors = 8;
  const buf = Buffer.alloc(SECTOR * (3 + dataSectors));
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x3e, 0x18); // minor version
  buf.writeUInt16LE(3, 0x1a); // major version 3: 512-byte sectors
  buf.writeUInt16LE(0xfffe, 0x1c); // little-endian
  buf.writeUInt16LE(9, 0x1e); // sector shift
  buf.writeUInt16LE(6, 0x20); // mini sector shift
  buf.writeUInt32LE(1, 0x2c); // FAT sectors
  buf.writeUInt32LE(1, 0x30); // first directory sector
  buf.writeUInt32LE(0x1000, 0x38); // mini stream cutoff
  buf.writeUInt32LE(0xfffffffe, 0x3c); // no mini FAT
  buf.writeUInt32LE(0xfffffffe, 0x44); // no DIFAT sectors
  for (let i = 0; i < 109; i++) buf.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + i * 4);

  const fat = SECTOR; // sector 0
  buf.fill(0xff, fat, fat + SECTOR);
  buf.writeUInt32LE(0xfffffffd, fat); // sector 0: the FAT itself
  buf.writeUInt32LE(0xfffffffe, fat + 4); // sector 1: directory, one sector
  for (let s = 2; s < 2 + dataSectors; s++) buf.writeUInt32LE(s === 1 + dataSectors ? 0xfffffffe : s + 1, fat + s * 4);

  const dir = SECTOR * 2; // sector 1
  const entry = (i: number, name: string, type: number, child: number, start: number, size: number): void => {
    const e = dir + i * 128;
    buf.write(name, e, 'utf16le');
    buf.writeUInt16LE((name.length + 1) * 2, e + 0x40);
    buf.writeUInt8(type, e + 0x42);
    buf.writeUInt8(1, e + 0x43); // black
    buf.writeUInt32LE(0xffffffff, e + 0x44);
    buf.writeUInt32LE(0xffffffff, e + 0x48);
    buf.writeUInt32LE(child, e + 0x4c);
    buf.writeUInt32LE(start, e + 0x74);
    buf.writeUInt32LE(size, e + 0x78);
  };
  entry(0, 'Root Entry', 5, 1, 0xfffffffe, 0);
  entry(1, 'Workbook', 2, 0xffffffff, 2, dataSectors * SECTOR);
  for (let i = 2; i < 4; i++) {
    buf.writeUInt32LE(0xffffffff, dir + i * 128 + 0x44);
    buf.writeUInt32LE(0xffffffff, dir + i * 128 + 0x48);
    buf.writeUInt32LE(0xffffffff, dir + i * 128 + 0x4c);
  }
  // A BOF record of BIFF8, as a real Workbook stream starts.
  Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]).copy(buf, SECTOR * 3);
  return new Uint8Array(buf);
}

export const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>';

/**
 * A raw deflate stream of `head`, then `mib` MiB of the byte `fill`, then `tail`, with the size and CRC it inflates
 * to. Built from one compressed MiB repeated (each piece sync-flushed, so they concatenate), to keep tests fast.
 */
export function deflatedFill(head: string, fill: number, mib: number, tail: string): { data: Uint8Array; size: number; crc: number } {
  const headBytes = Buffer.from(head);
  const tailBytes = Buffer.from(tail);
  const block = Buffer.alloc(MiB, fill);
  const sync = { finishFlush: zlib.constants.Z_SYNC_FLUSH, level: 9 };
  const blockDeflated = zlib.deflateRawSync(block, sync);
  const pieces = [zlib.deflateRawSync(headBytes, sync)];
  let crc = zlib.crc32(headBytes);
  for (let i = 0; i < mib; i++) {
    pieces.push(blockDeflated);
    crc = zlib.crc32(block, crc);
  }
  pieces.push(zlib.deflateRawSync(tailBytes)); // the final block
  crc = zlib.crc32(tailBytes, crc);
  return { data: new Uint8Array(Buffer.concat(pieces)), size: headBytes.length + mib * MiB + tailBytes.length, crc };
}

/** An xlsx-shaped zip whose one sheet inflates to `mib` MiB of spaces inside valid XML. */
export function zipBomb(mib = 200): Uint8Array {
  const sheet = deflatedFill(
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    0x20,
    mib,
    '<sheetData/></worksheet>',
  );
  return zipOf([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'xl/workbook.xml', data: '<workbook/>' },
    { name: 'xl/worksheets/sheet1.xml', data: sheet.data, deflated: { size: sheet.size, crc: sheet.crc } },
  ]);
}

/**
 * Where one entry's headers are: its central directory record and its local header. Throws when the zip has no
 * entry of that name (a test helper used on known zips).
 */
function entryHeaders(bytes: Uint8Array, name: string): { central: number; local: number; dataStart: number; compressed: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { eocd, offset } = centralDirectoryOffset(bytes);
  const count = buf.readUInt16LE(eocd + 10);
  let p = offset;
  for (let i = 0; i < count; i++) {
    const nameLen = buf.readUInt16LE(p + 28);
    if (buf.toString('utf8', p + 46, p + 46 + nameLen) === name) {
      const local = buf.readUInt32LE(p + 42);
      const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      return { central: p, local, dataStart, compressed: buf.readUInt32LE(p + 20) };
    }
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  throw new Error(`no entry ${name}`);
}

/**
 * A copy of a zip with one entry's header fields rewritten in BOTH its local header and its central directory
 * record, as a crafted file would have them (a reader that compares the two finds nothing amiss).
 */
export function patchEntry(bytes: Uint8Array, name: string, patch: { uncompressedSize?: number; method?: number; flags?: number }): Uint8Array {
  const copy = new Uint8Array(bytes);
  const view = new DataView(copy.buffer);
  const { central, local } = entryHeaders(copy, name);
  if (patch.uncompressedSize !== undefined) {
    view.setUint32(central + 24, patch.uncompressedSize, true);
    view.setUint32(local + 22, patch.uncompressedSize, true);
  }
  if (patch.method !== undefined) {
    view.setUint16(central + 10, patch.method, true);
    view.setUint16(local + 8, patch.method, true);
  }
  if (patch.flags !== undefined) {
    view.setUint16(central + 8, patch.flags, true);
    view.setUint16(local + 6, patch.flags, true);
  }
  return copy;
}

/** A copy of a zip with the first `count` bytes of one entry's compressed data overwritten. */
export function damageEntryData(bytes: Uint8Array, name: string, value = 0xff, count = 16): Uint8Array {
  const copy = new Uint8Array(bytes);
  const { dataStart, compressed } = entryHeaders(copy, name);
  copy.fill(value, dataStart, dataStart + Math.min(count, compressed));
  return copy;
}

/**
 * A sample workbook whose first sheet is replaced by a real deflate stream of `mib` MiB of zeros (after a little
 * XML), then patched to DECLARE only `declared` bytes in both headers: the declared sizes pass every check of
 * inspectXlsxBytes (no ratio rule below 1 MiB, a small total), and only inflating tells the truth.
 */
export function underDeclaredWorkbook(mib = 100, declared = 1024): Uint8Array {
  const sheet = deflatedFill('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', 0, mib, '</worksheet>');
  const entries = unzip(sample('jigyo-keikaku-r6.xlsx')).map((e) =>
    e.name === 'xl/worksheets/sheet1.xml' ? { name: e.name, data: sheet.data, deflated: { size: sheet.size, crc: sheet.crc } } : e,
  );
  return patchEntry(zipOf(entries), 'xl/worksheets/sheet1.xml', { uncompressedSize: declared });
}

/**
 * A sample workbook (rebuilt, deflated) whose sheet part declares `delta` bytes more (or, negative, fewer) than it
 * really inflates to: a damaged zip, not a bomb. `last` moves the part to the end of the zip.
 */
export function mismatchedSizeWorkbook(delta: number, { part = 'xl/worksheets/sheet1.xml', last = false } = {}): Uint8Array {
  const entries = unzip(sample('jigyo-keikaku-r6.xlsx'));
  const target = entries.find((e) => e.name === part)!;
  const zip = zipOf(last ? [...entries.filter((e) => e !== target), target] : entries);
  return patchEntry(zip, part, { uncompressedSize: target.data.length + delta });
}

/** A sample workbook (rebuilt) whose sheet part's deflate stream breaks off before its last block. */
export function truncatedDeflateWorkbook(part = 'xl/worksheets/sheet1.xml'): Uint8Array {
  return zipOf(
    unzip(sample('shisaku-322-r3.xlsx')).map((e) => {
      if (e.name !== part) return e;
      const raw = Buffer.from(e.data);
      const deflated = zlib.deflateRawSync(raw);
      return { name: e.name, data: new Uint8Array(deflated.subarray(0, deflated.length - 8)), deflated: { size: raw.length, crc: zlib.crc32(raw) } };
    }),
  );
}

/** A sample workbook rebuilt with every entry stored (compression method 0), as some writers do. */
export function storedWorkbook(): Uint8Array {
  return zipOf(unzip(sample('jigyo-keikaku-r6.xlsx')).map((e) => ({ ...e, store: true })));
}

/** A small zip that only claims a huge inflated size: refused from the declared sizes alone. */
export function lyingSizeZip(declaredSize: number): Uint8Array {
  return zipOf([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'xl/workbook.xml', data: '<workbook/>', declaredSize },
  ]);
}

export function manyEntriesZip(count: number): Uint8Array {
  const entries: ZipEntry[] = [
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'xl/workbook.xml', data: '<workbook/>' },
  ];
  for (let i = entries.length; i < count; i++) entries.push({ name: `xl/media/p${i}.bin`, data: '', store: true });
  return zipOf(entries);
}

export function docxLikeZip(): Uint8Array {
  return zipOf([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: '<Relationships/>' },
    { name: 'word/document.xml', data: '<w:document/>' },
  ]);
}

export function odsLikeZip(): Uint8Array {
  return zipOf([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', store: true },
    { name: 'content.xml', data: '<office:document-content/>' },
  ]);
}

export function plainZip(): Uint8Array {
  return zipOf([{ name: 'readme.txt', data: 'hello' }]);
}

/** A genuine workbook with one part replaced by XML that breaks off mid-element. */
export async function brokenXmlWorkbook(part = 'xl/worksheets/sheet1.xml'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('壊れ').getCell('A1').value = 1;
  const entries = unzip(new Uint8Array(await wb.xlsx.writeBuffer()));
  const broken = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetDa';
  return zipOf(entries.map((e) => (e.name === part ? { name: e.name, data: broken } : e)));
}

export async function workbookWithNoSheets(): Promise<Uint8Array> {
  return new Uint8Array(await new ExcelJS.Workbook().xlsx.writeBuffer());
}

/** Sheets that exist but hold no value (one carries a style only). */
export async function workbookWithEmptySheets(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('空1');
  wb.addWorksheet('空2').getCell('C3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------------------------
// A workbook of odd cells, for the value mapping

export const LONG_TEXT = '指標'.repeat(5000); // 10,000 characters
export const TRIANGLE_FORMAT = '#,##0;"▲ "#,##0';

export async function oddCellsWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Odd');
  const set = (address: string, value: ExcelJS.CellValue, numFmt?: string): void => {
    const cell = ws.getCell(address);
    cell.value = value;
    if (numFmt) cell.numFmt = numFmt;
  };
  set('A1', 4869, TRIANGLE_FORMAT);
  set('A2', -7133, TRIANGLE_FORMAT);
  set('A3', 1.5);
  set('A4', { richText: [{ text: '前年度' }, { font: { bold: true }, text: '比' }] });
  set('A5', true);
  set('A6', false);
  set('A7', new Date(Date.UTC(2024, 3, 1)), 'yyyy/m/d');
  set('A8', new Date(Date.UTC(2024, 3, 1, 9, 30)), 'yyyy/m/d h:mm');
  set('A9', { error: '#DIV/0!' });
  set('A10', { error: '#N/A' });
  set('A11', { formula: 'A1*2', result: 9738 }, TRIANGLE_FORMAT);
  set('A12', { formula: 'A1+1' } as ExcelJS.CellFormulaValue); // never calculated: no cached result
  set('A13', { formula: '"a"&"b"', result: 'ab' });
  set('A14', { formula: '1/0', result: { error: '#DIV/0!' } });
  set('A15', { text: '三重県', hyperlink: 'https://www.pref.mie.lg.jp/' });
  set('A16', LONG_TEXT);
  // ExcelJS writes shared formulas from shareType/ref, which its typings leave out.
  set('A17', { formula: 'A1+1', result: 4870, shareType: 'shared', ref: 'A17:A18' } as unknown as ExcelJS.CellFormulaValue);
  set('A18', { sharedFormula: 'A17', result: 4871 });
  set('A19', 1295, '0"件"');
  set('A20', 'last row with a value');

  set('C2', '県内ものづくり企業の件数（累計）');
  ws.mergeCells('C2:E4');
  set('B6', '予算');
  ws.mergeCells('B6:B7');

  ws.getRow(6).hidden = true;
  ws.getRow(8).hidden = true;
  // Style only, beyond the values: not part of the used extent.
  ws.getCell('H30').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };

  wb.addWorksheet('Empty');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------------------------
// Files on disk

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tassei-xlsx-'));
}

export function writeTemp(dir: string, name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

export function removeTemp(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
