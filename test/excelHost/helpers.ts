/** Shared helpers of the excelHost tests: a host over a small workbook, and catching sync errors. */
import { createExcelHost, workbookModel, type ExcelHostOptions, type WorkbookSpec } from '../../src/excelHost';

export function hostWith(spec: WorkbookSpec = { sheets: [{ name: 'Sheet1' }] }, options?: ExcelHostOptions) {
  return createExcelHost(workbookModel(spec), options);
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<{ code: string; message: string; debugInfo: { code: string; message: string; errorLocation?: string } }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string; debugInfo: { code: string; message: string; errorLocation?: string } };
  }
  throw new Error('expected the promise to reject');
}

/** The error a function throws synchronously. */
export function thrown(f: () => unknown): { code: string; message: string; name: string } {
  try {
    f();
  } catch (e) {
    return e as { code: string; message: string; name: string };
  }
  throw new Error('expected a throw');
}
