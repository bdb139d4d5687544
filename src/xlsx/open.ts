/**
 * Opening a submitted workbook: the byte checks first (so a zip bomb or an encrypted file never reaches
 * ExcelJS), then an inflate of every entry that checks the real sizes against the declared ones (so a zip that
 * under-declares never reaches it either), then ExcelJS: given the parts that check inflated, stored, when the
 * caller has a native inflater (so nothing is inflated twice). Every failure becomes a FileError; this never
 * throws.
 */
import * as ExcelJS from 'exceljs';
import type { FileError } from '../core/i18n/fileErrors';
import { inflateVerified, type RawInflater } from './inflateGuard';
import { inspectXlsxBytes, type XlsxLimits } from './zipInspect';

export type OpenResult = { ok: true; workbook: ExcelJS.Workbook } | { ok: false; error: FileError };

/** What ExcelJS's load() is typed to take; at run time it (JSZip) takes any Uint8Array. */
type LoadInput = Parameters<ExcelJS.Xlsx['load']>[0];

export interface OpenOptions {
  /** A native synchronous inflater for the size checks (the command line passes node:zlib's); else they stream. */
  readonly inflater?: RawInflater;
}

export async function openWorkbook(bytes: Uint8Array | ArrayBuffer, limits?: Partial<XlsxLimits>, opts: OpenOptions = {}): Promise<OpenResult> {
  try {
    // isView, not instanceof: a Node Buffer or a typed array from another realm (iframe, test VM) is still bytes.
    const data = ArrayBuffer.isView(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
    const inspected = inspectXlsxBytes(data, limits);
    if (!inspected.ok) return inspected;
    // JSZip compares an entry's size with the declared one only after inflating it whole, into memory.
    const inflation = await inflateVerified(data, limits, opts.inflater);
    if (!inflation.ok) return inflation;

    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load((inflation.stored ?? data) as unknown as LoadInput);
    } catch (e) {
      return { ok: false, error: { code: 'corrupt', detail: 'content', params: { reason: messageOf(e) } } };
    }
    const empty = emptiness(workbook);
    return empty ? { ok: false, error: empty } : { ok: true, workbook };
  } catch (e) {
    // Not expected (the checks above are bounds-checked), but a reader must not crash a batch of files.
    return { ok: false, error: { code: 'corrupt', params: { reason: messageOf(e) } } };
  }
}

/** A workbook with nothing to check: no worksheets, or no cell holding a value in any of them. */
function emptiness(workbook: ExcelJS.Workbook): FileError | null {
  const sheets = workbook.worksheets;
  if (sheets.length === 0) return { code: 'empty', detail: 'no-sheets' };
  // actualRowCount counts only rows with a value: style-only rows do not count.
  return sheets.some((ws) => ws.actualRowCount > 0) ? null : { code: 'empty' };
}

function messageOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
