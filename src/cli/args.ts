/** The command line's words, read with node's own parseArgs: `tassei check [options] FILE.xlsx...`. */
import { parseArgs } from 'node:util';
import { isLang, type Lang } from '../core';

export interface CheckArgs {
  readonly files: string[];
  readonly json: boolean;
  readonly out: string | null;
  readonly force: boolean;
  readonly mapping: string | null;
  readonly fy: number | null;
  readonly lang: Lang;
  /** Files checked at the same time in a batch (--jobs); null: as many as the machine has cores. */
  readonly jobs: number | null;
  /** A batch writes OUT/summary.xlsx only, no checked copy of each file (--summary-only). */
  readonly summaryOnly: boolean;
}

export type ParsedArgs =
  | { ok: true; command: 'check'; args: CheckArgs }
  | { ok: true; command: 'help'; lang: Lang }
  | { ok: false; lang: Lang; key: string; params: Record<string, string> };

/** The language asked for, looked up before anything else so that even usage errors speak it. */
function langOf(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'ja';
  const v = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return isLang(v) ? v : 'ja';
}

export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  const lang = langOf(argv);
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { ok: true, command: 'help', lang };
  if (command !== 'check') return { ok: false, lang, key: 'unknownCommand', params: { command } };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        mapping: { type: 'string' },
        fy: { type: 'string' },
        lang: { type: 'string' },
        jobs: { type: 'string' },
        'summary-only': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    return { ok: false, lang, key: 'badOption', params: { message: e instanceof Error ? e.message : String(e) } };
  }
  const v = parsed.values;
  if (v.help) return { ok: true, command: 'help', lang };
  if (v.lang !== undefined && !isLang(v.lang)) return { ok: false, lang, key: 'badLang', params: { value: v.lang } };
  let fy: number | null = null;
  if (v.fy !== undefined) {
    fy = /^\d{4}$/.test(v.fy) ? Number(v.fy) : NaN;
    if (!Number.isInteger(fy) || fy < 1900 || fy > 2200) return { ok: false, lang, key: 'badFy', params: { value: v.fy } };
  }
  let jobs: number | null = null;
  if (v.jobs !== undefined) {
    jobs = /^\d{1,4}$/.test(v.jobs) ? Number(v.jobs) : NaN;
    if (!(jobs >= 1)) return { ok: false, lang, key: 'badJobs', params: { value: v.jobs } };
  }
  if (parsed.positionals.length === 0) return { ok: false, lang, key: 'noFiles', params: {} };
  return {
    ok: true,
    command: 'check',
    args: { files: parsed.positionals, json: v.json ?? false, out: v.out ?? null, force: v.force ?? false, mapping: v.mapping ?? null, fy, lang, jobs, summaryOnly: v['summary-only'] ?? false },
  };
}
