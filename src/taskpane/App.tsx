/**
 * The task pane: four steps (tables, check, flags, summary) over one service. No Excel call is made here: every
 * action goes through TasseiService, which the add-in builds on Office.js and the demo on the in-memory host.
 */
import { useCallback, useEffect, useState } from 'react';
import { FluentProvider, MessageBar, MessageBarBody, Spinner, Tab, TabList, Text, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import type { Lang, Mapping } from '../core';
import { LangProvider, useT } from './i18n';
import { EMPTY_MAPPING, type CheckOutcome, type TasseiService } from './service';
import { TablesPanel } from './components/TablesPanel';
import { CheckPanel } from './components/CheckPanel';
import { FlagsPanel } from './components/FlagsPanel';
import { SummaryPanel } from './components/SummaryPanel';
import { SubmissionsPanel } from './components/SubmissionsPanel';
import { presetStore, whereRunning } from './officeHelpers';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minHeight: '100%', boxSizing: 'border-box' },
  status: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export type Tab = 'tables' | 'check' | 'flags' | 'summary' | 'submissions';
export type Notice = { intent: 'success' | 'warning' | 'error' | 'info'; text: string };

export interface StepProps {
  readonly service: TasseiService;
  /** Runs a step with the busy indicator; its error becomes a message in the pane. */
  run(label: string, step: () => Promise<Notice | null | void>): Promise<void>;
}

function Pane({ service }: { service: TasseiService }) {
  const t = useT();
  const styles = useStyles();
  const [tab, setTab] = useState<Tab>('tables');
  const [mapping, setMapping] = useState<Mapping>(EMPTY_MAPPING);
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [presets] = useState(presetStore);
  const [where] = useState(whereRunning);

  const run = useCallback(
    async (label: string, step: () => Promise<Notice | null | void>) => {
      setBusy(label);
      setNotices([]);
      try {
        const notice = await step();
        if (notice) setNotices([notice]);
      } catch (e) {
        setNotices([{ intent: 'error', text: service.describe(e) }]);
      } finally {
        setBusy(null);
      }
    },
    [service],
  );

  useEffect(() => {
    void run('', async () => {
      const loaded = await service.loadMapping();
      setMapping(loaded.mapping);
      if (loaded.notices.length > 0) setNotices(loaded.notices.map((text) => ({ intent: 'warning' as const, text })));
    });
  }, [service, run]);

  const props: StepProps = { service, run };
  return (
    <main className={styles.root} aria-busy={busy !== null}>
      <Text as="h1" weight="semibold" size={500}>
        {t('app.title')}
      </Text>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as Tab)} aria-label={t('app.title')}>
        <Tab value="tables">{t('tab.tables')}</Tab>
        <Tab value="check">{t('tab.check')}</Tab>
        <Tab value="flags">{t('tab.flags')}</Tab>
        <Tab value="summary">{t('tab.summary')}</Tab>
        <Tab value="submissions">{t('@batch.ui.tab')}</Tab>
      </TabList>
      {busy !== null && busy !== '' && (
        <div className={styles.status} role="status">
          <Spinner size="tiny" />
          <Text>{busy}</Text>
        </div>
      )}
      {notices.map((n, i) => (
        <MessageBar key={i} intent={n.intent} role={n.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{n.text}</MessageBarBody>
        </MessageBar>
      ))}
      {tab === 'tables' && (
        <TablesPanel
          {...props}
          mapping={mapping}
          presets={presets}
          onChange={(m) => {
            setMapping(m);
            setOutcome(null);
          }}
        />
      )}
      {tab === 'check' && <CheckPanel {...props} mapping={mapping} onMapping={setMapping} outcome={outcome} onOutcome={setOutcome} />}
      {tab === 'flags' && <FlagsPanel {...props} outcome={outcome} />}
      {tab === 'summary' && <SummaryPanel {...props} outcome={outcome} />}
      {tab === 'submissions' && <SubmissionsPanel {...props} mapping={mapping} />}
      {where && (
        <Text size={200} as="p">
          {t('app.running', { where })}
        </Text>
      )}
    </main>
  );
}

export function App({ service, lang }: { service: TasseiService; lang: Lang }) {
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <LangProvider lang={lang}>
        <Pane service={service} />
      </LangProvider>
    </FluentProvider>
  );
}
