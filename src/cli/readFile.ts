/**
 * Reading an input file from disk for the command line. Stats first, so a directory, a missing file or a file
 * over the size limit is reported without reading it. Never throws.
 */
import { promises as fs } from 'fs';
import type { FileError } from '../core/i18n/fileErrors';
import { fileTooLarge, resolveLimits, type XlsxLimits } from '../xlsx/zipInspect';

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; error: FileError };

export async function readInputFile(path: string, limits?: Partial<XlsxLimits>): Promise<ReadResult> {
  const { maxFileBytes } = resolveLimits(limits);
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) return { ok: false, error: { code: 'unreadable', detail: 'directory' } };
    // A FIFO or a device would block or never end.
    if (!stat.isFile()) return { ok: false, error: { code: 'unreadable', detail: 'not-a-file' } };
    if (stat.size > maxFileBytes) return { ok: false, error: fileTooLarge(stat.size, maxFileBytes) };
    const buf = await fs.readFile(path);
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
