/** Step 2: run the check; counts by status, and the findings (clicking one selects its cell in the sheet). */
import { Badge, Button, Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { totalsOf, type Mapping } from '../../core';
import { useT } from '../i18n';
import type { StepProps } from '../App';
import type { CheckOutcome } from '../service';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  settings: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  counts: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  where: { whiteSpace: 'nowrap' },
});

const SEVERITY_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;
const STATUS_COLOR = { met: 'success', nearly: 'warning', gap: 'danger', pending: 'subtle', noTarget: 'informative' } as const;

export function CheckPanel({
  service,
  run,
  mapping,
  onMapping,
  outcome,
  onOutcome,
}: StepProps & { mapping: Mapping; onMapping(m: Mapping): void; outcome: CheckOutcome | null; onOutcome(o: CheckOutcome): void }) {
  const t = useT();
  const styles = useStyles();
  const totals = outcome ? totalsOf([outcome.report]) : null;
  const setNumber = (value: string, apply: (n: number | undefined) => Mapping) => {
    const n = value.trim() === '' ? undefined : Number(value);
    if (n === undefined || Number.isFinite(n)) onMapping(apply(n));
  };
  const thresholds = mapping.settings?.thresholds ?? { met: 1, nearly: 0.85 };

  return (
    <section className={styles.panel} aria-label={t('tab.check')}>
      <div className={styles.settings}>
        <Field label={t('tables.reportFy')}>
          <Input
            type="number"
            value={mapping.reportFy?.toString() ?? ''}
            onChange={(_, d) => setNumber(d.value, (n) => ({ ...mapping, reportFy: n }))}
          />
        </Field>
        <Field label={t('tables.thresholdMet')}>
          <Input type="number" step={0.01} value={String(thresholds.met)} onChange={(_, d) => setNumber(d.value, (n) => ({ ...mapping, settings: { ...mapping.settings, thresholds: { ...thresholds, met: n ?? 1 } } }))} />
        </Field>
        <Field label={t('tables.thresholdNearly')}>
          <Input type="number" step={0.01} value={String(thresholds.nearly)} onChange={(_, d) => setNumber(d.value, (n) => ({ ...mapping, settings: { ...mapping.settings, thresholds: { ...thresholds, nearly: n ?? 0.85 } } }))} />
        </Field>
      </div>
      <Button
        appearance="primary"
        disabled={mapping.tables.length === 0}
        onClick={() =>
          run(t('check.running'), async () => {
            onOutcome(await service.check(mapping));
          })
        }
      >
        {t('check.run')}
      </Button>
      {mapping.tables.length === 0 && <Text>{t('check.needTables')}</Text>}
      {outcome && totals && (
        <>
          {outcome.report.reportFy !== null && <Text>{t('check.reportFy', { fy: outcome.report.reportFy })}</Text>}
          <div className={styles.counts} aria-label={t('check.counts', { ...totals })}>
            {(['met', 'nearly', 'gap', 'pending', 'noTarget'] as const).map((s) => (
              <Badge key={s} appearance="tint" color={STATUS_COLOR[s]} data-status={s}>
                {t(`@status.${s}`)} {totals[s]}
              </Badge>
            ))}
          </div>
          <Text weight="semibold">{t('check.findings', { ...totals })}</Text>
          {outcome.report.findings.length === 0 ? (
            <Text>{t('check.noFindings')}</Text>
          ) : (
            <Table size="small" aria-label={t('check.findings', { ...totals })}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('@col.severity')}</TableHeaderCell>
                  <TableHeaderCell>{t('@col.cell')}</TableHeaderCell>
                  <TableHeaderCell>{t('@col.message')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {outcome.report.findings.slice(0, 500).map((f, i) => {
                  const where = f.sheet && f.cell ? `${f.sheet}!${f.cell}` : (f.sheet ?? '');
                  return (
                    <TableRow key={i} data-rule={f.rule}>
                      <TableCell>
                        <Badge appearance="tint" color={SEVERITY_COLOR[f.severity]}>
                          {t(`@severity.${f.severity}`)}
                        </Badge>
                      </TableCell>
                      <TableCell className={styles.where}>
                        {f.sheet && f.cell ? (
                          <Button appearance="transparent" size="small" aria-label={t('check.goTo', { where })} onClick={() => run('', () => service.goTo(f.sheet!, f.cell!))}>
                            {where}
                          </Button>
                        ) : (
                          where
                        )}
                      </TableCell>
                      {/* Messages quote text of the submitted sheets: rendered as text, never as markup. */}
                      <TableCell>{f.message}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </section>
  );
}
