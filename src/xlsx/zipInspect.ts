/**
 * Byte-level checks of a submitted file before anything is inflated: is it a zip shaped like an .xlsx, or
 * something else (an old .xls, an encrypted workbook, a CSV renamed .xlsx), and is it safe to open (a zip bomb
 * is refused here, from the sizes the zip declares). Pure: runs in the browser as well as in Node.
 * The central-directory walk (listZipEntries) is shared with inflateGuard.ts, which checks the REAL sizes.
 */
import type { FileError } from '../core/i18n/fileErrors';

export interface XlsxLimits {
  /** Size of the file itself. */
  maxFileBytes: number;
  /** Sum of the uncompressed sizes: the declared ones here, the real ones in verifyInflation (inflateGuard.ts). */
  maxInflatedBytes: number;
  /** Uncompressed ÷ compressed size of one entry, checked for entries over 1 MiB uncompressed. */
  maxRatio: number;
  maxEntries: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<XlsxLimits> = Object.freeze({
  maxFileBytes: 50 * MiB,
  maxInflatedBytes: 300 * MiB,
  maxRatio: 200,
  maxEntries: 10_000,
});

export type InspectResult = { ok: true; entries: number; inflatedBytes: number } | { ok: false; error: FileError };

export function resolveLimits(limits?: Partial<XlsxLimits>): XlsxLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

/** MiB with one decimal, for messages. */
export function mebibytes(bytes: number): number {
  return Math.round((bytes / MiB) * 10) / 10;
}

export function fileTooLarge(size: number, limit: number): FileError {
  return { code: 'too-large', params: { sizeMiB: mebibytes(size), limitMiB: mebibytes(limit), size, limit } };
}

export function inspectXlsxBytes(bytes: Uint8Array, limits?: Partial<XlsxLimits>): InspectResult {
  const lim = resolveLimits(limits);
  if (bytes.length > lim.maxFileBytes) return fail(fileTooLarge(bytes.length, lim.maxFileBytes));
  if (startsWith(bytes, CFB_SIGNATURE)) return fail(inspectCfb(bytes));
  if (startsWith(bytes, ZIP_LOCAL)) return inspectZip(bytes, lim);
  if (startsWith(bytes, ZIP_EMPTY)) return fail({ code: 'not-xlsx', detail: 'zip' });
  return fail({ code: 'not-xlsx', detail: guessNonZip(bytes) });
}

function fail(error: FileError): InspectResult {
  return { ok: false, error };
}

// ---------------------------------------------------------------------------------------------------------------
// Zip

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const EOCD_SIZE = 22;
const U32_MAX = 0xffffffff;

/** Where the central directory is, from the End Of Central Directory record (or its ZIP64 form). */
interface Directory {
  offset: number;
  size: number;
  entries: number;
}

/** What the zip holds, as far as telling an .xlsx from other zips goes. */
const MARKERS = {
  contentTypes: '[content_types].xml',
  workbook: 'xl/workbook.xml',
  workbookBin: 'xl/workbook.bin',
  word: 'word/document.xml',
  powerpoint: 'ppt/presentation.xml',
  mimetype: 'mimetype',
} as const;
type Marker = keyof typeof MARKERS;

/** One entry of the zip, as its central directory describes it (ZIP64 values resolved). */
export interface ZipEntryInfo {
  /** The name as stored, decoded as UTF-8 (invalid bytes become U+FFFD). */
  name: string;
  /** Compression method: 0 stored, 8 deflate; an .xlsx (an OPC package) allows no other. */
  method: number;
  /** General purpose bit flags; bit 0 means the entry is encrypted. */
  flags: number;
  compressedSize: number;
  /** The DECLARED uncompressed size: a crafted zip can lie here (see inflateGuard.ts). */
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Where the entry's data starts: after the local header, its name and its extra field. */
  dataOffset: number;
  /** Where its record in the central directory starts (the raw name and attributes are read from there). */
  centralOffset: number;
}

export type ZipListing = { ok: true; entries: ZipEntryInfo[] } | { ok: false; error: FileError };

/**
 * The entries of a zip, from its central directory. Checks that the directory and every entry's local header and
 * data lie within the file (else 'corrupt'), and that there are no more than maxEntries entries (checked before
 * the list is built). Declares nothing about sizes: inspectXlsxBytes checks the declared ones, verifyInflation the
 * real ones.
 */
export function listZipEntries(bytes: Uint8Array, limits?: Partial<XlsxLimits>): ZipListing {
  const lim = resolveLimits(limits);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dir = findDirectory(bytes, view);
  if (typeof dir === 'string') return { ok: false, error: corrupt(dir) };
  if (dir.entries > lim.maxEntries) return { ok: false, error: bomb('entries', { entries: dir.entries }) };

  const entries: ZipEntryInfo[] = [];
  let p = dir.offset;
  const end = dir.offset + dir.size;
  for (let i = 0; i < dir.entries; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== SIG_CENTRAL) return { ok: false, error: corrupt('central-directory') };
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressed = view.getUint32(p + 20, true);
    let uncompressed = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let local = view.getUint32(p + 42, true);
    const next = p + 46 + nameLen + extraLen + commentLen;
    if (next > end) return { ok: false, error: corrupt('central-directory') };
    if (compressed === U32_MAX || uncompressed === U32_MAX || local === U32_MAX) {
      const z = zip64Extra(view, p + 46 + nameLen, extraLen, uncompressed === U32_MAX, compressed === U32_MAX, local === U32_MAX);
      if (!z) return { ok: false, error: corrupt('zip64-extra') };
      uncompressed = z.uncompressed ?? uncompressed;
      compressed = z.compressed ?? compressed;
      local = z.local ?? local;
    }
    // The entry's data must lie whole before the central directory: else the file was cut or spliced.
    if (local + 30 > dir.offset || view.getUint32(local, true) !== SIG_LOCAL) return { ok: false, error: corrupt('local-header') };
    const dataOffset = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (dataOffset + compressed > dir.offset) return { ok: false, error: corrupt('entry-bounds') };
    entries.push({
      name: utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      method,
      flags,
      compressedSize: compressed,
      uncompressedSize: uncompressed,
      localHeaderOffset: local,
      dataOffset,
      centralOffset: p,
    });
    p = next;
  }
  return { ok: true, entries };
}

