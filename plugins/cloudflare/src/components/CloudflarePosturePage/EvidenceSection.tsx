import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { cloudflareExportEvidencePermission } from '@cloudflare-backstage/plugin-cloudflare-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useCallback, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  cloudflareApiRef,
  CloudflareEvidenceRecord,
  CloudflareEvidenceVerification,
  saveDownload,
  sha256Hex,
} from '../../api';
import { EvidenceDiff } from '../EvidenceDiff';
import { ErrorState } from '../shared/errors';
import { TimeCell } from '../shared/time';

const PERMISSION = cloudflareExportEvidencePermission.name;

const KIND_LABELS: Record<string, string> = {
  'zero-trust-audit': 'Zero Trust audit',
  'deployment-provenance': 'Deployment provenance',
  'r2-lifecycle': 'R2 lifecycle',
};

type Notice = { text: string; sha256?: string; localCheck?: string };

/**
 * The hash to show for downloaded bytes: the recorded one, checked against a hash computed in the
 * browser when Web Crypto is there; the computed one alone when the backend's header was not
 * readable (cross-origin apps that do not expose it).
 */
async function hashNotice(
  text: string,
  blob: Blob,
  recorded: string | undefined,
): Promise<Notice> {
  const computed = await sha256Hex(blob).catch(() => undefined);
  if (!recorded) {
    return {
      text,
      sha256: computed,
      localCheck: computed ? '(computed in your browser)' : undefined,
    };
  }
  if (!computed) return { text, sha256: recorded };
  return {
    text,
    sha256: recorded,
    localCheck:
      computed === recorded.toLowerCase()
        ? '(the downloaded bytes match: checked in your browser)'
        : `— but the downloaded bytes hash to ${computed}: do not use this file`,
  };
}

/** Names a deployment-provenance snapshot covers. */
export interface ProvenanceScope {
  workers: string[];
  pages: string[];
  /** True when the catalog named more than the backend accepts in one snapshot. */
  truncated?: boolean;
}

function VerifyChip(props: { result: CloudflareEvidenceVerification }) {
  const { valid: ok, problems } = props.result;
  const title = ok
    ? 'The stored bytes still hash to the recorded SHA-256, and the chain holds.'
    : problems.join('; ');
  return (
    <Chip
      size="small"
      label={ok ? 'ok' : 'tampered'}
      color={ok ? 'primary' : 'secondary'}
      title={title}
      data-testid="verify-result"
    />
  );
}

/**
 * Evidence snapshots: export, list, download, verify. `account` (the posture page's pick, when the
 * catalog holds several accounts) is the account the exports read.
 */
