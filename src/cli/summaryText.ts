/** The readable summary `tassei check` prints without --json: what an official wants to see first. */
import { formatAmount, totalsOf, translator, type Lang, type Report } from '../core';
import type { DetectionReport } from '../core/detect';
import type { FileOutcome } from './check';

const FINDINGS_SHOWN = 12;
/** Unsure parts of a detected mapping named in the summary (all of them are in --json's files[].detection). */
const UNSURE_SHOWN = 3;

export function renderText(report: Report, outcomes: readonly FileOutcome[], lang: Lang): string {
  const t = translator(lang);
  const lines: string[] = [];
  report.files.forEach((f, i) => {
    const o = outcomes[i]!;
    lines.push(t('cli.fileHeader', { file: f.file }));
    // files[].detection is there exactly when the mapping was detected (docs/REPORT.md).
    const detection = (f as { detection?: DetectionReport }).detection;
    if (detection) lines.push(...detectedLines(detection, t));
    else if (o.mapping) lines.push(`  ${t('cli.mappingUsed', { mapping: o.mapping })}`);
    if (f.error) {
      lines.push(`  ${t('cli.failed', { message: f.error.message })}`, '');
      return;
    }
    const totals = totalsOf([f]);
    lines.push(`  ${f.reportFy === null ? t('cli.reportFyNone') : t('cli.reportFy', { fy: f.reportFy })}`);
    lines.push(`  ${t('cli.tables', { tables: f.tables.length, indicators: f.indicators.length, budgets: f.budgets.length })}`);
    if (f.indicators.length > 0) lines.push(`  ${t('cli.points', { ...totals })}`);
    for (const [unit, fy] of budgetGroups(f)) {
      const list = f.budgets.filter((b) => b.unit === unit && b.fy === fy);
      const amount = list.reduce((s, b) => s + (b.amount ?? 0), 0);
      const previous = list.reduce((s, b) => s + (b.previousAmount ?? 0), 0);
      lines.push(`  ${t('cli.budgetTotal', { unit: unit ?? '—', fy, amount: formatAmount(amount, lang), previous: formatAmount(previous, lang), change: formatAmount(amount - previous, lang) })}`);
    }
    lines.push(`  ${t('cli.findings', { ...totals })}`);
    const shown = f.findings.filter((x) => x.severity !== 'info').slice(0, FINDINGS_SHOWN);
    for (const x of shown) {
      const where = x.sheet && x.cell ? `${x.sheet}!${x.cell}` : (x.sheet ?? '');
      lines.push(t('cli.findingLine', { severity: t(`severity.${x.severity}`), where, message: x.message }));
    }
    const hidden = f.findings.length - shown.length;
    if (hidden > 0) lines.push(t('cli.moreFindings', { count: hidden }));
    if (o.output) lines.push(`  ${t('cli.written', { output: o.output })}`);
    lines.push('');
  });
  lines.push(t('cli.totals', { ...report.totals }));
  return `${lines.join('\n')}\n`;
}

/** A detected mapping said in words: how many proposals were applied, and what the user should confirm. */
function detectedLines(d: DetectionReport, t: ReturnType<typeof translator>): string[] {
  const applied = d.tables.filter((x) => x.applied);
  const out = [`  ${t('cli.mappingDetected', { proposed: d.tables.length, applied: applied.length })}`];
  const unsure = applied.flatMap((x) => x.unsure);
  if (unsure.length > 0) {
    const notes = unsure.slice(0, UNSURE_SHOWN).join(' / ') + (unsure.length > UNSURE_SHOWN ? ' …' : '');
    out.push(`  ${t('cli.mappingDetectedUnsure', { count: unsure.length, notes })}`);
  }
  return out;
}

function budgetGroups(f: Report['files'][number]): [string | null, number | null][] {
  const seen = new Map<string, [string | null, number | null]>();
  for (const b of f.budgets) seen.set(`${b.unit}|${b.fy}`, [b.unit, b.fy]);
  return [...seen.values()];
}
