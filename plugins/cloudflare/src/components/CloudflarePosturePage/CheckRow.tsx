import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  CLOUDFLARE_SOC2_CRITERIA,
  CloudflareSoc2Criterion,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { RemediationLink } from '../CloudflareRemediationPage';
import { CheckSummary } from './scorecards';

/**
 * One check of a scorecard: its status, the SOC 2 criterion it evidences, how many entities pass,
 * each failing entity with the reason in words, and the remediation link when it fails.
 */
export function CheckRow(props: {
  summary: CheckSummary;
  criterion: CloudflareSoc2Criterion;
}) {
  const { summary, criterion } = props;
  const { check, evaluated, passed, failed } = summary;
  let outcome: 'no-data' | 'pass' | 'fail';
  let status: JSX.Element;
  if (evaluated === 0) {
    outcome = 'no-data';
    status = <StatusWarning>no data</StatusWarning>;
  } else if (failed.length === 0) {
    outcome = 'pass';
    status = <StatusOK>pass</StatusOK>;
  } else {
    outcome = 'fail';
    status = <StatusError>fail</StatusError>;
  }
  return (
    <ListItem
      divider
      alignItems="flex-start"
      style={{ display: 'block' }}
      data-testid={`check-${check.id}`}
      data-status={outcome}
    >
      <Typography variant="subtitle1">
        {status} {check.name}
      </Typography>
      <Typography variant="caption" color="textSecondary" component="div">
        SOC 2 {criterion} {CLOUDFLARE_SOC2_CRITERIA[criterion]}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {check.description}
      </Typography>
      <Typography variant="body2">
        {evaluated === 0
          ? 'No entity has facts for this check yet; the fact retrievers run hourly.'
          : `${passed.length} of ${evaluated} entities pass.`}
        {failed.length > 0 && (
          <>
            {' '}
            <RemediationLink checkId={check.id} />
          </>
        )}
      </Typography>
      {failed.length > 0 && (
        <List dense disablePadding>
          {failed.map(f => (
            <ListItem
              key={f.entity}
              disableGutters
              style={{ display: 'block' }}
            >
              <EntityRefLink entityRef={f.entity} />
              <Typography variant="body2" component="span">
                {' '}
                — {f.reason}
              </Typography>
            </ListItem>
          ))}
        </List>
      )}
      {failed.length === 0 && passed.length > 0 && (
        <Typography variant="caption" color="textSecondary">
          Concerns:{' '}
          {passed.map((ref, i) => (
            <span key={ref}>
              {i > 0 && ', '}
              <EntityRefLink entityRef={ref} hideIcon />
            </span>
          ))}
        </Typography>
      )}
    </ListItem>
  );
}
