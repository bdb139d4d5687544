/** Step 4: write or refresh the summary sheets (達成状況, 予算, 検証結果) from the last check. */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../i18n';
import type { StepProps } from '../App';
import type { CheckOutcome } from '../service';

const useStyles = makeStyles({ panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

export function SummaryPanel({ service, run, outcome }: StepProps & { outcome: CheckOutcome | null }) {
  const t = useT();
  const styles = useStyles();
  return (
    <section className={styles.panel} aria-label={t('tab.summary')}>
      <Button
        appearance="primary"
        disabled={!outcome}
        onClick={() =>
          run(t('summary.write'), async () => {
            const names = await service.writeSummary(outcome!);
            return { intent: 'success', text: t('summary.written', { names: names.join('、') }) };
          })
        }
      >
        {t('summary.write')}
      </Button>
      {!outcome && <Text>{t('flags.needCheck')}</Text>}
    </section>
  );
}
