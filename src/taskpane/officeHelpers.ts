/**
 * The one module that uses @microsoft/office-js-helpers (an archived library: kept to what it still does well).
 * - Presets: mappings the user saves under a name in the browser's storage, to apply to the next workbook of the
 *   same form (the mapping inside a workbook travels with that workbook; a preset stays with the user).
 * - Where the pane runs: host and platform as the helpers detect them, shown in the pane and kept with errors.
 */
import { Storage, StorageType, Utilities } from '@microsoft/office-js-helpers';
import { parseMapping, type Mapping } from '../core';

const CONTAINER = 'tassei-presets';

export interface PresetStore {
  names(): string[];
  get(name: string): Mapping | null;
  save(name: string, mapping: Mapping): void;
  remove(name: string): void;
}

/** Presets in localStorage (in memory where the browser refuses storage, e.g. a locked-down profile). */
export function presetStore(): PresetStore {
  let store: Storage<unknown>;
  try {
    store = new Storage<unknown>(CONTAINER, StorageType.LocalStorage);
  } catch {
    store = new Storage<unknown>(CONTAINER, StorageType.InMemoryStorage);
  }
  // The library's keys() and has() do not work on every storage (keys() misses in-memory items, has() is true for
  // a missing localStorage item): the names are kept in an index of our own.
  const INDEX = '~index';
  const names = (): string[] => {
    const v = store.get(INDEX);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  };
  return {
    names: () => names().sort((a, b) => a.localeCompare(b, 'ja')),
    // A stored preset is read back through the schema: storage is user data, not trusted code.
    get(name) {
      if (!names().includes(name)) return null;
      const parsed = parseMapping(store.get(name));
      return parsed.ok ? parsed.mapping : null;
    },
    save(name, mapping) {
      store.set(name, mapping);
      if (!names().includes(name)) store.set(INDEX, [...names(), name]);
    },
    remove(name) {
      if (!names().includes(name)) return;
      store.delete(name);
      store.set(INDEX, names().filter((n) => n !== name));
    },
  };
}

/** "Excel · OfficeOnline": where the pane runs, as office-js-helpers detects it. */
export function whereRunning(): string {
  try {
    return [Utilities.host, Utilities.platform].filter(Boolean).join(' · ');
  } catch {
    return '';
  }
}
