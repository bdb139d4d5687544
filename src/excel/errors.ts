/**
 * What can go wrong talking to Excel, as messages an official understands. Office's error codes are mapped to our
 * keys (ui.error.*), with Excel's own text kept for the details.
 */
export type AddinErrorKey = 'readOnly' | 'protected' | 'sheetMissing' | 'rangeInvalid' | 'payload' | 'selection' | 'busy' | 'unknown';

export class AddinError extends Error {
  constructor(
    readonly key: AddinErrorKey,
    readonly params: Record<string, string>,
    readonly officeCode?: string,
  ) {
    super(`${key}${officeCode ? ` (${officeCode})` : ''}`);
    this.name = 'AddinError';
  }
}

const BY_CODE: Record<string, AddinErrorKey> = {
  AccessDenied: 'protected',
  ItemNotFound: 'sheetMissing',
  InvalidArgument: 'rangeInvalid',
  InvalidReference: 'rangeInvalid',
  RequestPayloadSizeLimitExceeded: 'payload',
  ResponsePayloadSizeLimitExceeded: 'payload',
  EditModeCannotAcquireLock: 'busy',
  InvalidOperationInCellEditMode: 'busy',
};

/** An error thrown by Excel.run / context.sync, as an AddinError. */
export function fromOfficeError(e: unknown): AddinError {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
  const message = e instanceof Error ? e.message : String(e);
  return new AddinError((code && BY_CODE[code]) || 'unknown', { message }, code);
}
