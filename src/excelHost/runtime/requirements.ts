/**
 * Requirement sets: what Office.context.requirements.isSetSupported answers, and the check office.js makes
 * before an API of a newer set is even queued (it throws ApiNotFound at the call, synchronously).
 */
import { apiNotFound } from '../errors';

export type RequirementSetVersions = Readonly<Record<string, string>>;

/** Excel on the web today: ExcelApi up to 1.18 (notes), plus the shared sets the add-in may ask about. */
export const DEFAULT_REQUIREMENT_SETS: RequirementSetVersions = { ExcelApi: '1.18', DialogApi: '1.2', SharedRuntime: '1.1', RibbonApi: '1.1' };

function parts(version: string | number): number[] {
  return String(version)
    .split('.')
    .map((p) => Number(p) || 0);
}

/** a >= b, comparing "1.10" after "1.9". */
export function versionAtLeast(a: string | number, b: string | number): boolean {
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

export class RequirementSets {
  constructor(private readonly sets: RequirementSetVersions) {}

  isSetSupported(name: string, minVersion?: string | number): boolean {
    const key = Object.keys(this.sets).find((k) => k.toLowerCase() === String(name).toLowerCase());
    if (key === undefined) return false;
    return minVersion === undefined || minVersion === null || minVersion === '' ? true : versionAtLeast(this.sets[key]!, minVersion);
  }

  /** office.js's throwIfApiNotSupported: the API exists on the object, but calling it throws ApiNotFound. */
  requireApi(api: string, version: string, set = 'ExcelApi'): void {
    if (!this.isSetSupported(set, version)) throw apiNotFound(api, set, version);
  }
}
