/**
 * The REAL inflated sizes of a zip's entries, checked before ExcelJS sees the file.
 *
 * inspectXlsxBytes (zipInspect.ts) trusts the sizes the central directory declares. A crafted zip can declare
 * 1 KiB for an entry that inflates to gigabytes, and JSZip (inside ExcelJS) compares the sizes only after it has
 * inflated the whole entry into memory. Here every deflated entry is inflated as a stream with the web-standard
 * DecompressionStream('deflate-raw'), counting the output and dropping each chunk as it comes; an entry is stopped
 * as soon as it runs past what it declared. Memory stays flat (a few chunks of 16 KiB or so) whatever the zip holds.
 *
 * Browser-safe: DecompressionStream and ReadableStream are globals in Node ≥ 18 and in current browsers; no Buffer,
 * zlib, fs or path here. A caller that has a native synchronous inflater (the command line: node:zlib) passes it in
 * (RawInflater): the same checks then cost a fraction of the streamed inflate's set-up and round trips.
 */
import type { FileError } from '../core/i18n/fileErrors';
import { bomb, listZipEntries, mebibytes, resolveLimits, type XlsxLimits, type ZipEntryInfo } from './zipInspect';

/**
 * How far past its declared size an entry may inflate before it is stopped. Within this slack the entry is
 * inflated to its end and reported as damaged ('corrupt'); past it, the zip is taken for a bomb that lies about
 * its sizes ('too-large', reason 'mismatch') without inflating any further.
 */
export const OVERRUN_SLACK = 64 * 1024;

/** Compressed bytes handed to the inflater at a time: views into the file, never copies. */
const INPUT_CHUNK = 64 * 1024;

/** What the inflater takes (BufferSource); named through it, as Node's typings and the DOM's spell it differently. */
type InflaterInput = DecompressionStream['writable'] extends WritableStream<infer T> ? T : never;

const STORED = 0;
const DEFLATED = 8;
const FLAG_ENCRYPTED = 0x0001;
/** General purpose flag bit 11: the entry's name is UTF-8. */
const FLAG_UTF8 = 0x0800;

/**
 * Entries inflated at the same time. Most of an entry's cost in a small workbook is latency (the inflater's set-up
 * and its round trips to a worker thread in Node), which overlaps; memory stays a few chunks per entry.
 */
const CONCURRENCY = 4;

/**
 * A synchronous raw-deflate inflater that stops by itself: the whole output of data, or 'over' as soon as more than
 * limit bytes would come out (without inflating further). Throws on bad or truncated deflate data.
 * Node's `zlib.inflateRawSync(data, { maxOutputLength })` is one (src/cli/readFile.ts).
 */
export type RawInflater = (data: Uint8Array, limit: number) => Uint8Array | 'over';

/**
 * Entries declared larger than this are inflated as a stream even when a RawInflater is given: a synchronous inflate
 * holds an entry's whole output at once, the stream a few chunks.
 */
export const SYNC_INFLATE_MAX = 8 * 1024 * 1024;

/**
 * Inflates every entry of the zip once, as a stream, and checks that each inflates to exactly the size it declares
 * and that all of them together stay within maxInflatedBytes. Null when they do; else why not:
 * - 'too-large' / 'inflated' with reason 'mismatch' (an entry ran more than OVERRUN_SLACK past its declared size)
 *   or 'total' (the real sizes together passed maxInflatedBytes);
 * - 'corrupt' for a size that does not match within the slack, bad deflate data, or an encrypted entry;
 * - 'not-xlsx' / 'compression' for a compression method other than stored or deflate (an .xlsx has no other);
 * - 'unreadable' / 'environment' where there is no DecompressionStream to check with.
 * What needs no inflating (flags, methods, stored entries) is checked first; then the deflated entries, a few at a
 * time, the first in the zip found bad being reported. The real total is capped too, so a refusal never costs more
 * than inflating maxInflatedBytes. Never throws; refuses what inspectXlsxBytes would refuse about the zip's
 * structure, but is meant to run after it.
 */
export async function verifyInflation(bytes: Uint8Array, limits?: Partial<XlsxLimits>, inflater?: RawInflater): Promise<FileError | null> {
  const checked = await inflateVerified(bytes, limits, inflater);
  return checked.ok ? null : checked.error;
}

/**
 * Inflated parts kept for inflateVerified's stored zip, at most this much in all: past it they are dropped as they
 * are counted, and ExcelJS inflates the file again itself.
 */
export const KEEP_INFLATED_MAX = 64 * 1024 * 1024;

/**
 * verifyInflation, and with a RawInflater also the same zip with every entry STORED (not compressed), built from
 * the parts the check has just inflated: JSZip (in ExcelJS) then copies them instead of inflating them a second
 * time, in JavaScript. stored is null when that cannot be (no inflater, an entry streamed, over KEEP_INFLATED_MAX).
 */
