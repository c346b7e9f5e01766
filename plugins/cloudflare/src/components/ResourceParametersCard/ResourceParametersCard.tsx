import { InfoCard, Link } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { areaOfResource } from '../../conditions';
import { accountOfEntity } from '../shared/account';
import { postureLinkOf, usePosturePath } from '../shared/posturePath';
import { ParametersTable } from './ParametersTable';

/** The resource's account, linking to the posture page of that account when the app has the page. */
function AccountLine(props: { account: string }) {
  const posture = usePosturePath();
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="p"
      data-testid="resource-account"
    >
      Cloudflare account <code>{props.account}</code>
      {posture && (
        <>
          {' · '}
          <Link to={postureLinkOf(posture, props.account)}>
            Posture of this account
          </Link>
        </>
      )}
    </Typography>
  );
}

/**
 * The Cloudflare parameters of a suite `Resource` entity (`spec.parameters`), with human labels,
 * and the account it belongs to (`cloudflare.com/account-id`).
 *
 * @public
 */
export function ResourceParametersCard() {
  const { entity } = useEntity();
  const area = areaOfResource(entity);
  const account = accountOfEntity(entity);
  return (
    <InfoCard
      title={`${area?.title ?? 'Cloudflare'} resource`}
      subheader={String(entity.spec?.type ?? '')}
    >
      <ParametersTable parameters={entity.spec?.parameters} />
      {account && <AccountLine account={account} />}
    </InfoCard>
  );
}
