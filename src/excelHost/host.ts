/**
 * createExcelHost: Excel.run, Office and OfficeExtension over an in-memory workbook, for tests of the Office.js
 * adapter and for the demo page. Typed so that the adapter's code, written against @types/office-js, runs on it:
 * `Excel.run` hands the batch an `Excel.RequestContext` (the host's own objects behind it; what is covered is
 * listed in README.md of this folder).
 */
import { ErrorCodes, officeError } from './errors';
import { emptyWorkbookModel, type HostWorkbookModel } from './model';
import { HostWorkbook } from './objects/workbook';
import { officeExtensionNamespace, officeNamespace, type HostOfficeExtensionNamespace, type HostOfficeNamespace, type HostPlatform } from './office';
import { parseSavedModel, replaceModel, saveModel } from './persistence';
import { HostClientObject } from './runtime/clientObject';
import { HostRequestContext, HostStats, type HostRuntime } from './runtime/context';
import { PAYLOAD_LIMIT_BYTES } from './runtime/payload';
import { DEFAULT_REQUIREMENT_SETS, RequirementSets, type RequirementSetVersions } from './runtime/requirements';

export interface ExcelHostOptions {
  /** Highest version of each requirement set, e.g. { ExcelApi: '1.17' } to run without notes. Default ExcelApi 1.18. */
  requirementSets?: RequirementSetVersions;
  /** Office.context.displayLanguage; default 'ja-JP'. */
  displayLanguage?: string;
  /** Office.onReady's platform; default 'OfficeOnline' (Excel on the web, where the 5 MB limits apply). */
  platform?: HostPlatform;
  /** Request and response limits in bytes; default 5 MB each. */
  requestLimitBytes?: number;
  responseLimitBytes?: number;
}

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

/** The members of the Excel namespace the host provides (enums as the typings declare them). */
export interface HostExcelNamespace {
  run<T>(batch: Batch<T>): Promise<T>;
  run<T>(object: OfficeExtension.ClientObject | OfficeExtension.ClientObject[] | OfficeExtension.ClientRequestContext | Excel.RunOptions, batch: Batch<T>): Promise<T>;
  readonly RequestContext: new () => Excel.RequestContext;
  readonly InsertShiftDirection: typeof Excel.InsertShiftDirection;
  readonly DeleteShiftDirection: typeof Excel.DeleteShiftDirection;
  readonly ClearApplyTo: typeof Excel.ClearApplyTo;
  readonly SheetVisibility: typeof Excel.SheetVisibility;
  readonly RangeValueType: typeof Excel.RangeValueType;
  readonly NamedItemType: typeof Excel.NamedItemType;
  readonly ErrorCodes: typeof Excel.ErrorCodes;
}

export interface ExcelHost {
  readonly Excel: HostExcelNamespace;
  readonly Office: HostOfficeNamespace;
  readonly OfficeExtension: HostOfficeExtensionNamespace;
  /** The workbook, live: what the commands of every sync change. */
  readonly model: HostWorkbookModel;
  readonly stats: HostStats;
  /** The workbook as JSON (save). */
  saveState(): string;
  /** Replaces the workbook with a saved one (reopen). */
  loadState(json: string): void;
  /** Puts Excel, Office and OfficeExtension on a global object (the demo page, code that uses the globals). */
  installGlobals(target?: object): () => void;
}

const enumObject = <T>(o: Record<string, string>): T => Object.freeze({ ...o }) as unknown as T;

export function createExcelHost(model: HostWorkbookModel = emptyWorkbookModel(), options: ExcelHostOptions = {}): ExcelHost {
  const requirements = new RequirementSets({ ...DEFAULT_REQUIREMENT_SETS, ...(options.requirementSets ?? {}) });
  const stats = new HostStats();
  const runtime: HostRuntime = {
    model,
    requirements,
    stats,
    requestLimit: options.requestLimitBytes ?? PAYLOAD_LIMIT_BYTES,
    responseLimit: options.responseLimitBytes ?? PAYLOAD_LIMIT_BYTES,
  };
  const newContext = (): HostRequestContext => new HostRequestContext(runtime, (ctx) => new HostWorkbook(ctx));

  async function run<T>(first: unknown, second?: unknown): Promise<T> {
    const batch = (typeof first === 'function' ? first : second) as ((ctx: unknown) => unknown) | undefined;
    if (typeof batch !== 'function') throw officeError('InvalidArgument', 'Excel.run');
    let context: HostRequestContext;
    if (first instanceof HostRequestContext) context = first;
    else if (first instanceof HostClientObject) context = first.context;
    else if (Array.isArray(first) && first[0] instanceof HostClientObject) context = (first[0] as HostClientObject<unknown>).context;
    else context = newContext();
    const result = batch(context);
    if (!result || typeof (result as { then?: unknown }).then !== 'function') throw officeError('RunMustReturnPromise', 'Excel.run');
    const value = (await result) as T;
    // Excel.run sends what the batch left queued.
    if (context._hasPending()) await context.sync();
    return value;
  }

  const Excel: HostExcelNamespace = {
    run: run as HostExcelNamespace['run'],
    RequestContext: function RequestContext() {
      return newContext();
    } as unknown as new () => Excel.RequestContext,
    InsertShiftDirection: enumObject({ down: 'Down', right: 'Right' }),
    DeleteShiftDirection: enumObject({ up: 'Up', left: 'Left' }),
    ClearApplyTo: enumObject({ all: 'All', formats: 'Formats', contents: 'Contents', hyperlinks: 'Hyperlinks', removeHyperlinks: 'RemoveHyperlinks', resetContents: 'ResetContents' }),
    SheetVisibility: enumObject({ visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' }),
    RangeValueType: enumObject({ unknown: 'Unknown', empty: 'Empty', string: 'String', integer: 'Integer', double: 'Double', boolean: 'Boolean', error: 'Error', richValue: 'RichValue' }),
    NamedItemType: enumObject({ string: 'String', integer: 'Integer', double: 'Double', boolean: 'Boolean', range: 'Range', error: 'Error', array: 'Array' }),
    ErrorCodes: enumObject({ ...ErrorCodes, nonBlankCellOffSheet: 'NonBlankCellOffSheet', unsupportedOperation: 'UnsupportedOperation' }),
  };
  const Office = officeNamespace(requirements, options.displayLanguage ?? 'ja-JP', options.platform ?? 'OfficeOnline');
  const OfficeExtension = officeExtensionNamespace();

  return {
    Excel,
    Office,
    OfficeExtension,
    model,
    stats,
    saveState: () => saveModel(model),
    loadState: (json) => replaceModel(model, parseSavedModel(json)),
    installGlobals(target: object = globalThis) {
      const g = target as Record<string, unknown>;
      const before = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
      g.Excel = Excel;
      g.Office = Office;
      g.OfficeExtension = OfficeExtension;
      return () => Object.assign(g, before);
    },
  };
}
