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
 * zlib, fs or path here.
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

/**
 * Entries inflated at the same time. Most of an entry's cost in a small workbook is latency (the inflater's set-up
 * and its round trips to a worker thread in Node), which overlaps; memory stays a few chunks per entry.
 */
const CONCURRENCY = 4;

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
export async function verifyInflation(bytes: Uint8Array, limits?: Partial<XlsxLimits>): Promise<FileError | null> {
  const lim = resolveLimits(limits);
  const listing = listZipEntries(bytes, lim);
  if (!listing.ok) return listing.error;

  // What needs no inflating first: the flags, the method, and the stored entries (their data is their size).
  const progress: Progress = { total: 0, stopped: false };
  const deflated: ZipEntryInfo[] = [];
  for (const entry of listing.entries) {
    if (entry.flags & FLAG_ENCRYPTED) return corrupt('encrypted-entry', entry);
    if (entry.method !== STORED && entry.method !== DEFLATED) {
      return { code: 'not-xlsx', detail: 'compression', params: { method: entry.method, entry: nameOf(entry) } };
    }
    if (entry.method === DEFLATED && entry.compressedSize > 0) {
      deflated.push(entry);
      continue;
    }
    // Stored data is its own size, already in the file; nothing deflated inflates to nothing.
    const size = entry.method === STORED ? entry.compressedSize : 0;
    if (size !== entry.uncompressedSize) return corrupt('size-mismatch', entry, { declared: entry.uncompressedSize, actual: size });
    progress.total += size;
    if (progress.total > lim.maxInflatedBytes) return bomb('total', { inflatedMiB: mebibytes(progress.total), entry: nameOf(entry) });
  }
  if (deflated.length === 0) return null;
  if (typeof DecompressionStream !== 'function' || typeof ReadableStream !== 'function') {
    // Without a streaming inflater the real sizes cannot be checked: refuse rather than open unchecked.
    return { code: 'unreadable', detail: 'environment', params: { reason: 'no-decompression-stream' } };
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
  return failures.find((f) => f) ?? null;
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
