/**
 * The JSON report of `tassei check` (docs: ../shared/REPORT.md, a contract users' scripts rely on).
 * Fields may be added here; none of the contract's may be renamed or dropped.
 */
import type { CheckResult, TableInfo } from './check';
import type { Indicator } from './evaluate/indicators';
import type { Budget } from './evaluate/budgets';
import type { RawFinding, FindingValue } from './findings';
import { rule, type Severity } from './validate/rules';
import { compiledTemplate, fillSlots, fillTemplate, translator, type Compiled, type Lang } from './i18n';
import { fileErrorKey, type FileError } from './i18n/fileErrors';
import { formatAmount, formatRatio } from './format';
import { TOOL } from './version';
import { statusAt, toArray } from './evaluate/points';

export interface Finding {
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly expected: FindingValue;
  readonly found: FindingValue;
}

export interface FileReport {
  readonly file: string;
  readonly error: { readonly code: string; readonly message: string; readonly detail?: string } | null;
  readonly reportFy: number | null;
  readonly tables: TableInfo[];
  readonly indicators: Indicator[];
  readonly budgets: Budget[];
  readonly findings: Finding[];
}

export interface Totals {
  files: number;
  indicators: number;
  points: number;
  met: number;
  nearly: number;
  gap: number;
  pending: number;
  noTarget: number;
  budgets: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Files that could not be read. */
  failedFiles: number;
}

export interface Report {
  readonly tool: typeof TOOL;
  readonly files: FileReport[];
  readonly totals: Totals;
}

const RATIO_RULES = new Set(['indicator.stated-ratio-mismatch', 'indicator.target-gap']);

function show(v: FindingValue, ratio: boolean, lang: Lang): string {
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  return ratio ? formatRatio(v) : formatAmount(v, lang);
}

/** The message of a finding in one language. */
export function renderMessage(f: RawFinding, lang: Lang): string {
  // Only the slots the template names are worked out: a report renders tens of thousands of messages.
  return fillSlots(ruleTemplate(lang, f.rule), lang === 'ja' ? slotJa : slotEn, f);
}

const slotJa = (name: string, f: RawFinding): string => slot(name, f, 'ja');
const slotEn = (name: string, f: RawFinding): string => slot(name, f, 'en');

/** Message templates by rule, per language: looked up by the rule's id, with no key text made per finding. */
const ruleTemplates: Record<Lang, Map<string, Compiled>> = { ja: new Map(), en: new Map() };

function ruleTemplate(lang: Lang, ruleId: string): Compiled {
  let tpl = ruleTemplates[lang].get(ruleId);
  if (tpl === undefined) ruleTemplates[lang].set(ruleId, (tpl = compiledTemplate(lang, `rule.${ruleId}.message`)));
  return tpl;
}

/**
 * What a message shows in one slot: the finding's values as officials read them (amounts grouped, ratios to two
 * places, words for roles and reasons), else the param of that name as it is.
 */
function slot(name: string, f: RawFinding, lang: Lang): string {
  const params = f.params;
  switch (name) {
    case 'found':
      return show(f.found, RATIO_RULES.has(f.rule), lang);
    case 'expected':
      return show(f.expected, RATIO_RULES.has(f.rule), lang);
    case 'role':
      if (typeof params?.role === 'string') return fillTemplate(lang, `role.${params.role}`, NO_PARAMS);
      break;
    case 'reason':
      if (typeof params?.reason === 'string') return fillTemplate(lang, `value.${params.reason}`, { text: params.text ?? '' });
      break;
    case 'suggestion':
      if (f.rule === 'budget.source-unknown' && lang === 'en' && typeof f.expected === 'string') return ` (perhaps "${f.expected}")`;
      break;
    case 'note':
      if (f.rule === 'indicator.missing-actual' && lang === 'en' && typeof f.found === 'string') return ` ("${f.found}")`;
      break;
  }
  const v = params?.[name];
  return v === undefined || v === null ? '' : String(v);
}

const NO_PARAMS: Readonly<Record<string, unknown>> = Object.freeze({});

export function renderFinding(f: RawFinding, lang: Lang): Finding {
  return { sheet: f.sheet, cell: f.cell, rule: f.rule, severity: rule(f.rule).severity, message: renderMessage(f, lang), expected: f.expected, found: f.found };
}

export function fileReport(file: string, result: CheckResult, lang: Lang = 'ja'): FileReport {
  // By severity, then in the order they were found, so that reports diff well between runs: three lists joined,
  // as a stable sort by severity would give them (without a comparison per pair of tens of thousands).
  const bySeverity: Record<Severity, Finding[]> = { error: [], warning: [], info: [] };
  for (let i = 0; i < result.findings.length; i++) {
    const r = renderFinding(result.findings[i]!, lang);
    bySeverity[r.severity].push(r);
  }
  const findings = bySeverity.error.concat(bySeverity.warning, bySeverity.info);
  return { file, error: null, reportFy: result.reportFy, tables: result.tables, indicators: result.indicators, budgets: result.budgets, findings };
}

/**
 * The report with each indicator's points and planned targets as plain arrays: for a message to another thread,
 * which carries data and not the methods of the lists the engine keeps them in (evaluate/points.ts).
 */
export function plainFileReport(report: FileReport): FileReport {
  if (report.indicators.length === 0) return report;
  return { ...report, indicators: report.indicators.map((i) => ({ ...i, points: toArray(i.points), plannedTargets: toArray(i.plannedTargets) })) };
}

export function failedFileReport(file: string, error: FileError, lang: Lang = 'ja'): FileReport {
  const t = translator(lang);
  return errorFileReport(file, error.code, t(`file.${fileErrorKey(error)}`, { file, ...(error.params ?? {}) }), error.detail);
}

/** The report of a file that was not checked, with the reason in words. */
export function errorFileReport(file: string, code: string, message: string, detail?: string): FileReport {
  const error = detail === undefined ? { code, message } : { code, message, detail };
  return { file, error, reportFy: null, tables: [], indicators: [], budgets: [], findings: [] };
}

export function totalsOf(files: readonly FileReport[]): Totals {
  const totals: Totals = { files: files.length, indicators: 0, points: 0, met: 0, nearly: 0, gap: 0, pending: 0, noTarget: 0, budgets: 0, errors: 0, warnings: 0, infos: 0, failedFiles: 0 };
  for (const f of files) {
    if (f.error) totals.failedFiles++;
    totals.indicators += f.indicators.length;
    totals.budgets += f.budgets.length;
    for (const ind of f.indicators) {
      totals.points += ind.points.length;
      for (let i = 0; i < ind.points.length; i++) totals[statusAt(ind.points, i)]++;
    }
    for (const x of f.findings) {
      if (x.severity === 'error') totals.errors++;
      else if (x.severity === 'warning') totals.warnings++;
      else totals.infos++;
    }
  }
  return totals;
}

export function buildReport(files: FileReport[]): Report {
  return { tool: TOOL, files, totals: totalsOf(files) };
}

/** Exit status of `tassei check`: 2 when a file could not be read, else 1 when some finding is an error, else 0. */
export function exitCode(report: Report): 0 | 1 | 2 {
  if (report.totals.failedFiles > 0) return 2;
  return report.totals.errors > 0 ? 1 : 0;
}

