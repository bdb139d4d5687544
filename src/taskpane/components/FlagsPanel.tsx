/** Step 3: flag the cells (fill by status, a note with the findings), and clear the flags again. */
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../i18n';
import type { StepProps } from '../App';
import type { CheckOutcome } from '../service';

const useStyles = makeStyles({ panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

export function FlagsPanel({ service, run, outcome }: StepProps & { outcome: CheckOutcome | null }) {
  const t = useT();
  const styles = useStyles();
  const notes = service.capabilities().notes;
  return (
    <section className={styles.panel} aria-label={t('tab.flags')}>
      {!notes && (
        <MessageBar intent="info">
          <MessageBarBody>{t('flags.noNotes')}</MessageBarBody>
        </MessageBar>
      )}
      <Button
        appearance="primary"
        disabled={!outcome}
        onClick={() =>
          run(t('flags.apply'), async () => {
            const r = await service.flag(outcome!);
            return { intent: 'success', text: t('flags.applied', { ...r }) };
          })
        }
      >
        {t('flags.apply')}
      </Button>
      {!outcome && <Text>{t('flags.needCheck')}</Text>}
      <Button
        onClick={() =>
          run(t('flags.clear'), async () => {
            const r = await service.clearFlags();
            return { intent: 'success', text: t('flags.cleared', { ...r }) };
          })
        }
      >
        {t('flags.clear')}
      </Button>
    </section>
  );
}