export function EvidenceSection(props: {
  provenanceScope: ProvenanceScope;
  account?: string;
}) {
  const api = useApi(cloudflareApiRef);
  const accountOption = props.account ? { account: props.account } : undefined;
  const scope = props.provenanceScope;
  const scopeEmpty = scope.workers.length + scope.pages.length === 0;
  // A counter, not useAsyncRetry: its retry() is a no-op while a load runs, so a snapshot exported
  // while the list was still loading would never be listed.
  const [listVersion, setListVersion] = useState(0);
  const list = useAsync(() => api.listEvidence(), [api, listVersion]);
  const reloadList = () => setListVersion(v => v + 1);
  const [busy, setBusy] = useState<string | undefined>();
  const [notice, setNotice] = useState<Notice | undefined>();
  const [actionError, setActionError] = useState<Error | undefined>();
  const [verified, setVerified] = useState<
    Record<string, CloudflareEvidenceVerification>
  >({});

  const run = useCallback(
    async (key: string, action: () => Promise<Notice | undefined>) => {
      setBusy(key);
      setActionError(undefined);
      try {
        const n = await action();
        if (n) setNotice(n);
      } catch (e) {
        setActionError(e as Error);
      } finally {
        setBusy(undefined);
      }
    },
    [],
  );

  const exportZeroTrust = () =>
    run('export-zt', async () => {
      const d = accountOption
        ? await api.exportZeroTrustAudit(accountOption)
        : await api.exportZeroTrustAudit();
      saveDownload(d);
      reloadList();
      return hashNotice(`Saved ${d.fileName}`, d.blob, d.sha256);
    });

  const exportR2Lifecycle = () =>
    run('export-r2', async () => {
      const d = accountOption
        ? await api.exportR2Lifecycle({}, accountOption)
        : await api.exportR2Lifecycle();
      saveDownload(d);
      reloadList();
      return hashNotice(`Saved ${d.fileName}`, d.blob, d.sha256);
    });

  const exportProvenance = () =>
    run('export-prov', async () => {
      const provenance = { workers: scope.workers, pages: scope.pages };
      const s = accountOption
        ? await api.createDeploymentProvenanceSnapshot(
            provenance,
            accountOption,
          )
        : await api.createDeploymentProvenanceSnapshot(provenance);
      reloadList();
      return {
        text: `Stored a deployment-provenance snapshot of ${scope.workers.length} Worker scripts and ${scope.pages.length} Pages projects`,
        sha256: s.sha256,
      };
    });

  const downloadOscal = () =>
    run('oscal', async () => {
      const d = accountOption
        ? await api.downloadOscalAssessmentResults(accountOption)
        : await api.downloadOscalAssessmentResults();
      saveDownload(d);
      return { text: `Saved ${d.fileName}` };
    });

  const download = (s: CloudflareEvidenceRecord) =>
    run(`download-${s.id}`, async () => {
      const d = await api.downloadEvidence(s.id);
      saveDownload(d);
      return hashNotice(`Saved ${d.fileName}`, d.blob, d.sha256 ?? s.sha256);
    });

  // async: a key the API cannot give (an older backend, a mock) leaves the line out.
  const publicKey = useAsync(
    async () => api.getEvidencePublicKey(),
    [api],
  ).value;
  const downloadSignature = (s: CloudflareEvidenceRecord) =>
    run(`signature-${s.id}`, async () => {
      const d = await api.downloadEvidenceEnvelope(s.id);
      saveDownload(d);
      return { text: `Saved ${d.fileName}` };
    });
  const downloadPublicKey = (pem: string) =>
    saveDownload({
      blob: new Blob([pem], { type: 'application/x-pem-file' }),
      fileName: 'cloudflare-evidence-public-key.pem',
    });

  const verify = (s: CloudflareEvidenceRecord) =>
    run(`verify-${s.id}`, async () => {
      const result = await api.verifyEvidence(s.id);
      setVerified(v => ({ ...v, [s.id]: result }));
      return undefined;
    });

  let body: JSX.Element;
  if (list.loading && !list.value) {
    body = <Progress />;
  } else if (list.error) {
    body = <ErrorState error={list.error} permission={PERMISSION} />;
  } else if (!list.value?.items.length) {
    body = (
      <EmptyState
        missing="data"
        title="No evidence snapshots yet"
        description="Export a Zero Trust audit, R2 lifecycle or deployment-provenance snapshot above; each is stored, hashed and chained to the previous one."
      />
    );
  } else {
    body = (
      <Table size="small" aria-label="evidence snapshots">
        <TableHead>
          <TableRow>
            <TableCell>Kind</TableCell>
            <TableCell>Collected</TableCell>
            <TableCell>SHA-256</TableCell>
            <TableCell>Collector</TableCell>
            <TableCell align="right">Actions</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {list.value.items.map(s => (
            <TableRow key={s.id}>
              <TableCell>{KIND_LABELS[s.kind] ?? s.kind}</TableCell>
              <TableCell>
                <TimeCell iso={s.createdAt} />
                {s.stale && (
                  <Chip
                    size="small"
                    label="stale"
                    title={`Older than its kind's TTL: stale since ${s.staleAfter}`}
                    data-testid="evidence-stale"
                  />
                )}
              </TableCell>
              <TableCell>
                <code title={s.sha256}>{s.sha256.slice(0, 16)}…</code>
              </TableCell>
              <TableCell>{s.createdBy}</TableCell>
              <TableCell align="right">
                {verified[s.id] && <VerifyChip result={verified[s.id]} />}{' '}
                <Button
                  size="small"
                  onClick={() => verify(s)}
                  disabled={!!busy}
                  aria-label={`Verify ${s.id}`}
                >
                  Verify
                </Button>
                <Button
                  size="small"
                  onClick={() => download(s)}
                  disabled={!!busy}
                  aria-label={`Download ${s.id}`}
                >
                  Download
                </Button>
                <Button
                  size="small"
                  onClick={() => downloadSignature(s)}
                  disabled={!!busy}
                  aria-label={`Download signature ${s.id}`}
                >
                  Download signature
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  }

  return (
    <InfoCard
      title="Evidence"
      subheader="Hashed, timestamped snapshots an auditor can check with sha256sum"
    >
      <Box display="flex" gridGap={8} mb={2} flexWrap="wrap">
        <Button
          variant="outlined"
          color="primary"
          onClick={exportZeroTrust}
          disabled={!!busy}
        >
          Export Zero Trust audit snapshot
        </Button>
        <Button
          variant="outlined"
          color="primary"
          onClick={exportR2Lifecycle}
          disabled={!!busy}
          title="Lifecycle and object lock rules of every R2 bucket, in every jurisdiction"
        >
          Export R2 lifecycle snapshot
        </Button>
        <Button
          variant="outlined"
          color="primary"
          onClick={exportProvenance}
          disabled={!!busy || scopeEmpty}
          title={
            scopeEmpty
              ? 'No Worker script or Pages project in the catalog yet'
              : `Workers: ${scope.workers.join(', ') || 'none'}; Pages: ${
                  scope.pages.join(', ') || 'none'
                }${scope.truncated ? ' (first 20 of each)' : ''}`
          }
        >
          Export deployment-provenance snapshot
        </Button>
        <Button
          variant="outlined"
          onClick={downloadOscal}
          disabled={!!busy}
          title="NIST OSCAL 1.1 Assessment Results of the SOC 2 scorecards now, naming the newest verified snapshot of each kind by its SHA-256"
        >
          Download OSCAL assessment results
        </Button>
        {busy && <Progress style={{ width: 80, alignSelf: 'center' }} />}
      </Box>
      {notice && (
        <Typography variant="body2" data-testid="evidence-notice" gutterBottom>
          {notice.text}
          {notice.sha256 && (
            <>
              {' '}
              — SHA-256 <code>{notice.sha256}</code>
            </>
          )}
          {notice.localCheck && <> {notice.localCheck}</>}
        </Typography>
      )}
      {actionError && (
        <ErrorState error={actionError} permission={PERMISSION} />
      )}
      {publicKey && (
        <Typography variant="body2" data-testid="evidence-public-key">
          Signed with Ed25519 key <code>{publicKey.keyid}</code>{' '}
          <Button
            size="small"
            onClick={() => downloadPublicKey(publicKey.publicKeyPem)}
          >
            Download public key
          </Button>{' '}
          (check a snapshot without Backstage: docs/verifying-evidence.md)
        </Typography>
      )}
      {body}
      {list.value && list.value.items.length > 1 && (
        <EvidenceDiff snapshots={list.value.items} kindLabels={KIND_LABELS} />
      )}
    </InfoCard>
  );
}
