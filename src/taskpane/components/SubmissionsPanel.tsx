/**
 * Many submissions at once: "add submissions…" picks several .xlsx (with their .tassei.json if any); the service
 * reads and checks them in the browser and writes the consolidated summary as tabs of the open workbook. The
 * files' rows (status, reason, what only shows across files) are listed here.
 */
import { useId, useRef, useState } from 'react';
import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { FileStatus, Mapping } from '../../core';
import { useT } from '../i18n';
import type { StepProps } from '../App';
import type { Consolidation, PickedFile } from '../service';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  input: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  notes: { whiteSpace: 'pre-line' },
});

const STATUS_COLOR: Record<FileStatus, 'danger' | 'warning' | 'success'> = { failed: 'danger', errors: 'danger', warnings: 'warning', ok: 'success' };

export function SubmissionsPanel({ service, run, mapping }: StepProps & { mapping: Mapping }) {
  const t = useT();
  const styles = useStyles();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [done, setDone] = useState<Consolidation | null>(null);

  const pick = async (list: FileList | null) => {
    const chosen = list ? Array.from(list) : [];
    if (input.current) input.current.value = '';
    const workbooks = chosen.filter((f) => !/\.tassei\.json$/i.test(f.name));
    await run(t('@batch.ui.checking', { count: workbooks.length }), async () => {
      if (workbooks.length === 0) return { intent: 'warning', text: t('@batch.ui.none') };
      // Read one after another, each only while it is checked: the files are the browser's, not copied at once.
      const files: PickedFile[] = [];
      for (const f of chosen) files.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
      const result = await service.consolidate(files, mapping);
      setDone(result);
      const failed = result.model.totals.failedFiles;
      return {
        intent: failed > 0 ? 'warning' : 'success',
        text: t('@batch.ui.done', { files: result.model.files.length, sheets: result.sheets.join('、'), failed, duplicates: result.model.duplicates }),
      };
    });
  };

  return (
    <section className={styles.panel} aria-label={t('@batch.ui.tab')}>
      <Text>{t('@batch.ui.intro')}</Text>
      <label htmlFor={inputId} className={styles.input}>
        {t('@batch.ui.pick')}
      </label>
      <input
        id={inputId}
        ref={input}
        className={styles.input}
        type="file"
        multiple
        accept=".xlsx,.json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/json"
        data-testid="submissions-input"
        onChange={(e) => void pick(e.currentTarget.files)}
      />
      <Button appearance="primary" onClick={() => input.current?.click()}>
        {t('@batch.ui.add')}
      </Button>
      {done && (
        <Table size="small" aria-label={t('@batch.ui.results')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('@col.file')}</TableHeaderCell>
              <TableHeaderCell>{t('@batch.col.status')}</TableHeaderCell>
              <TableHeaderCell>{t('@batch.col.notes')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {done.model.files.map((f, i) => (
              <TableRow key={i} data-status={f.status}>
                {/* File names and messages are data: rendered as text, never as markup. */}
                <TableCell>{f.file}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={STATUS_COLOR[f.status]}>
                    {t(`@batch.fileStatus.${f.status}`)}
                  </Badge>
                </TableCell>
                <TableCell className={styles.notes}>{[f.error?.message, ...f.notes.map((n) => n.message)].filter(Boolean).join('\n')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