const utf8 = new TextDecoder();

function inspectZip(bytes: Uint8Array, lim: XlsxLimits): InspectResult {
  const listing = listZipEntries(bytes, lim);
  if (!listing.ok) return listing;

  const found = new Set<Marker>();
  let mimetypeData = -1;
  let inflated = 0;
  for (const e of listing.entries) {
    const uncompressed = e.uncompressedSize;
    const compressed = e.compressedSize;
    inflated += uncompressed;
    if (inflated > lim.maxInflatedBytes) return fail(bomb('total', { inflatedMiB: mebibytes(inflated) }));
    if (uncompressed > MiB && uncompressed / Math.max(compressed, 1) > lim.maxRatio) {
      return fail(bomb('ratio', { ratio: Math.round(uncompressed / Math.max(compressed, 1)), entry: e.name.slice(0, 200) }));
    }
    const marker = markerOf(e.name);
    if (marker) found.add(marker);
    if (marker === 'mimetype' && e.method === 0) mimetypeData = e.dataOffset;
  }

  if (found.has('contentTypes') && found.has('workbook')) return { ok: true, entries: listing.entries.length, inflatedBytes: inflated };
  return fail({ code: 'not-xlsx', detail: otherZipKind(found, bytes, mimetypeData) });
}

function corrupt(reason: string): FileError {
  // A missing end record is what a download or copy that stopped half-way leaves.
  return reason === 'no-end-record' || reason === 'directory-bounds'
    ? { code: 'corrupt', detail: 'truncated', params: { reason } }
    : { code: 'corrupt', params: { reason } };
}

export function bomb(reason: 'entries' | 'total' | 'ratio' | 'mismatch', params: Record<string, string | number>): FileError {
  return { code: 'too-large', detail: 'inflated', params: { reason, ...params } };
}