export async function inflateVerified(
  bytes: Uint8Array,
  limits?: Partial<XlsxLimits>,
  inflater?: RawInflater,
): Promise<{ ok: true; stored: Uint8Array | null } | { ok: false; error: FileError }> {
  const lim = resolveLimits(limits);
  const listing = listZipEntries(bytes, lim);
  if (!listing.ok) return listing;
  const no = (error: FileError) => ({ ok: false as const, error });

  // What needs no inflating first: the flags, the method, and the stored entries (their data is their size).
  const progress: Progress = { total: 0, stopped: false };
  const deflated: ZipEntryInfo[] = [];
  for (const entry of listing.entries) {
    if (entry.flags & FLAG_ENCRYPTED) return no(corrupt('encrypted-entry', entry));
    if (entry.method !== STORED && entry.method !== DEFLATED) {
      return no({ code: 'not-xlsx', detail: 'compression', params: { method: entry.method, entry: nameOf(entry) } });
    }
    if (entry.method === DEFLATED && entry.compressedSize > 0) {
      deflated.push(entry);
      continue;
    }
    // Stored data is its own size, already in the file; nothing deflated inflates to nothing.
    const size = entry.method === STORED ? entry.compressedSize : 0;
    if (size !== entry.uncompressedSize) return no(corrupt('size-mismatch', entry, { declared: entry.uncompressedSize, actual: size }));
    progress.total += size;
    if (progress.total > lim.maxInflatedBytes) return no(bomb('total', { inflatedMiB: mebibytes(progress.total), entry: nameOf(entry) }));
  }
  // Nothing deflated: ExcelJS has nothing to inflate either.
  if (deflated.length === 0) return { ok: true, stored: null };
  let kept: Map<ZipEntryInfo, Uint8Array> | null = null;
  if (inflater) {
    // The small entries (nearly all of them) natively, one after another; the rest streamed below.
    kept = new Map();
    let keptBytes = 0;
    const large: ZipEntryInfo[] = [];
    for (const entry of deflated) {
      if (entry.uncompressedSize > SYNC_INFLATE_MAX) {
        large.push(entry);
        continue;
      }
      const out = checkDeflatedSync(bytes, entry, lim, progress, inflater);
      // isView, not instanceof: the inflater's bytes may come from another realm (a test VM).
      if (!ArrayBuffer.isView(out)) return no(out);
      keptBytes += out.length;
      if (kept && keptBytes <= KEEP_INFLATED_MAX) kept.set(entry, out);
      else kept = null;
    }
    if (large.length === 0) return { ok: true, stored: kept && storedZip(bytes, listing.entries, kept) };
    deflated.length = 0;
    deflated.push(...large);
  }
  if (typeof DecompressionStream !== 'function' || typeof ReadableStream !== 'function') {
    // Without a streaming inflater the real sizes cannot be checked: refuse rather than open unchecked.
    return no({ code: 'unreadable', detail: 'environment', params: { reason: 'no-decompression-stream' } });
  }

  const failures: (FileError | null)[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (!progress.stopped && next < deflated.length) {
      const i = next++;
      const failure = await checkDeflated(bytes, deflated[i]!, lim, progress);
      failures[i] = failure;
      // One bad entry refuses the file: the others stop at their next chunk.
      if (failure) progress.stopped = true;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, deflated.length) }, worker));
  const failure = failures.find((f) => f);
  return failure ? no(failure) : { ok: true, stored: null };
}

/** Shared by the entries being inflated: the real bytes inflated so far, and whether to stop. */
interface Progress {
  total: number;
  stopped: boolean;
}

/** One deflated entry, inflated and counted; null when it is fine (or was stopped because another was not). */
async function checkDeflated(bytes: Uint8Array, entry: ZipEntryInfo, lim: XlsxLimits, progress: Progress): Promise<FileError | null> {
  const declared = entry.uncompressedSize;
  let size = 0;
  const outcome = await inflate(bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize), (chunk) => {
    size += chunk;
    progress.total += chunk;
    return !progress.stopped && size <= declared + OVERRUN_SLACK && progress.total <= lim.maxInflatedBytes;
  });
  if (typeof outcome === 'object') return corrupt('deflate', entry, { message: outcome.error });
  if (outcome === 'stopped') {
    if (progress.total > lim.maxInflatedBytes) return bomb('total', { inflatedMiB: mebibytes(progress.total), entry: nameOf(entry) });
    if (size > declared + OVERRUN_SLACK) return bomb('mismatch', { entry: nameOf(entry), declared, inflatedAtLeast: size });
    return null;
  }
  return size === declared ? null : corrupt('size-mismatch', entry, { declared, actual: size });
}

