/**
 * The custom functions as Excel gets them: webpack builds the functions part of the add-in (--env only=functions,
 * production, as `npm run build` does), custom-functions-metadata-plugin writes functions.json from the JSDoc of
 * src/functions/functions.ts and appends CustomFunctions.associate calls to the bundle. Checked: functions.json lists
 * the six functions with their parameters (optional ones marked, ranges accepted, results as arrays), in the same
 * order as the core's catalogue; the built functions.js, run in a fresh JavaScript context with a runtime that
 * records associations, associates each id with a function that computes.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import webpack from 'webpack';
import { FORMULA_FUNCTIONS } from '../src/core';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../webpack.config.js');

interface Parameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { dimensionality?: string; type?: string };
}

let outDir: string;
let metadata: { functions: FunctionMetadata[] };
let bundle: string;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'tassei-functions-'));
  await new Promise<void>((resolve, reject) => {
    webpack(config({ only: 'functions', outDir }, { mode: 'production' }), (err, stats) => {
      if (err) reject(err);
      else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve();
    });
  });
  metadata = JSON.parse(readFileSync(path.join(outDir, 'functions.json'), 'utf8')) as { functions: FunctionMetadata[] };
  bundle = readFileSync(path.join(outDir, 'functions.js'), 'utf8');
}, 120_000);

test('functions.json lists RATIO, STATUS, VALUE, UNIT, FY and CHANGE, with their parameters as the core names them', () => {
  expect(metadata.functions.map((f) => f.id)).toEqual(Object.keys(FORMULA_FUNCTIONS));
  for (const f of metadata.functions) {
    const spec = FORMULA_FUNCTIONS[f.id as keyof typeof FORMULA_FUNCTIONS];
    expect(f.name).toBe(f.id);
    expect(f.description).toMatch(/[ぁ-んァ-ン一-龥].*[A-Za-z]/); // Japanese, then English
    expect({ id: f.id, params: f.parameters.map((p) => p.name) }).toEqual({ id: f.id, params: [...spec.params] });
    f.parameters.forEach((p, i) => {
      // Every parameter takes a cell or a range, of any type (numbers, and text such as "50 件").
      expect({ id: f.id, name: p.name, type: p.type, dimensionality: p.dimensionality, optional: p.optional === true }).toEqual({
        id: f.id,
        name: p.name,
        type: 'any',
        dimensionality: 'matrix',
        optional: i >= spec.required,
      });
      expect(p.description?.length).toBeGreaterThan(5);
    });
    expect(f.result.dimensionality).toBe('matrix'); // a range in, a range out
  }
});

test('the built functions.js associates each id with its function, and the functions compute', () => {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  class RuntimeError {
    constructor(readonly code: string, readonly message?: string) {}
  }
  const CustomFunctions = {
    associate: (id: string, f: (...args: unknown[]) => unknown) => void associated.set(id, f),
    Error: RuntimeError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!', divisionByZero: '#DIV/0!' },
  };
  const context = vm.createContext({ CustomFunctions, Office: { context: { displayLanguage: 'ja-JP' } } });
  vm.runInContext(bundle, context, { filename: 'functions.js' });
  expect([...associated.keys()]).toEqual(metadata.functions.map((f) => f.id));
  const call = (id: string, ...args: unknown[]) => associated.get(id)!(...args);
  expect(call('RATIO', [['50 件'], ['80 社']], [['53 件'], ['73 社']])).toEqual([[0.94], [1.1]]);
  expect(call('STATUS', [['3 件']], [['5 件']])).toEqual([['未達成']]);
  expect(call('VALUE', [['７３，５９７千円']])).toEqual([[73597]]);
  expect(call('UNIT', [['１０５ 社']])).toEqual([['社']]);
  expect(call('FY', [['令和6年度', 'H27']])).toEqual([[2024, 2015]]);
  expect(call('CHANGE', [['▲ 1,234']], [['0']])).toEqual([[-1234]]);
  expect(() => call('VALUE', [['12a34']])).toThrow(expect.objectContaining({ code: '#VALUE!', message: '値: 数値として読めません: 「12a34」' }));
});

test('outside Excel (no CustomFunctions object) the script loads and registers nothing', () => {
  expect(() => vm.runInContext(bundle, vm.createContext({}), { filename: 'functions.js' })).not.toThrow();
});
