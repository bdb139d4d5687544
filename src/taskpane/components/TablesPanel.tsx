/**
 * Step 1: the mapped tables of the workbook. Map the selection as an indicator or budget table (a proposal the
 * user corrects in the editor), or accept the tables detected on the active sheet; remove a table, export or import the mapping as the JSON the command line takes.
 * Every change is saved in the workbook.
 */
import { useState } from 'react';
import { Button, Field, Input, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Mapping, TableMapping } from '../../core';
import { useT } from '../i18n';
import type { StepProps } from '../App';
import { TableEditor } from './TableEditor';
import { DetectPanel } from './DetectPanel';
import type { PresetStore } from '../officeHelpers';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

type Editing = { index: number | null; table: TableMapping; unsure: string[]; reasons: string[] };

export function TablesPanel({ service, run, mapping, onChange, presets }: StepProps & { mapping: Mapping; onChange(m: Mapping): void; presets: PresetStore }) {
  const t = useT();
  const styles = useStyles();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [json, setJson] = useState<string | null>(null);
  const [presetNames, setPresetNames] = useState(() => presets.names());
  const [chosen, setChosen] = useState('');
  const [presetName, setPresetName] = useState('');

  const save = (next: Mapping) =>
    run(t('tables.save'), async () => {
      await service.saveMapping(next);
      onChange(next);
      return { intent: 'success', text: t('tables.saved') };
    });

  const acceptDetected = async (tables: TableMapping[]): Promise<boolean> => {
    let saved = false;
    await run(t('tables.save'), async () => {
      const next = { ...mapping, tables: [...mapping.tables, ...tables] };
      await service.saveMapping(next);
      onChange(next);
      saved = true;
      return { intent: 'success', text: t('detect.accepted', { count: tables.length }) };
    });
    return saved;
  };

  const propose = (kind: TableMapping['kind']) =>
    run('', async () => {
      const p = await service.proposeFromSelection(kind);
      setEditing({ index: null, table: p.table, unsure: p.unsure, reasons: p.reasons });
    });

  return (
    <section className={styles.panel} aria-label={t('tab.tables')}>
      <Text>{t('tables.intro')}</Text>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => propose('indicator')}>
          {t('tables.mapIndicator')}
        </Button>
        <Button onClick={() => propose('budget')}>{t('tables.mapBudget')}</Button>
      </div>
      <DetectPanel
        service={service}
        run={run}
        mapping={mapping}
        accept={acceptDetected}
        correct={(p) => setEditing({ index: null, table: p.table, unsure: p.unsure, reasons: p.reasons })}
      />
      {editing && (
        <TableEditor
          key={editing.index ?? -1}
          initial={editing.table}
          unsure={editing.unsure}
          reasons={editing.reasons}
          onCancel={() => setEditing(null)}
          onSave={(table) => {
            const tables = editing.index === null ? [...mapping.tables, table] : mapping.tables.map((x, i) => (i === editing.index ? table : x));
            setEditing(null);
            void save({ ...mapping, tables });
          }}
        />
      )}
      {mapping.tables.length === 0 ? (
        <Text>{t('tables.none')}</Text>
      ) : (
        <Table size="small" aria-label={t('tab.tables')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('@col.sheet')}</TableHeaderCell>
              <TableHeaderCell>{t('tables.layout')}</TableHeaderCell>
              <TableHeaderCell />
            </TableRow>
          </TableHeader>
          <TableBody>
            {mapping.tables.map((table, i) => (
              <TableRow key={i}>
                <TableCell>
                  {table.sheet} {table.range ?? ''}
                </TableCell>
                <TableCell>
                  {t(`tables.kind.${table.kind}`)}・{t(`tables.layout.${table.layout}`)}
                </TableCell>
                <TableCell>
                  <Button size="small" onClick={() => setEditing({ index: i, table, unsure: [], reasons: [] })}>
                    {t('tables.edit')}
                  </Button>{' '}
                  <Button size="small" onClick={() => void save({ ...mapping, tables: mapping.tables.filter((_, j) => j !== i) })}>
                    {t('tables.remove')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Field label={t('presets.label')}>
        <div className={styles.buttons}>
          <Select aria-label={t('presets.label')} value={chosen} onChange={(_, d) => setChosen(d.value)}>
            <option value="">{presetNames.length === 0 ? t('presets.none') : '—'}</option>
            {presetNames.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
          <Button
            disabled={chosen === ''}
            onClick={() => {
              const preset = presets.get(chosen);
              if (!preset) return;
              void run(t('tables.save'), async () => {
                await service.saveMapping(preset);
                onChange(preset);
                return { intent: 'success', text: t('presets.applied', { name: chosen, count: preset.tables.length }) };
              });
            }}
          >
            {t('presets.apply')}
          </Button>
        </div>
      </Field>
      <div className={styles.buttons}>
        <Input aria-label={t('presets.name')} placeholder={t('presets.name')} value={presetName} onChange={(_, d) => setPresetName(d.value)} />
        <Button
          disabled={presetName.trim() === '' || mapping.tables.length === 0}
          onClick={() => {
            presets.save(presetName.trim(), mapping);
            setPresetNames(presets.names());
            void run('', async () => ({ intent: 'success', text: t('presets.saved', { name: presetName.trim() }) }));
          }}
        >
          {t('presets.save')}
        </Button>
      </div>
      <div className={styles.buttons}>
        <Button onClick={() => setJson(service.exportMapping(mapping))}>{t('tables.export')}</Button>
        <Button onClick={() => setJson(json ?? '')}>{t('tables.import')}</Button>
      </div>
      {json !== null && (
        <>
          <Field label="JSON">
            <Textarea value={json} onChange={(_, d) => setJson(d.value)} resize="vertical" rows={8} />
          </Field>
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              onClick={() => {
                const parsed = service.importMapping(json);
                if (!parsed.ok) {
                  void run('', async () => ({ intent: 'error', text: t('tables.importInvalid', { issues: parsed.issues.map((x) => `${x.path}: ${x.message}`).join('; ') }) }));
                  return;
                }
                setJson(null);
                void run(t('tables.save'), async () => {
                  await service.saveMapping(parsed.mapping);
                  onChange(parsed.mapping);
                  return { intent: 'success', text: t('tables.imported', { count: parsed.mapping.tables.length }) };
                });
              }}
            >
              {t('tables.import')}
            </Button>
            <Button onClick={() => setJson(null)}>{t('tables.cancel')}</Button>
          </div>
        </>
      )}
    </section>
  );
}
