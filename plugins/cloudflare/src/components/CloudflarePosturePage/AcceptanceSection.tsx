import {
  InfoCard,
  Progress,
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { CloudflareAcceptanceCriterion } from '@cloudflare-backstage/plugin-cloudflare-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { cloudflareApiRef } from '../../api';
import { ErrorState } from '../shared/errors';
import { TimeCell } from '../shared/time';

const statusOf = (c: CloudflareAcceptanceCriterion) => {
  if (c.denied) return 'denied';
  return c.pass ? 'pass' : 'fail';
};

function CriterionStatus(props: { criterion: CloudflareAcceptanceCriterion }) {
  const status = statusOf(props.criterion);
  if (status === 'denied') return <StatusWarning>not permitted</StatusWarning>;
  return status === 'pass' ? (
    <StatusOK>pass</StatusOK>
  ) : (
    <StatusError>fail</StatusError>
  );
}

/**
 * The acceptance criteria of spec section 11 as the backend measures them now
 * (`GET /api/cloudflare/v1/acceptance`): target, measured value, pass or fail, and what fails; in
 * `account` when the posture page picked one.
 */
export function AcceptanceSection(props: { account?: string }) {
  const api = useApi(cloudflareApiRef);
  const { account } = props;
  const state = useAsync(
    () => (account ? api.getAcceptance({ account }) : api.getAcceptance()),
    [api, account],
  );

  let body: JSX.Element;
  if (state.error) {
    body = (
      <ErrorState
        error={state.error}
        permission="cloudflare.read"
        permissionDescription="to read the figures the acceptance criteria measure"
      />
    );
  } else if (state.loading || !state.value) {
    body = <Progress />;
  } else {
    const { criteria, measuredAt } = state.value;
    body = (
      <>
        <Table size="small" aria-label="acceptance criteria">
          <TableHead>
            <TableRow>
              <TableCell>Criterion</TableCell>
              <TableCell>Target</TableCell>
              <TableCell>Measured</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Detail</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {criteria.map(c => (
              <TableRow
                key={c.id}
                data-testid={`acceptance-${c.id}`}
                data-status={statusOf(c)}
              >
                <TableCell>{c.title}</TableCell>
                <TableCell>{c.target}</TableCell>
                <TableCell>{c.measured}</TableCell>
                <TableCell
                  data-testid="acceptance-status"
                  style={{ whiteSpace: 'nowrap' }}
                >
                  <CriterionStatus criterion={c} />
                </TableCell>
                <TableCell>{c.detail ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Typography variant="caption" color="textSecondary">
          Measured <TimeCell iso={measuredAt} />
        </Typography>
      </>
    );
  }
  return (
    <InfoCard
      title="Spec acceptance (section 11)"
      subheader="The delivery plan's acceptance criteria, measured against the account and the catalog now"
    >
      {body}
    </InfoCard>
  );
}
