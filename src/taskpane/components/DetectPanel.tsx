/**
 * "Detect tables": the tables detection finds on the active sheet, each with its confidence, its reasons and what
 * the user must confirm. Nothing is applied by itself: the user accepts a proposal, corrects it in the table
 * editor first, or accepts at once all those that need no confirmation.
 */
import { useState } from 'react';
import { Badge, Button, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Mapping, TableMapping } from '../../core';
import { useT } from '../i18n';
import type { StepProps } from '../App';
import type { SheetProposals, TableProposal } from '../service';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  unsure: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface DetectPanelProps extends StepProps {
  readonly mapping: Mapping;
  /** Adds accepted tables to the mapping and saves it; false when that failed (the pane shows why). */
  accept(tables: TableMapping[]): Promise<boolean>;
  /** Opens a proposal in the table editor, for the user to correct before it is added. */
  correct(p: TableProposal): void;
}

export function DetectPanel({ service, run, mapping, accept, correct }: DetectPanelProps) {
  const t = useT();
  const styles = useStyles();
  const [found, setFound] = useState<SheetProposals | null>(null);
  const [accepted, setAccepted] = useState<ReadonlySet<number>>(new Set());

  const detect = () =>
    run(t('detect.button'), async () => {
      const f = await service.detectTables(mapping);
      setFound(f);
      setAccepted(new Set());
      return { intent: f.proposals.length === 0 ? 'warning' : 'info', text: t(f.proposals.length === 0 ? 'detect.none' : 'detect.found', { sheet: f.sheet, count: f.proposals.length }) };
    });

  const take = async (indexes: number[]) => {
    if (!found) return;
    if (await accept(indexes.map((i) => found.proposals[i]!.table))) setAccepted((prev) => new Set([...prev, ...indexes]));
  };

  const open = (p: TableProposal, i: number) => !p.mapped && !accepted.has(i);
  const sure = found ? found.proposals.flatMap((p, i) => (p.sure && open(p, i) ? [i] : [])) : [];

  return (
    <div className={styles.panel}>
      <Text size={200}>{t('detect.intro')}</Text>
      <div className={styles.buttons}>
        <Button onClick={() => void detect()}>{t('detect.button')}</Button>
        {sure.length > 0 && (
          <Button appearance="primary" onClick={() => void take(sure)}>
            {t('detect.acceptSure', { count: sure.length })}
          </Button>
        )}
      </div>
      {found?.truncated && <Text className={styles.unsure}>{t('detect.truncated')}</Text>}
      {found && found.proposals.length > 0 && (
        <ul className={styles.list} aria-label={t('detect.list')} style={{ listStyle: 'none', padding: 0 }}>
          {found.proposals.map((p, i) => (
            <li key={`${p.sheet}!${p.range}`} data-range={p.range} data-kind={p.table.kind}>
              <Card size="small">
                <div className={styles.buttons}>
                  <Text weight="semibold">
                    {t(`tables.kind.${p.table.kind}`)} {p.range}
                  </Text>
                  <Badge appearance="tint" color={p.sure ? 'success' : 'warning'}>
                    {t('detect.confidence', { value: p.confidence })}
                  </Badge>
                  <Text size={200}>{t(`tables.layout.${p.table.layout}`)}</Text>
                  {(p.mapped || accepted.has(i)) && <Badge appearance="outline">{t('detect.mapped')}</Badge>}
                </div>
                <Text size={200}>{t('detect.reasons')}</Text>
                <ul className={styles.list}>
                  {p.reasons.map((r, k) => (
                    <li key={k}>
                      <Text size={200}>{r}</Text>
                    </li>
                  ))}
                </ul>
                {p.unsure.length > 0 && (
                  <>
                    <Text size={200} className={styles.unsure}>
                      {t('detect.unsure')}
                    </Text>
                    <ul className={styles.list}>
                      {p.unsure.map((u, k) => (
                        <li key={k}>
                          <Text size={200} className={styles.unsure}>
                            {u}
                          </Text>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                <div className={styles.buttons}>
                  <Button size="small" onClick={() => void run('', () => service.goTo(p.sheet, p.range))}>
                    {t('detect.show')}
                  </Button>
                  {open(p, i) && (
                    <>
                      {p.complete && (
                        <Button size="small" appearance={p.sure ? 'primary' : 'secondary'} onClick={() => void take([i])}>
                          {t('detect.accept')}
                        </Button>
                      )}
                      <Button size="small" onClick={() => correct(p)}>
                        {t('detect.correct')}
                      </Button>
                    </>
                  )}
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      {found && found.notes.length > 0 && (
        <ul className={styles.list}>
          {found.notes.map((n, k) => (
            <li key={k}>
              <Text size={200}>{n}</Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
