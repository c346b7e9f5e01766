import { Link } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import { CloudflareCardColumn } from './types';

/** What a deployment's provenance is made of (Workers and Pages alike). */
export interface Provenance {
  commitSha?: string;
  commitUrl?: string;
  ciRunUrl?: string;
}

/** A deployment lacks provenance when it has no commit SHA or no CI run link. */
export function lacksProvenance(d: Provenance): boolean {
  return !d.commitSha || !d.ciRunUrl;
}

/** `N of M deployments lack provenance ...`, or nothing when all have it. */
export function provenanceSummary(items: Provenance[]): string | undefined {
  const missing = items.filter(lacksProvenance).length;
  return missing
    ? `${missing} of ${items.length} deployments lack provenance (commit SHA or CI run link).`
    : undefined;
}

/** The first characters of an id, with the whole id as its title. */
export function ShortId(props: { value?: string; length?: number }) {
  const { value, length = 8 } = props;
  if (!value) return <>—</>;
  return <span title={value}>{value.slice(0, length)}</span>;
}

/** The short commit SHA, linked to the commit when its URL is known. */
function CommitCell(props: { deployment: Provenance }) {
  const { commitSha, commitUrl } = props.deployment;
  if (!commitSha) return <>—</>;
  const code = <code>{commitSha.slice(0, 7)}</code>;
  return commitUrl ? (
    <Link to={commitUrl} title={commitSha}>
      {code}
    </Link>
  ) : (
    <span title={commitSha}>{code}</span>
  );
}

/** The CI run link. */
function CiRunCell(props: { deployment: Provenance }) {
  const { ciRunUrl } = props.deployment;
  return ciRunUrl ? <Link to={ciRunUrl}>CI run</Link> : <>—</>;
}

/** A status and, when the deployment lacks provenance, the marker that says so. */
function StatusCell(props: { status?: string; deployment: Provenance }) {
  const { status, deployment } = props;
  if (!lacksProvenance(deployment)) return <>{status ?? '—'}</>;
  const missing = [
    !deployment.commitSha && 'commit SHA',
    !deployment.ciRunUrl && 'CI run link',
  ]
    .filter(Boolean)
    .join(' and ');
  return (
    <>
      {status ? `${status} ` : ''}
      <Chip
        size="small"
        color="secondary"
        variant="outlined"
        label="missing provenance"
        title={`No ${missing}: this deployment cannot be traced to a reviewed change. Deploy from CI with commit metadata.`}
        data-testid="missing-provenance"
      />
    </>
  );
}

/**
 * The provenance columns of a deployment card (Workers and Pages alike): branch, commit, CI run, and
 * the deployment's status (from `status`) with the _missing provenance_ marker.
 */
export function provenanceColumns<T extends Provenance & { branch?: string }>(
  status: (deployment: T) => string | undefined,
): CloudflareCardColumn<T>[] {
  return [
    { title: 'Branch', render: d => d.branch ?? '—' },
    { title: 'Commit', render: d => <CommitCell deployment={d} /> },
    { title: 'CI run', render: d => <CiRunCell deployment={d} /> },
    {
      title: 'Status',
      render: d => <StatusCell status={status(d)} deployment={d} />,
    },
  ];
}

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** A size in decimal units, as Cloudflare's dashboard shows sizes: `412.1 MB`; `—` when unknown. */
export function humanBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0
    ? `${value} ${value === 1 ? 'byte' : 'bytes'}`
    : `${value.toFixed(1)} ${UNITS[unit]}`;
}
