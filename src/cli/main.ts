#!/usr/bin/env node
/** Entry point of the `tassei` command. */
import { parseCommandLine } from './args';
import { isBatch, runBatch } from './batch';
import { translator, type Lang } from '../core';

// check.ts (and ExcelJS with it) is loaded only when this thread reads workbooks: a batch's workers do that.
const check = () => import('./check');

// Here, not in check.ts: help and usage errors need no workbook reader.
const usage = (lang: Lang): string => `${translator(lang)('cli.usage')}\n`;

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv);
  if (!parsed.ok) {
    process.stderr.write(`${translator(parsed.lang)(`cli.${parsed.key}`, parsed.params)}\n\n${usage(parsed.lang)}`);
    return 2;
  }
  if (parsed.command === 'help') {
    process.stdout.write(usage(parsed.lang));
    return 0;
  }
  const io = { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s) };
  // A folder, several files or --jobs: checked in parallel, with OUT/summary.xlsx (src/cli/batch.ts).
  const run = (await isBatch(parsed.args)) ? await runBatch(parsed.args, io, process.stderr) : await (await check()).runCheck(parsed.args, io);
  return run.code;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // Not expected: every known failure is reported per file. Say so plainly rather than print a stack only.
    process.stderr.write(`tassei: 予期しないエラーです / unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