/** The End Of Central Directory record is the last one in the file (a comment of up to 64 KiB may follow it). */
function findDirectory(bytes: Uint8Array, view: DataView): Directory | string {
  const last = bytes.length - EOCD_SIZE;
  const first = Math.max(0, last - 0xffff);
  let at = -1;
  for (let i = last; i >= first; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && view.getUint32(i, true) === SIG_EOCD) {
      if (i + EOCD_SIZE + view.getUint16(i + 20, true) <= bytes.length) {
        at = i;
        break;
      }
    }
  }
  if (at < 0) return 'no-end-record';
  if (view.getUint16(at + 4, true) !== 0 || view.getUint16(at + 6, true) !== 0) return 'multi-disk';

  let dir: Directory = {
    entries: view.getUint16(at + 10, true),
    size: view.getUint32(at + 12, true),
    offset: view.getUint32(at + 16, true),
  };
  let dirEnd = at;
  const locator = at - 20;
  if (locator >= 0 && view.getUint32(locator, true) === SIG_ZIP64_LOCATOR) {
    const z = Number(view.getBigUint64(locator + 8, true));
    if (z + 56 > locator || view.getUint32(z, true) !== SIG_ZIP64_EOCD) return 'zip64-end-record';
    dir = {
      entries: Number(view.getBigUint64(z + 32, true)),
      size: Number(view.getBigUint64(z + 40, true)),
      offset: Number(view.getBigUint64(z + 48, true)),
    };
    dirEnd = z;
  }
  if (dir.offset + dir.size > dirEnd) return 'directory-bounds';
  return dir;
}

/** The ZIP64 extended information extra field: 64-bit values for the fields the central header left at 0xFFFFFFFF. */
function zip64Extra(
  view: DataView,
  start: number,
  length: number,
  wantUncompressed: boolean,
  wantCompressed: boolean,
  wantLocal: boolean,
): { uncompressed?: number; compressed?: number; local?: number } | null {
  let p = start;
  const end = start + length;
  while (p + 4 <= end) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const read = (): number | null => {
        if (q + 8 > p + 4 + size) return null;
        const v = Number(view.getBigUint64(q, true));
        q += 8;
        return v;
      };
      const out: { uncompressed?: number; compressed?: number; local?: number } = {};
      for (const [want, key] of [[wantUncompressed, 'uncompressed'], [wantCompressed, 'compressed'], [wantLocal, 'local']] as const) {
        if (!want) continue;
        const v = read();
        if (v === null) return null;
        out[key] = v;
      }
      return out;
    }
    p += 4 + size;
  }
  return null;
}

function markerOf(name: string): Marker | undefined {
  // ASCII case folding only: toLowerCase() would fold some non-ASCII letters (the Kelvin sign) into ASCII ones.
  const lower = name.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x20));
  for (const [marker, markerName] of Object.entries(MARKERS) as [Marker, string][]) {
    if (lower === markerName) return marker;
  }
  return undefined;
}

function otherZipKind(found: Set<Marker>, bytes: Uint8Array, mimetypeData: number): string {
  if (found.has('workbookBin')) return 'xlsb';
  if (found.has('word')) return 'docx';
  if (found.has('powerpoint')) return 'pptx';
  // OpenDocument stores its mimetype first and uncompressed, so it can be read without inflating.
  if (mimetypeData >= 0 && asciiEqualsIgnoreCase(bytes, mimetypeData, 'application/vnd.oasis.opendocument.spreadsheet')) {
    return 'ods';
  }
  return 'zip';
}

// ---------------------------------------------------------------------------------------------------------------
// OLE compound file (CFB): an encrypted .xlsx, or an old .xls/.doc/.ppt

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const CFB_END_OF_CHAIN = 0xfffffffe;

function inspectCfb(bytes: Uint8Array): FileError {
  const names = cfbStreamNames(bytes);
  // An unreadable directory: fall back to looking for the names anywhere in the bytes.
  const has = (name: string): boolean => (names ? names.has(name) : containsUtf16(bytes, name));
  if (has('EncryptedPackage') || has('EncryptionInfo')) return { code: 'encrypted' };
  if (has('WordDocument')) return { code: 'not-xlsx', detail: 'doc' };
  if (has('PowerPoint Document')) return { code: 'not-xlsx', detail: 'ppt' };
  return { code: 'not-xlsx', detail: 'xls' };
}