/** checkDeflated with a synchronous inflater: the same answers; the entry's output when it is fine. */
function checkDeflatedSync(bytes: Uint8Array, entry: ZipEntryInfo, lim: XlsxLimits, progress: Progress, inflater: RawInflater): Uint8Array | FileError {
  const declared = entry.uncompressedSize;
  const room = lim.maxInflatedBytes - progress.total;
  // Inflated up to whichever limit comes first: the entry's own (declared and the slack) or what the total has left.
  const limit = Math.min(declared + OVERRUN_SLACK, room);
  let out: Uint8Array | 'over';
  try {
    out = inflater(bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize), limit);
  } catch (e) {
    return corrupt('deflate', entry, { message: messageOf(e) });
  }
  if (out === 'over' || out.length > limit) {
    const seen = out === 'over' ? limit + 1 : out.length;
    if (progress.total + seen > lim.maxInflatedBytes) return bomb('total', { inflatedMiB: mebibytes(progress.total + seen), entry: nameOf(entry) });
    return bomb('mismatch', { entry: nameOf(entry), declared, inflatedAtLeast: seen });
  }
  progress.total += out.length;
  return out.length === declared ? out : corrupt('size-mismatch', entry, { declared, actual: out.length });
}

/**
 * The zip again with every entry stored: the same names (their raw bytes), order, attributes and contents, the
 * deflated ones replaced by their checked output. No CRC-32s (0): the zip goes only to JSZip, which does not check
 * them unless asked (ExcelJS does not ask); no extra fields, comments or data descriptors.
 */
function storedZip(bytes: Uint8Array, entries: readonly ZipEntryInfo[], inflated: ReadonlyMap<ZipEntryInfo, Uint8Array>): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dataOf = (e: ZipEntryInfo): Uint8Array => inflated.get(e) ?? (e.method === STORED ? bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize) : new Uint8Array(0));
  const nameLength = (e: ZipEntryInfo): number => view.getUint16(e.centralOffset + 28, true);
  let size = 22;
  for (const e of entries) size += 30 + 46 + 2 * nameLength(e) + dataOf(e).length;
  if (size > 0xffffffff) throw new RangeError('too large to store without ZIP64');
  const out = new Uint8Array(size);
  const w = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  for (const e of entries) {
    const data = dataOf(e);
    const n = nameLength(e);
    offsets.push(p);
    w.setUint32(p, 0x04034b50, true);
    w.setUint16(p + 4, 20, true);
    w.setUint16(p + 6, e.flags & FLAG_UTF8, true);
    w.setUint32(p + 18, data.length, true);
    w.setUint32(p + 22, data.length, true);
    w.setUint16(p + 26, n, true);
    out.set(bytes.subarray(e.centralOffset + 46, e.centralOffset + 46 + n), p + 30);
    out.set(data, p + 30 + n);
    p += 30 + n + data.length;
  }
  const dirStart = p;
  entries.forEach((e, i) => {
    const c = e.centralOffset;
    const data = dataOf(e);
    const n = nameLength(e);
    w.setUint32(p, 0x02014b50, true);
    w.setUint16(p + 4, view.getUint16(c + 4, true), true); // made by: how the attributes below read
    w.setUint16(p + 6, 20, true);
    w.setUint16(p + 8, e.flags & FLAG_UTF8, true);
    w.setUint32(p + 20, data.length, true);
    w.setUint32(p + 24, data.length, true);
    w.setUint16(p + 28, n, true);
    w.setUint16(p + 36, view.getUint16(c + 36, true), true);
    w.setUint32(p + 38, view.getUint32(c + 38, true), true);
    w.setUint32(p + 42, offsets[i]!, true);
    out.set(bytes.subarray(c + 46, c + 46 + n), p + 46);
    p += 46 + n;
  });
  w.setUint32(p, 0x06054b50, true);
  w.setUint16(p + 8, entries.length, true);
  w.setUint16(p + 10, entries.length, true);
  w.setUint32(p + 12, p - dirStart, true);
  w.setUint32(p + 16, dirStart, true);
  return out;
}

/**
 * Inflates a raw deflate stream, handing the size of each output chunk to onChunk and dropping the chunk; stops
 * as soon as onChunk answers false. The input is fed in views of INPUT_CHUNK bytes as the inflater asks for more.
 */
async function inflate(data: Uint8Array, onChunk: (bytes: number) => boolean): Promise<'done' | 'stopped' | { error: string }> {
  let offset = 0;
  const source = new ReadableStream<InflaterInput>({
    pull(controller) {
      if (offset >= data.length) {
        controller.close();
        return;
      }
      const end = Math.min(data.length, offset + INPUT_CHUNK);
      controller.enqueue(data.subarray(offset, end) as InflaterInput);
      offset = end;
    },
  });
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = source.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  } catch (e) {
    return { error: messageOf(e) };
  }
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return 'done';
      if (!onChunk(value.byteLength)) {
        // Cancelling stops the inflater and the feeding; nothing more is inflated.
        await reader.cancel().catch(() => undefined);
        return 'stopped';
      }
    }
  } catch (e) {
    // Bad deflate data, or a stream that breaks off before its last block.
    await reader.cancel().catch(() => undefined);
    return { error: messageOf(e) };
  }
}

function corrupt(reason: string, entry: ZipEntryInfo, params: Record<string, string | number> = {}): FileError {
  return { code: 'corrupt', params: { reason, entry: nameOf(entry), ...params } };
}

function nameOf(entry: ZipEntryInfo): string {
  return entry.name.length > 200 ? `${entry.name.slice(0, 200)}…` : entry.name;
}

function messageOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
