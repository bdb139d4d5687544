/**
 * The engine runs where the task pane runs: built for the web by webpack (no Node polyfills), then executed in a
 * bare JavaScript context that has no require, process, Buffer or fs, on a sheet shaped like the 事業計画書.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import webpack from 'webpack';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../webpack.config.js');

function build(outDir: string): Promise<webpack.Stats> {
  return new Promise((resolve, reject) => {
    webpack(config({ only: 'core', outDir }, { mode: 'development' }), (err, stats) => (err ? reject(err) : resolve(stats!)));
  });
}

test('the core bundle builds for the browser and checks a budget block in a context without Node', async () => {
  const outDir = mkdtempSync(path.join(tmpdir(), 'tassei-web-'));
  const stats = await build(outDir);
  expect(stats.hasErrors() ? stats.toString('errors-only') : '').toBe('');
  const code = readFileSync(path.join(outDir, 'tassei-core.js'), 'utf8');

  const sandbox: Record<string, unknown> = { Intl, console: { log() {}, info() {}, warn() {}, error() {} } };
  sandbox.globalThis = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(code, sandbox);
  const core = sandbox.TasseiCore as typeof import('../src/core');
  expect(typeof core.checkWorkbook).toBe('function');
  expect(vm.runInContext('typeof require + typeof process + typeof Buffer', sandbox)).toBe('undefinedundefinedundefined');

  const rows: (string | number | null)[][] = [
    ['年度', '番号', '財源', '事業名', '事業費(単位:千円)', '継続・新規'],
    ['令和6年度', 2, '国', '事業承継・引継ぎ支援センター事業', '95,249', '継続'],
    [null, null, null, '前年度事業名', '事業費(単位:千円)', '前年度比'],
    [null, null, null, '同上', '102,382', '▲ 7,000'],
  ];
  const cell = (r: number, c: number) => {
    const v = rows[r - 1]?.[c - 1] ?? null;
    return v === null ? { kind: 'empty' } : typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'text', text: v };
  };
  const sheet = { name: '事業計画', rowCount: 4, columnCount: 6, cell, isRowHidden: () => false, mergedArea: () => null };
  const mapping = core.parseMapping({
    version: 1,
    tables: [{ kind: 'budget', sheet: '事業計画', layout: 'blocks', unitHeader: 'E1', projects: [{ name: 'D2', source: 'C2', fy: 'A2', amount: 'E2', previousAmount: 'E4', statedChange: 'F4' }] }],
  });
  if (!mapping.ok) throw new Error(JSON.stringify(mapping.issues));
  const result = core.checkWorkbook({ sheets: [sheet as never], sheet: (n: string) => (n === sheet.name ? (sheet as never) : undefined) }, mapping.mapping);
  const report = core.fileReport('事業計画.xlsx', result);
  expect(result.budgets[0]).toMatchObject({ amount: 95249, previousAmount: 102382, change: -7133, statedChange: -7000, fy: 2024, unit: '千円' });
  expect(report.findings.map((f) => f.message)).toEqual(['前年度比 ▲ 7,000 と計算値 ▲ 7,133 が一致しません']);
}, 180_000);
