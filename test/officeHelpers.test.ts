/** Presets through @microsoft/office-js-helpers' Storage: saved under a name, read back through the schema. */
import { presetStore, whereRunning } from '../src/taskpane/officeHelpers';
import { sampleMapping } from './helpers/samples';

test('a preset is saved, listed, applied and removed; a damaged one is refused', () => {
  const store = presetStore();
  const mapping = sampleMapping('jigyo-keikaku-r6');
  store.save('事業計画書（令和6年度様式）', mapping);
  expect(store.names()).toContain('事業計画書（令和6年度様式）');
  expect(store.get('事業計画書（令和6年度様式）')).toEqual(mapping);
  store.save('壊れたもの', { version: 1, tables: [{ kind: 'budget' }] } as never);
  expect(store.get('壊れたもの')).toBeNull();
  store.remove('事業計画書（令和6年度様式）');
  store.remove('壊れたもの');
  expect(store.names()).toEqual([]);
});

test('where the pane runs: outside Office the helpers say so, without throwing', () => {
  expect(typeof whereRunning()).toBe('string');
});
