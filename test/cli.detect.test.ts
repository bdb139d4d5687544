/**
 * `tassei check FILE` with no --mapping and no sidecar detects the tables: the real command (dist/) on copies of
 * the samples without their .tassei.json, against the same command with the hand-made sidecars.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { workbookOfSheet } from './detection/xlsx';
import { SAMPLES, SAMPLE_NAMES } from './helpers/samples';
import { builtCases } from './detection/corpus';
import type { SheetGrid } from '../src/core';

const CLI = path.join(__dirname, '..', 'dist', 'cli', 'main.js');

function tassei(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function workdir(withSidecars: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tassei-detect-'));
  for (const name of SAMPLE_NAMES) {
    copyFileSync(path.join(SAMPLES, `${name}.xlsx`), path.join(dir, `${name}.xlsx`));
    if (withSidecars) copyFileSync(path.join(SAMPLES, `${name}.tassei.json`), path.join(dir, `${name}.tassei.json`));
  }
  return dir;
}

const files = SAMPLE_NAMES.map((n) => `${n}.xlsx`);

describe('tassei check without a mapping', () => {
  test('detects the tables: the same report as with the hand-made sidecars, and says the mapping was detected', () => {
    const detected = tassei(['check', '--json', ...files], workdir(false));
    const hand = tassei(['check', '--json', ...files], workdir(true));
    expect(detected.stderr).toBe('');
    expect(detected.code).toBe(hand.code);
    const a = JSON.parse(detected.stdout);
    const b = JSON.parse(hand.stdout);
    expect(a.totals).toEqual(b.totals);
    a.files.forEach((f: Record<string, unknown>, i: number) => {
      const g = b.files[i];
      expect(f.mapping).toBe('detected');
      expect(g.mapping).toBe(`${SAMPLE_NAMES[i]}.tassei.json`);
      for (const key of ['file', 'error', 'reportFy', 'tables', 'indicators', 'budgets', 'findings']) expect([key, f[key]]).toEqual([key, g[key]]);
    });
    const jigyo = a.files[2].detection;
    expect(jigyo.tables.map((t: { range: string; applied: boolean }) => [t.range, t.applied])).toEqual([
      ['A4:F127', true],
      ['A4:C11', true],
      ['A16:D19', true],
      ['A23:D26', true],
    ]);
    expect(jigyo.tables[0].reasons[0]).toBe('4行目に予算の見出し（事業名・事業費）');
    expect(a.files[0].detection.tables).toHaveLength(6);
    expect(a.files[1].detection.tables).toHaveLength(25);
  });

  test('the reasons follow --lang; a sidecar present is still used', () => {
    const dir = workdir(false);
    const en = JSON.parse(tassei(['check', '--json', '--lang', 'en', 'monitoring-r1.xlsx'], dir).stdout);
    expect(en.files[0].detection.tables[0].reasons[0]).toBe('Year headers on row 5 (2018, 2019, 2020, 2021)');
    const withSidecar = JSON.parse(tassei(['check', '--json', 'shisaku-322-r3.xlsx'], workdir(true)).stdout);
    expect(withSidecar.files[0].detection).toBeUndefined();
  });
});

/** A corpus sheet written as an .xlsx, as an official would send it. */
async function xlsxOf(sheet: SheetGrid, file: string): Promise<void> {
  writeFileSync(file, Buffer.from(await workbookOfSheet(ExcelJS.Workbook, sheet).xlsx.writeBuffer()));
}

test('the readable summary names what the user should confirm in a detected mapping', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tassei-detect-'));
  const c = builtCases().find((x) => x.id === 'direction')!;
  await xlsxOf(c.sheets[0]!, path.join(dir, 'direction.xlsx'));
  const ja = tassei(['check', 'direction.xlsx'], dir);
  expect(ja.stdout).toContain('マッピング: 自動検出（表の候補 1 件のうち 1 件を適用）');
  expect(ja.stdout).toContain('要確認 1 点: 5行目「相談の平均処理時間」: 目標値が下がっていますが、低いほど良い指標か確認してください（推定: down）');
  const en = tassei(['check', '--lang', 'en', 'direction.xlsx'], dir);
  expect(en.stdout).toContain('To confirm (1): Row 5 "相談の平均処理時間": the targets fall; confirm whether lower is better (guess: down)');
});
