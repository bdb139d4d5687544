/**
 * Reading an input file from disk for the command line. Stats first, so a directory, a missing file or a file
 * over the size limit is reported without reading it. Never throws.
 *
 * Synchronous calls behind an async signature: the command line reads one file at a time per thread and has
 * nothing to do meanwhile, and an async call's round trip through libuv's thread pool costs more than reading a
 * submission of a few dozen KB (a batch reads hundreds).
 */
import * as fs from 'fs';
import { inflateRawSync } from 'node:zlib';
import type { FileError } from '../core/i18n/fileErrors';
import type { RawInflater } from '../xlsx/inflateGuard';
import { fileTooLarge, resolveLimits, type XlsxLimits } from '../xlsx/zipInspect';

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; error: FileError };

export async function readInputFile(path: string, limits?: Partial<XlsxLimits>): Promise<ReadResult> {
  const { maxFileBytes } = resolveLimits(limits);
  try {
    const stat = fs.statSync(path);
    if (stat.isDirectory()) return { ok: false, error: { code: 'unreadable', detail: 'directory' } };
    // A FIFO or a device would block or never end.
    if (!stat.isFile()) return { ok: false, error: { code: 'unreadable', detail: 'not-a-file' } };
    if (stat.size > maxFileBytes) return { ok: false, error: fileTooLarge(stat.size, maxFileBytes) };
    const buf = fs.readFileSync(path);
    // The file may have grown since the stat.
    if (buf.length > maxFileBytes) return { ok: false, error: fileTooLarge(buf.length, maxFileBytes) };
    return { ok: true, bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) };
  } catch (e) {
    return { ok: false, error: errorOf(e) };
  }
}

function errorOf(e: unknown): FileError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const reason = e instanceof Error ? e.message : String(e);
  if (code === 'ENOENT' || code === 'ENOTDIR') return { code: 'not-found' };
  if (code === 'EISDIR') return { code: 'unreadable', detail: 'directory' };
  if (code === 'EACCES' || code === 'EPERM') return { code: 'unreadable', detail: 'permission', params: { reason } };
  return { code: 'unreadable', params: { reason } };
}

/**
 * node:zlib's inflater for the zip-bomb checks (src/xlsx/inflateGuard.ts): native and synchronous, it stops by
 * itself past maxOutputLength. Passed to openWorkbook by the command line; src/xlsx stays free of Node.
 */
export const nodeInflater: RawInflater = (data, limit) => {
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return 'over';
    throw e;
  }
};
