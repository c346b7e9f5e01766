import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  cloudflareExportEvidencePermission,
  CloudflareEvidenceDiff,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { cloudflareApiRef, CloudflareEvidenceRecord } from '../../api';
import { ErrorState } from '../shared/errors';
import { absoluteTime } from '../shared/time';

/** Props of {@link EvidenceDiff}. */
export interface EvidenceDiffProps {
  /** The stored snapshots, newest first, as `GET /v1/evidence` lists them. */
  snapshots: CloudflareEvidenceRecord[];
  /** Words for each kind (`r2-lifecycle` -> `R2 lifecycle`); the id where there are none. */
  kindLabels?: Record<string, string>;
}

type Row = {
  change: 'added' | 'removed' | 'changed';
  key: string;
  path?: string;
  before?: unknown;
  after?: unknown;
};

/** One table row per added or removed record, and one per changed field. */
export function diffRows(diff: CloudflareEvidenceDiff): Row[] {
  return [
    ...diff.added.map(r => ({
      change: 'added' as const,
      key: r.key,
      after: r.value,
    })),
    ...diff.removed.map(r => ({
      change: 'removed' as const,
      key: r.key,
      before: r.value,
    })),
    ...diff.changed.flatMap(c =>
      c.fields.map(f => ({ change: 'changed' as const, key: c.key, ...f })),
    ),
  ];
}

function JsonCell(props: { value: unknown }) {
  if (props.value === undefined) return <TableCell>—</TableCell>;
  return (
    <TableCell>
      <code style={{ wordBreak: 'break-word' }}>
        {JSON.stringify(props.value)}
      </code>
    </TableCell>
  );
}

/** A native select of snapshots (playwright and screen readers read it as is); disabled when empty. */
function SnapshotSelect(props: {
  id: string;
  label: string;
  value: string;
  onChange: (id: string) => void;
  options: CloudflareEvidenceRecord[];
  optionLabel: (s: CloudflareEvidenceRecord) => string;
  /** The text of the "nothing picked" option. */
  empty: string;
}) {
  return (
    <TextField
      select
      id={props.id}
      label={props.label}
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      style={{ minWidth: 320 }}
      disabled={!props.options.length}
    >
      <option value="">{props.empty}</option>
      {props.options.map(s => (
        <option key={s.id} value={s.id}>
          {props.optionLabel(s)}
        </option>
      ))}
    </TextField>
  );
}

/** The snapshot just older than `to` of the same kind, to compare it from by default. */
function olderOfSameKind(
  snapshots: CloudflareEvidenceRecord[],
  to: CloudflareEvidenceRecord | undefined,
) {
  if (!to) return undefined;
  const at = snapshots.indexOf(to);
  return snapshots.slice(at + 1).find(s => s.kind === to.kind);
}

/**
 * Evidence drift: pick two snapshots of one kind ("from", "to") and compare them; the records
 * added, removed and changed (field by field, before and after) show in a table, masked as the
 * backend masks them for the caller.
 */
export function EvidenceDiff(props: EvidenceDiffProps) {
  const { snapshots, kindLabels = {} } = props;
  const api = useApi(cloudflareApiRef);
  const [toId, setToId] = useState<string>('');
  const [fromId, setFromId] = useState<string>('');
  const to = snapshots.find(s => s.id === toId);
  const candidates = to
    ? snapshots.filter(s => s.kind === to.kind && s.id !== to.id)
    : [];

  // Newest snapshot with an older one of its kind: the default pair.
  useEffect(() => {
    if (toId && snapshots.some(s => s.id === toId)) return;
    const newest = snapshots.find(s => olderOfSameKind(snapshots, s));
    setToId(newest?.id ?? '');
    setFromId(olderOfSameKind(snapshots, newest)?.id ?? '');
  }, [snapshots, toId]);

  const [result, compare] = useAsyncFn(
    () => api.diffEvidence(fromId, toId),
    [api, fromId, toId],
  );

  const label = (s: CloudflareEvidenceRecord) =>
    `${kindLabels[s.kind] ?? s.kind} · ${absoluteTime(
      s.createdAt,
    )} · ${s.sha256.slice(0, 8)}`;

  const pickTo = (id: string) => {
    setToId(id);
    const next = snapshots.find(s => s.id === id);
    const from = snapshots.find(s => s.id === fromId);
    if (!from || from.kind !== next?.kind || from.id === id) {
      setFromId(olderOfSameKind(snapshots, next)?.id ?? '');
    }
  };

  const rows = result.value ? diffRows(result.value) : [];
  return (
    <Box mt={3} data-testid="evidence-diff">
      <Typography variant="h6" gutterBottom>
        Compare two snapshots
      </Typography>
      <Box display="flex" gridGap={16} alignItems="center" flexWrap="wrap">
        <SnapshotSelect
          id="evidence-diff-to"
          label="To snapshot"
          value={toId}
          onChange={pickTo}
          options={snapshots}
          optionLabel={label}
          empty="Pick a snapshot"
        />
        <SnapshotSelect
          id="evidence-diff-from"
          label="From snapshot (same kind)"
          value={fromId}
          onChange={setFromId}
          options={candidates}
          optionLabel={label}
          empty={
            to && !candidates.length
              ? 'No other snapshot of this kind'
              : 'Pick a snapshot'
          }
        />
        <Button
          variant="outlined"
          color="primary"
          onClick={() => compare()}
          disabled={!fromId || !toId || result.loading}
        >
          Compare
        </Button>
        {result.loading && <Progress style={{ width: 80 }} />}
      </Box>
      {result.error && (
        <ErrorState
          error={result.error}
          permission={cloudflareExportEvidencePermission.name}
          permissionDescription={`${cloudflareExportEvidencePermission.name} and the read permission of every area the two snapshots hold (cloudflare.read.unmasked is not needed: the diff is masked)`}
        />
      )}
      {result.value && (
        <Box mt={2}>
          <Typography variant="body2" data-testid="evidence-diff-summary">
            {result.value.added.length} added, {result.value.removed.length}{' '}
            removed, {result.value.changed.length} changed,{' '}
            {result.value.unchanged} unchanged ({result.value.view} view)
          </Typography>
          {rows.length > 0 && (
            <Table size="small" aria-label="evidence differences">
              <TableHead>
                <TableRow>
                  {['Change', 'Record', 'Field', 'Before', 'After'].map(h => (
                    // Short headers must not wrap letter by letter beside wide JSON cells.
                    <TableCell key={h} style={{ whiteSpace: 'nowrap' }}>
                      {h}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map(r => (
                  <TableRow key={`${r.change}:${r.key}:${r.path ?? ''}`}>
                    <TableCell style={{ whiteSpace: 'nowrap' }}>
                      {r.change}
                    </TableCell>
                    <TableCell>
                      <code>{r.key}</code>
                    </TableCell>
                    <TableCell>
                      {r.path ? <code>{r.path}</code> : '—'}
                    </TableCell>
                    <JsonCell value={r.before} />
                    <JsonCell value={r.after} />
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Box>
      )}
    </Box>
  );
}
