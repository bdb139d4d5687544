#!/usr/bin/env node
/** Entry point of the `tassei` command. */
import { parseCommandLine } from './args';
import { runCheck, usage } from './check';
import { translator } from '../core';

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
  const run = await runCheck(parsed.args, { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) });
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
