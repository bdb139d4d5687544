/**
 * Errors as Office.js raises them: an OfficeExtension.Error ("RichApi.Error") with Excel's code and English
 * message, and debugInfo {code, message, errorLocation}. Messages are the ones Excel gives (Office's error-code
 * reference and the strings of office.js); code is what callers should branch on.
 */

export const ErrorCodes = {
  accessDenied: 'AccessDenied',
  apiNotFound: 'ApiNotFound',
  generalException: 'GeneralException',
  insertDeleteConflict: 'InsertDeleteConflict',
  invalidArgument: 'InvalidArgument',
  invalidOperation: 'InvalidOperation',
  invalidReference: 'InvalidReference',
  invalidRequestContext: 'InvalidRequestContext',
  invalidObjectPath: 'InvalidObjectPath',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  notImplemented: 'NotImplemented',
  propertyNotLoaded: 'PropertyNotLoaded',
  rangeExceedsLimit: 'RangeExceedsLimit',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  runMustReturnPromise: 'RunMustReturnPromise',
  valueNotLoaded: 'ValueNotLoaded',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

const MESSAGES: Record<ErrorCode, string> = {
  AccessDenied: 'You cannot perform the requested operation.',
  ApiNotFound:
    'The API you are trying to use could not be found. It may be available in a newer version of Excel. Please refer to the documentation: "http://go.microsoft.com/fwlink/?LinkId=830429" for more information.',
  GeneralException: 'There was an internal error while processing the request.',
  InsertDeleteConflict: 'The insert or delete operation attempted resulted in a conflict.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The operation attempted is invalid on the object.',
  InvalidReference: 'This reference is not valid for the current operation.',
  InvalidRequestContext: 'Cannot use the object across different request contexts.',
  InvalidObjectPath: "The object path isn't working for what you're trying to do. If you're using the object across multiple \"context.sync\" calls and outside the sequential execution of a \".run\" batch, please use the \"context.trackedObjects.add()\" and \"context.trackedObjects.remove()\" methods to manage the object's lifetime.",
  ItemAlreadyExists: 'A resource with the same name or identifier already exists.',
  ItemNotFound: "The requested resource doesn't exist.",
  NotImplemented: "The requested feature isn't implemented.",
  PropertyNotLoaded:
    'The property \'{0}\' is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
  RangeExceedsLimit: 'The cell count in the range has exceeded the maximum supported number.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  ValueNotLoaded: 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
};

export interface HostDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

/** OfficeExtension.Error as the host raises it; `instanceof host.OfficeExtension.Error` holds. */
export class HostOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: HostDebugInfo;
  traceMessages: string[] = [];
  readonly innerError: HostOfficeError | null = null;

  constructor(code: ErrorCode | string, message?: string, errorLocation?: string) {
    const text = message ?? MESSAGES[code as ErrorCode] ?? code;
    super(text);
    // office.js names its errors so; the typings say "OfficeExtension.Error".
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = errorLocation === undefined ? { code, message: text } : { code, message: text, errorLocation };
  }

  override toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

export function officeError(code: ErrorCode, errorLocation?: string, message?: string): HostOfficeError {
  return new HostOfficeError(code, message, errorLocation);
}

/** Thrown synchronously by a property read, as office.js does. */
export function propertyNotLoaded(property: string, typeName?: string): HostOfficeError {
  const message = MESSAGES.PropertyNotLoaded.replace('{0}', property);
  return new HostOfficeError('PropertyNotLoaded', message, typeName ? `${typeName}.${property}` : property);
}

export function valueNotLoaded(): HostOfficeError {
  return new HostOfficeError('ValueNotLoaded', undefined, 'ClientResult.value');
}

/** What office.js throws, before anything is queued, for an API of a requirement set the host lacks. */
export function apiNotFound(api: string, set: string, version: string): HostOfficeError {
  return new HostOfficeError(
    'ApiNotFound',
    `The method or property ${api} is part of the ${set} ${version} requirement set, which is not available in your version of Excel.`,
    api,
  );
}

export function dimensionMismatch(errorLocation: string): HostOfficeError {
  return new HostOfficeError(
    'InvalidArgument',
    "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    errorLocation,
  );
}
