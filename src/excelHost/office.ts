/** The Office and OfficeExtension namespaces as the add-in sees them in the host (Office.onReady, requirements …). */
import { ErrorCodes, HostOfficeError } from './errors';
import { HostClientObject, HostClientResult } from './runtime/clientObject';
import { HostRequestContext } from './runtime/context';
import type { RequirementSets } from './runtime/requirements';

export const HOST_TYPES = { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' } as const;
export const PLATFORM_TYPES = { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' } as const;

export type HostPlatform = (typeof PLATFORM_TYPES)[keyof typeof PLATFORM_TYPES];

export interface HostOfficeInfo {
  host: Office.HostType;
  platform: Office.PlatformType;
}

export interface HostOfficeNamespace {
  onReady(callback?: (info: HostOfficeInfo) => void): Promise<HostOfficeInfo>;
  readonly context: {
    readonly displayLanguage: string;
    readonly contentLanguage: string;
    readonly host: Office.HostType;
    readonly platform: Office.PlatformType;
    readonly requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
    readonly diagnostics: { host: Office.HostType; platform: Office.PlatformType; version: string };
  };
  readonly HostType: typeof Office.HostType;
  readonly PlatformType: typeof Office.PlatformType;
}

export function officeNamespace(requirements: RequirementSets, displayLanguage: string, platform: HostPlatform): HostOfficeNamespace {
  const info = { host: 'Excel', platform } as unknown as HostOfficeInfo;
  return {
    onReady(callback) {
      // office.js calls back once the host is ready: on a later turn, never synchronously.
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
    context: {
      displayLanguage,
      contentLanguage: displayLanguage,
      host: info.host,
      platform: info.platform,
      requirements: { isSetSupported: (name, minVersion) => requirements.isSetSupported(name, minVersion) },
      diagnostics: { host: info.host, platform: info.platform, version: '16.0.0.0' },
    },
    HostType: HOST_TYPES as unknown as typeof Office.HostType,
    PlatformType: PLATFORM_TYPES as unknown as typeof Office.PlatformType,
  };
}

export interface HostOfficeExtensionNamespace {
  readonly Error: typeof HostOfficeError;
  readonly ErrorCodes: Record<string, string>;
  readonly ClientResult: typeof HostClientResult;
  readonly ClientObject: typeof HostClientObject;
  readonly ClientRequestContext: typeof HostRequestContext;
  readonly Promise: PromiseConstructor;
  readonly config: { extendedErrorLogging: boolean };
}

export function officeExtensionNamespace(): HostOfficeExtensionNamespace {
  return {
    Error: HostOfficeError,
    ErrorCodes: { ...ErrorCodes },
    ClientResult: HostClientResult,
    ClientObject: HostClientObject,
    ClientRequestContext: HostRequestContext,
    Promise,
    config: { extendedErrorLogging: false },
  };
}