/** Names of the entries in a compound file's directory (UTF-16LE, 128-byte entries), or null when unreadable. */
function cfbStreamNames(bytes: Uint8Array): Set<string> | null {
  if (bytes.length < 512) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((bytes.length - 512) / sectorSize) + 1;
  const sectorAt = (n: number): number => (n + 1) * sectorSize;
  const u32 = (offset: number): number | null => (offset + 4 <= bytes.length ? view.getUint32(offset, true) : null);

  // The FAT's own sectors are listed in the header (109 of them) and then in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  const fatCount = view.getUint32(0x2c, true);
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(view.getUint32(0x4c + i * 4, true));
  let difat = view.getUint32(0x44, true);
  for (let hops = 0; fatSectors.length < fatCount && difat < sectorCount && hops < sectorCount; hops++) {
    const per = sectorSize / 4 - 1;
    for (let i = 0; i < per && fatSectors.length < fatCount; i++) {
      const s = u32(sectorAt(difat) + i * 4);
      if (s === null) return null;
      fatSectors.push(s);
    }
    difat = u32(sectorAt(difat) + per * 4) ?? CFB_END_OF_CHAIN;
  }
  const nextSector = (n: number): number | null => {
    const fat = fatSectors[Math.floor((n * 4) / sectorSize)];
    if (fat === undefined || fat >= sectorCount) return null;
    return u32(sectorAt(fat) + ((n * 4) % sectorSize));
  };

  const names = new Set<string>();
  let sector: number | null = view.getUint32(0x30, true);
  for (let hops = 0; sector !== null && sector !== CFB_END_OF_CHAIN; hops++) {
    if (sector >= sectorCount || hops > sectorCount) return null;
    for (let e = sectorAt(sector); e + 128 <= sectorAt(sector) + sectorSize && e + 128 <= bytes.length; e += 128) {
      const nameBytes = view.getUint16(e + 0x40, true);
      if (view.getUint8(e + 0x42) === 0 || nameBytes < 2 || nameBytes > 64) continue; // unused entry
      let name = '';
      for (let k = 0; k + 2 < nameBytes; k += 2) name += String.fromCharCode(view.getUint16(e + k, true));
      names.add(name);
    }
    sector = nextSector(sector);
  }
  return names.size > 0 ? names : null;
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++) {
      if (bytes[i + 2 * k] !== text.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Neither zip nor OLE: a cheap guess of what was given instead

const SNIFF_BYTES = 8192;

function guessNonZip(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'empty-file';
  if (startsWithAscii(bytes, 0, '%PDF')) return 'pdf';
  const text = sniffText(bytes.subarray(0, SNIFF_BYTES));
  if (text === null) return 'unknown';
  const head = text.trimStart().slice(0, 2048).toLowerCase();
  if (head.startsWith('<')) {
    if (head.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'xml-spreadsheet';
    if (head.includes('<html') || head.includes('<table') || head.startsWith('<!doctype html')) return 'html';
  }
  return looksDelimited(text) ? 'csv' : 'text';
}

/**
 * The start of the file as text when it looks like text, else null. Only ASCII matters for the guesses, so
 * bytes ≥ 0x80 pass as they are (UTF-8 and Shift_JIS CSVs alike); control characters mean binary.
 */
function sniffText(sample: Uint8Array): string | null {
  const utf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  const units: number[] = [];
  if (utf16) {
    const little = sample[0] === 0xff;
    for (let i = 2; i + 1 < sample.length; i += 2) units.push(little ? sample[i]! | (sample[i + 1]! << 8) : (sample[i]! << 8) | sample[i + 1]!);
  } else {
    for (const b of sample) units.push(b);
  }
  let text = '';
  for (const u of units) {
    const allowed = u === 0x09 || u === 0x0a || u === 0x0c || u === 0x0d || u === 0x1a || u >= 0x20;
    if (!allowed || u === 0x7f) return null;
    text += u < 0x80 ? String.fromCharCode(u) : '\u00a0';
  }
  return text;
}

/** Comma- or tab-separated when the first lines all hold the separator. */
function looksDelimited(text: string): boolean {
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 5);
  if (lines.length === 0) return false;
  return [',', '\t', ';'].some((sep) => lines.every((l) => l.includes(sep)));
}

// ---------------------------------------------------------------------------------------------------------------
// Bytes

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function startsWithAscii(bytes: Uint8Array, start: number, text: string): boolean {
  if (start + text.length > bytes.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[start + i] !== text.charCodeAt(i)) return false;
  return true;
}

function asciiEqualsIgnoreCase(bytes: Uint8Array, start: number, lowerText: string): boolean {
  if (start + lowerText.length > bytes.length) return false;
  for (let i = 0; i < lowerText.length; i++) {
    const b = bytes[start + i]!;
    const lower = b >= 0x41 && b <= 0x5a ? b + 0x20 : b;
    if (lower !== lowerText.charCodeAt(i)) return false;
  }
  return true;
}
