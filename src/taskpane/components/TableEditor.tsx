/**
 * The column-role editor of one table mapping: which column holds the names, the baseline, each year's target,
 * actual and stated ratio, which rows are indicators; for budgets, which cells of a block hold what. The mapping is
 * validated by the engine's own schema before it can be saved.
 */
import { useMemo, useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { parseMapping, type BudgetTableMapping, type IndicatorTableMapping, type TableMapping } from '../../core';
import { useT } from '../i18n';

const useStyles = makeStyles({
  editor: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalS, border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' },
  small: { width: '6em' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** '2021' → 2021; 'E8' → 'E8' (a header cell); '' → null (not given yet). */
function fyOf(text: string): number | string | null {
  const s = text.trim().toUpperCase();
  if (s === '') return null;
  return /^\d{4}$/.test(s) ? Number(s) : s;
}

/** Rows of indicators as the user writes them: one per line, "10-11" (target row - actual row) or "6". */
export function rowsFromText(text: string, layout: IndicatorTableMapping['layout']): IndicatorTableMapping['rows'] {
  const rows: IndicatorTableMapping['rows'] = [];
  for (const line of text.split(/[\n,、]+/)) {
    const m = /^\s*(\d+)\s*(?:[-:～~]\s*(\d+))?\s*$/.exec(line);
    if (!m) continue;
    const target = Number(m[1]);
    const actual = m[2] !== undefined ? Number(m[2]) : layout === 'columns' ? target : layout === 'two-row' ? target + 1 : undefined;
    rows.push(actual === undefined ? { target } : { target, actual });
  }
  return rows;
}

export function rowsToText(rows: IndicatorTableMapping['rows']): string {
  return rows.map((r) => (r.actual !== undefined && r.actual !== r.target ? `${r.target}-${r.actual}` : `${r.target ?? r.actual}`)).join('\n');
}

export function TableEditor({ initial, unsure, reasons, onSave, onCancel }: { initial: TableMapping; unsure: readonly string[]; reasons: readonly string[]; onSave(t: TableMapping): void; onCancel(): void }) {
  const t = useT();
  const styles = useStyles();
  const [draft, setDraft] = useState<TableMapping>(initial);
  const [fyText, setFyText] = useState<string[]>(() => (initial.kind === 'indicator' ? initial.years.map((y) => (unsure.includes('fy') && y.fy === 2000 ? '' : String(y.fy))) : []));
  const [rowsText, setRowsText] = useState(() => (initial.kind === 'indicator' ? rowsToText(initial.rows) : ''));

  const candidate: TableMapping | null = useMemo(() => {
    if (draft.kind !== 'indicator') return draft;
    const years = draft.years.map((y, i) => ({ ...y, fy: fyOf(fyText[i] ?? '') }));
    if (years.some((y) => y.fy === null)) return null;
    return { ...draft, years: years as IndicatorTableMapping['years'], rows: rowsFromText(rowsText, draft.layout) };
  }, [draft, fyText, rowsText]);
  const check = candidate ? parseMapping({ version: 1, tables: [candidate] }) : null;
  const issues = check && !check.ok ? check.issues.map((i) => `${i.path.replace(/^tables\.0\.?/, '')}: ${i.message}`) : candidate ? [] : [`${t('tables.fy')}: —`];

  return (
    <section className={styles.editor} aria-label={t(`tables.kind.${draft.kind}`)}>
      <Text weight="semibold">
        {t(`tables.kind.${draft.kind}`)} — {draft.sheet} {draft.range}
      </Text>
      {reasons.length > 0 && <Text size={200}>{t('tables.proposalNote', { reasons: reasons.join(' / ') })}</Text>}
      {draft.kind === 'indicator' ? (
        <IndicatorFields draft={draft} setDraft={setDraft} fyText={fyText} setFyText={setFyText} rowsText={rowsText} setRowsText={setRowsText} />
      ) : (
        <BudgetFields draft={draft} setDraft={setDraft} />
      )}
      {issues.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{issues.join(' / ')}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!candidate || !check?.ok} onClick={() => check?.ok && onSave(check.mapping.tables[0]!)}>
          {t('tables.save')}
        </Button>
        <Button onClick={onCancel}>{t('tables.cancel')}</Button>
      </div>
    </section>
  );
}

function IndicatorFields({
  draft,
  setDraft,
  fyText,
  setFyText,
  rowsText,
  setRowsText,
}: {
  draft: IndicatorTableMapping;
  setDraft(d: TableMapping): void;
  fyText: string[];
  setFyText(f: string[]): void;
  rowsText: string;
  setRowsText(s: string): void;
}) {
  const t = useT();
  const styles = useStyles();
  const setYear = (i: number, patch: Partial<IndicatorTableMapping['years'][number]>) =>
    setDraft({ ...draft, years: draft.years.map((y, j) => (j === i ? { ...y, ...patch } : y)) });
  const col = (v: string) => (v.trim() === '' ? undefined : v.trim().toUpperCase());
  return (
    <>
      <div className={styles.row}>
        <Field label={t('tables.layout')}>
          <Select value={draft.layout} onChange={(_, d) => setDraft({ ...draft, layout: d.value as IndicatorTableMapping['layout'] })}>
            {(['two-row', 'one-row', 'columns'] as const).map((l) => (
              <option key={l} value={l}>
                {t(`tables.layout.${l}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('tables.nameColumn')}>
          <Input className={styles.small} value={draft.nameColumn} onChange={(_, d) => setDraft({ ...draft, nameColumn: d.value.toUpperCase() })} />
        </Field>
        <Field label={t('tables.unit')}>
          <Input className={styles.small} value={draft.unit ?? ''} onChange={(_, d) => setDraft({ ...draft, unit: d.value === '' ? undefined : d.value })} />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={t('tables.direction')}>
          <Select value={draft.direction ?? ''} onChange={(_, d) => setDraft({ ...draft, direction: d.value === '' ? undefined : (d.value as 'up' | 'down') })}>
            <option value="">—</option>
            <option value="up">{t('@direction.up')}</option>
            <option value="down">{t('@direction.down')}</option>
          </Select>
        </Field>
        <Field label={t('tables.method')}>
          <Select value={draft.method ?? ''} onChange={(_, d) => setDraft({ ...draft, method: d.value === '' ? undefined : (d.value as IndicatorTableMapping['method']) })}>
            <option value="">—</option>
            {(['ratio', 'inverse', 'progress'] as const).map((m) => (
              <option key={m} value={m}>
                {t(`tables.method.${m}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('tables.baselineColumn')}>
          <Input
            className={styles.small}
            value={draft.baseline?.column ?? ''}
            onChange={(_, d) => setDraft({ ...draft, baseline: col(d.value) ? { fy: draft.baseline?.fy ?? 2000, column: col(d.value)! } : undefined })}
          />
        </Field>
        {draft.baseline && (
          <Field label={`${t('tables.baselineColumn')} ${t('tables.fy')}`}>
            <Input className={styles.small} value={String(draft.baseline.fy)} onChange={(_, d) => setDraft({ ...draft, baseline: { ...draft.baseline!, fy: fyOf(d.value) ?? 2000 } })} />
          </Field>
        )}
      </div>
      <Text weight="semibold">{t('tables.years')}</Text>
      {draft.years.map((y, i) => (
        <div className={styles.row} key={i}>
          <Field label={t('tables.fy')} validationState={fyOf(fyText[i] ?? '') === null ? 'error' : 'none'}>
            <Input className={styles.small} value={fyText[i] ?? ''} onChange={(_, d) => setFyText(fyText.map((f, j) => (j === i ? d.value : f)))} />
          </Field>
          <Field label={t('tables.targetColumn')}>
            <Input className={styles.small} value={y.target ?? ''} onChange={(_, d) => setYear(i, { target: col(d.value) })} />
          </Field>
          <Field label={t('tables.actualColumn')}>
            <Input className={styles.small} value={y.actual ?? ''} onChange={(_, d) => setYear(i, { actual: col(d.value) })} />
          </Field>
          <Field label={t('tables.statedColumn')}>
            <Input className={styles.small} value={y.stated ?? ''} onChange={(_, d) => setYear(i, { stated: col(d.value) })} />
          </Field>
          <Button
            aria-label={`${t('tables.remove')} ${fyText[i] ?? ''}`}
            onClick={() => {
              setDraft({ ...draft, years: draft.years.filter((_, j) => j !== i) });
              setFyText(fyText.filter((_, j) => j !== i));
            }}
          >
            {t('tables.remove')}
          </Button>
        </div>
      ))}
      <Button
        onClick={() => {
          setDraft({ ...draft, years: [...draft.years, { fy: 2000 }] });
          setFyText([...fyText, '']);
        }}
      >
        + {t('tables.fy')}
      </Button>
      <Field label={t('tables.rows')} hint="10-11 / 20-21">
        <Textarea value={rowsText} onChange={(_, d) => setRowsText(d.value)} resize="vertical" />
      </Field>
    </>
  );
}

const PROJECT_FIELDS = ['name', 'source', 'continuation', 'fy', 'amount', 'previousAmount', 'statedChange', 'line'] as const;

function BudgetFields({ draft, setDraft }: { draft: BudgetTableMapping; setDraft(d: TableMapping): void }) {
  const t = useT();
  const styles = useStyles();
  const project = draft.projects[0]!;
  const setProject = (key: (typeof PROJECT_FIELDS)[number], value: string) => {
    const next: Record<string, unknown> = { ...project };
    const v = value.trim().toUpperCase();
    if (v === '') delete next[key];
    else next[key] = key === 'fy' && /^\d{4}$/.test(v) ? Number(v) : v;
    setDraft({ ...draft, projects: [next as BudgetTableMapping['projects'][number], ...draft.projects.slice(1)] });
  };
  const labels: Record<(typeof PROJECT_FIELDS)[number], string> = {
    name: t('@col.project'),
    source: t('@col.source'),
    continuation: t('@col.continuation'),
    fy: t('@col.fy'),
    amount: t('@col.amount'),
    previousAmount: t('@col.previousAmount'),
    statedChange: t('@col.statedChange'),
    line: t('@role.budgetLine'),
  };
  return (
    <>
      <div className={styles.row}>
        <Field label={t('tables.layout')}>
          <Select value={draft.layout} onChange={(_, d) => setDraft({ ...draft, layout: d.value as BudgetTableMapping['layout'] })}>
            {(['blocks', 'rows', 'text-lines'] as const).map((l) => (
              <option key={l} value={l}>
                {t(`tables.layout.${l}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('tables.unit')}>
          <Input className={styles.small} value={draft.unit ?? ''} onChange={(_, d) => setDraft({ ...draft, unit: d.value === '' ? undefined : d.value })} />
        </Field>
      </div>
      <div className={styles.row}>
        {PROJECT_FIELDS.map((key) => (
          <Field key={key} label={labels[key]}>
            <Input className={styles.small} value={project[key] === undefined ? '' : String(project[key])} onChange={(_, d) => setProject(key, d.value)} />
          </Field>
        ))}
      </div>
      {draft.projects.length === 1 && (
        <div className={styles.row}>
          <Field label={t('tables.repeatCount')}>
            <Input
              className={styles.small}
              type="number"
              value={String(draft.repeat?.count ?? 1)}
              onChange={(_, d) => setDraft({ ...draft, repeat: { count: Math.max(1, Number(d.value) || 1), rowStep: draft.repeat?.rowStep ?? 1 } })}
            />
          </Field>
          <Field label={t('tables.repeatStep')}>
            <Input
              className={styles.small}
              type="number"
              value={String(draft.repeat?.rowStep ?? 1)}
              onChange={(_, d) => setDraft({ ...draft, repeat: { count: draft.repeat?.count ?? 1, rowStep: Math.max(1, Number(d.value) || 1) } })}
            />
          </Field>
        </div>
      )}
    </>
  );
}
