import {
  InfoCard,
  Link,
  Progress,
  EmptyState,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { MissingAnnotationEmptyState } from '@backstage/plugin-catalog-react';
import { CloudflareArea } from '@cloudflare-backstage/plugin-cloudflare-common';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import {
  CloudflareApi,
  cloudflareApiRef,
  CloudflareDeployment,
  CloudflareDeploymentList,
} from '../../api';
import { ErrorState, isNotFound } from './errors';
import { TimeCell } from './time';

/** A deployment lacks provenance when it has no commit SHA or no CI run link. */
export function lacksProvenance(d: CloudflareDeployment): boolean {
  return !d.commitSha || !d.ciRunUrl;
}

const short = (value: string | undefined, n = 8) =>
  value && value.length > n ? value.slice(0, n) : value;

function MissingProvenance(props: { deployment: CloudflareDeployment }) {
  const missing = [
    !props.deployment.commitSha && 'commit SHA',
    !props.deployment.ciRunUrl && 'CI run link',
  ]
    .filter(Boolean)
    .join(' and ');
  return (
    <Chip
      size="small"
      color="secondary"
      variant="outlined"
      label="missing provenance"
      title={`No ${missing}: this deployment cannot be traced to a reviewed change. Deploy from CI with commit metadata.`}
      data-testid="missing-provenance"
    />
  );
}

/** The deployments table of one script or project. */
export function DeploymentsTable(props: { items: CloudflareDeployment[] }) {
  const showBranch = props.items.some(d => d.branch);
  return (
    <Table size="small" aria-label="deployments">
      <TableHead>
        <TableRow>
          <TableCell>Time</TableCell>
          <TableCell>Version</TableCell>
          <TableCell>Environment</TableCell>
          {showBranch && <TableCell>Branch</TableCell>}
          <TableCell>Commit</TableCell>
          <TableCell>CI run</TableCell>
          <TableCell>Status</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.items.map(d => (
          <TableRow key={d.id || d.createdOn}>
            <TableCell>
              <TimeCell iso={d.createdOn} />
            </TableCell>
            <TableCell>
              <span title={d.version}>{short(d.version) ?? '—'}</span>
              {typeof d.percentage === 'number' && d.percentage < 100 && (
                <Typography variant="caption" component="span">
                  {' '}
                  ({d.percentage}%)
                </Typography>
              )}
            </TableCell>
            <TableCell>{d.environment ?? '—'}</TableCell>
            {showBranch && <TableCell>{d.branch ?? '—'}</TableCell>}
            <TableCell>
              {d.commitSha && d.commitUrl && (
                <Link to={d.commitUrl} title={d.commitSha}>
                  <code>{short(d.commitSha, 7)}</code>
                </Link>
              )}
              {d.commitSha && !d.commitUrl && (
                <code title={d.commitSha}>{short(d.commitSha, 7)}</code>
              )}
              {!d.commitSha && '—'}
            </TableCell>
            <TableCell>
              {d.ciRunUrl ? <Link to={d.ciRunUrl}>CI run</Link> : '—'}
            </TableCell>
            <TableCell>
              {d.status ?? ''}
              {lacksProvenance(d) && (
                <>
                  {d.status ? ' ' : ''}
                  <MissingProvenance deployment={d} />
                </>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** How a card loads the deployments of one name. */
export type DeploymentsLoader = (
  api: CloudflareApi,
  name: string,
) => Promise<CloudflareDeploymentList>;

function DeploymentsOfName(props: {
  area: CloudflareArea;
  name: string;
  load: DeploymentsLoader;
  noun: string;
}) {
  const api = useApi(cloudflareApiRef);
  const { area, name, load, noun } = props;
  const state = useAsync(() => load(api, name), [api, name, load]);

  let body: JSX.Element;
  if (state.loading) {
    body = <Progress />;
  } else if (state.error && isNotFound(state.error)) {
    body = (
      <EmptyState
        missing="info"
        title={`No ${noun} named ${name} in the Cloudflare account`}
        description={`Check the ${area.annotation} annotation for a typo, or whether the ${noun} was renamed or deleted. (${state.error.message})`}
      />
    );
  } else if (state.error) {
    body = <ErrorState error={state.error} permission={area.readPermission} />;
  } else if (!state.value || state.value.items.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title={`No deployments for ${name} yet`}
        description={`Deploy the ${noun} from CI (for example wrangler with the commit SHA and run URL as deployment metadata) and it will be listed here.`}
      />
    );
  } else {
    const missing = state.value.items.filter(lacksProvenance).length;
    body = (
      <>
        {missing > 0 && (
          <Typography variant="body2" color="textSecondary" gutterBottom>
            {missing} of {state.value.items.length} deployments lack provenance
            (commit SHA or CI run link).
          </Typography>
        )}
        <DeploymentsTable items={state.value.items} />
      </>
    );
  }
  return (
    <InfoCard
      title={`${area.title} deployments`}
      subheader={name}
      noPadding={!!state.value?.items.length}
    >
      {body}
    </InfoCard>
  );
}

/**
 * Deployments cards of one area: one card per name, or the missing-annotation state.
 */
export function DeploymentsCardBase(props: {
  area: CloudflareArea;
  names: string[];
  load: DeploymentsLoader;
  noun: string;
}) {
  const { area, names } = props;
  if (names.length === 0) {
    return (
      <InfoCard title={`${area.title} deployments`}>
        <MissingAnnotationEmptyState annotation={area.annotation ?? ''} />
      </InfoCard>
    );
  }
  return (
    <>
      {names.map(name => (
        <DeploymentsOfName
          key={name}
          area={area}
          name={name}
          load={props.load}
          noun={props.noun}
        />
      ))}
    </>
  );
}
