/**
 * The part of @microsoft/office-js-helpers the add-in uses, typed here. The package's own typings reference an old
 * office-js (0.0.51) and rxjs 5 and would clash with @types/office-js: tsconfig.json maps the package's name to this
 * file ("paths"), so they never enter the compile. Only src/taskpane/officeHelpers.ts imports the package.
 */
export declare enum StorageType {
  LocalStorage = 0,
  SessionStorage = 1,
  InMemoryStorage = 2,
}

export declare class Storage<T> {
  constructor(container: string, type?: StorageType);
  get(key: string): T;
  set(key: string, value: T): T;
  delete(key: string): T;
  has(key: string): boolean;
  keys(): string[];
  readonly count: number;
}

export declare class Utilities {
  static readonly host: string;
  static readonly platform: string;
  static readonly isAddin: boolean;
}
