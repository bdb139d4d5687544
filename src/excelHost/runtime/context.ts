/**
 * RequestContext and sync(): the queue of commands, sent as one request; Excel runs them in order and stops at
 * the first that fails — the ones before it stay applied (no rollback), the sync rejects with that error. A
 * request or response over 5 MB is refused whole. Each round trip is counted in the host's stats.
 */
import { HostOfficeError, officeError } from '../errors';
import type { HostSheet, HostWorkbookModel } from '../model';
import { HostClientObject, type Command, type CommandResult } from './clientObject';
import { jsonLength } from './payload';
import type { RequirementSets } from './requirements';

export interface SyncRecord {
  /** Bytes of the request: the JSON of the queued commands, with the values they write. */
  readonly requestBytes: number;
  /** Bytes of the response: the JSON of what was loaded (0 when the request was refused). */
  responseBytes: number;
  readonly commands: number;
  /** The error code, when the sync failed. */
  error?: string;
}

export class HostStats {
  readonly syncs: SyncRecord[] = [];

  /** Round trips: syncs that had something to send (an empty sync costs nothing in office.js). */
  get syncCount(): number {
    return this.syncs.length;
  }

  get requestBytes(): number {
    return this.syncs.reduce((s, r) => s + r.requestBytes, 0);
  }

  get responseBytes(): number {
    return this.syncs.reduce((s, r) => s + r.responseBytes, 0);
  }

  reset(): void {
    this.syncs.length = 0;
  }
}

export interface HostRuntime {
  readonly model: HostWorkbookModel;
  readonly requirements: RequirementSets;
  readonly stats: HostStats;
  readonly requestLimit: number;
  readonly responseLimit: number;
}

/** One sync's run over the workbook. */
export class Execution {
  /** Each proxy's target in this sync (null: a null object). */
  readonly memo = new Map<HostClientObject<unknown>, unknown>();
  readonly traces: string[] = [];

  constructor(readonly runtime: HostRuntime) {}

  get model(): HostWorkbookModel {
    return this.runtime.model;
  }

  /** A change to cells of a sheet: refused in a read-only workbook and on a protected sheet. */
  requireWritable(location: string, sheet?: HostSheet): void {
    if (this.model.readOnly) throw officeError('AccessDenied', location);
    if (sheet?.protected) throw officeError('AccessDenied', location);
  }

  /** Adding, deleting, renaming, moving or hiding sheets: refused when the workbook's structure is protected. */
  requireStructureWritable(location: string): void {
    if (this.model.readOnly || this.model.protected) throw officeError('AccessDenied', location);
  }
}

function describe(c: Command): string {
  const target = c.target?._path ?? 'context';
  switch (c.action) {
    case 'set':
      return `${target}.${c.name} = ...;`;
    case 'method':
      return `${target}.${c.name}(...);`;
    case 'load':
      return `${target}.load(${JSON.stringify(c.args[0])});`;
    case 'instantiate':
      return `// Instantiate {${target}}`;
    default:
      return `context.trace(...);`;
  }
}

/** Proxies in a request are sent as their paths. */
function wireReplacer(_key: string, value: unknown): unknown {
  return value instanceof HostClientObject ? { _ObjectPath: value._path } : value;
}

export class HostRequestContext {
  private pending: Command[] = [];
  private workbookProxy: unknown;
  /** office.js's tracked objects: kept for the API's shape; nothing needs releasing in memory. */
  readonly trackedObjects = { add: (_o: unknown): void => undefined, remove: (_o: unknown): void => undefined };
  requestHeaders: Record<string, string> = {};

  constructor(
    readonly _runtime: HostRuntime,
    private readonly makeWorkbook: (context: HostRequestContext) => unknown,
  ) {}

  get workbook(): unknown {
    this.workbookProxy ??= this.makeWorkbook(this);
    return this.workbookProxy;
  }

  get debugInfo(): { pendingStatements: string[] } {
    return { pendingStatements: this.pending.map(describe) };
  }

  load(object: HostClientObject<unknown>, option?: Parameters<HostClientObject<unknown>['load']>[0]): void {
    object.load(option);
  }

  trace(message: string): void {
    this._queue({ target: null, action: 'trace', name: 'trace', args: [message], run: (exec) => void exec.traces.push(message) });
  }

  _queue(command: Command): void {
    this.pending.push(command);
  }

  _hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** office.js refuses, at the call, an object of another request context as an argument. */
  _checkSameContext(args: readonly unknown[]): void {
    for (const a of args) {
      if (a instanceof HostClientObject && a.context !== this) throw officeError('InvalidRequestContext');
    }
  }

  sync<T>(passThroughValue?: T): Promise<T> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return Promise.resolve(passThroughValue as T);
    const runtime = this._runtime;
    const wire = batch.map((c, i) => ({ Id: i + 1, ActionType: c.action, ObjectPath: c.target?._path ?? null, Name: c.name, Args: c.args }));
    const record: SyncRecord = { requestBytes: jsonLength(wire, wireReplacer), responseBytes: 0, commands: batch.length };
    runtime.stats.syncs.push(record);

    let error: Error | null = null;
    const results: CommandResult[] = [];
    const exec = new Execution(runtime);
    if (record.requestBytes > runtime.requestLimit) {
      // Refused before anything runs.
      error = officeError('RequestPayloadSizeLimitExceeded');
    } else {
      for (const command of batch) {
        try {
          const r = command.run(exec);
          if (r) results.push(r);
        } catch (e) {
          error = asOfficeError(e, command);
          break;
        }
      }
      if (!error) {
        record.responseBytes = jsonLength(results.map((r) => r.json));
        // The commands ran; only their answer is refused.
        if (record.responseBytes > runtime.responseLimit) error = officeError('ResponsePayloadSizeLimitExceeded');
      }
    }
    if (error instanceof HostOfficeError) {
      record.error = error.code;
      error.traceMessages = exec.traces.slice();
    } else if (error) record.error = 'HostBug';
    const failed = error;
    // The answer arrives later, as from Excel: loaded values show only once the promise settles.
    return Promise.resolve().then(() => {
      if (failed) throw failed;
      for (const [object, target] of exec.memo) object._isNull = target === null;
      for (const r of results) r.apply();
      return passThroughValue as T;
    });
  }
}

function asOfficeError(e: unknown, command: Command): Error {
  if (e instanceof HostOfficeError) {
    if (e.debugInfo.errorLocation === undefined && command.target) e.debugInfo.errorLocation = `${command.target._typeName}.${command.name}`;
    e.debugInfo.statement = describe(command);
    return e;
  }
  // A bug of the host is not an Excel error: it goes out as it is, so that tests show it.
  return e instanceof Error ? e : new Error(String(e));
}
