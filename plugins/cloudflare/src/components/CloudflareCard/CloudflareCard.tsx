import { Entity } from '@backstage/catalog-model';
import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi, useApiHolder } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  MissingAnnotationEmptyState,
  useAsyncEntity,
} from '@backstage/plugin-catalog-react';
import {
  CloudflareAreaId,
  CloudflareEnvelope,
  cloudflareEntityName,
  cloudflareReadUnmaskedPermission,
  getCloudflareArea,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { cloudflareApiRef } from '../../api';
import { CloudflareCardDescriptor } from '../../cards';
import { accountOfEntity } from '../shared/account';
import { ErrorState, isNotFound } from '../shared/errors';
import { StaleNotice } from '../shared/UpstreamNotices';
import { useAreaNames } from '../shared/useAreaNames';

/**
 * Props of {@link CloudflareCard}.
 *
 * @public
 */
export interface CloudflareCardProps {
  /** The area's card descriptor (`CLOUDFLARE_CARDS.workers`, ...). */
  card: CloudflareCardDescriptor;
  /** The resource name the card reads (ignored by account-wide cards). */
  name?: string;
  /**
   * The name's `Resource` entity, when the caller has it (the Resource page); otherwise the card
   * fetches it from the catalog for the descriptor's `params` and `summary`.
   */
  resource?: Entity;
  /**
   * The account to read (`?account=`): the entity's `cloudflare.com/account-id` annotation, or the
   * account picked on the posture page. Default: the `resource` entity's annotation, else the
   * backend's one account.
   */
  account?: string;
}

/** What the envelope says besides its items: masked values (stale data has its own notice). */
function MaskedNote(props: { envelope: CloudflareEnvelope<unknown> }) {
  const { masked } = props.envelope;
  const paths = Object.keys(masked).filter(p => masked[p] > 0);
  const count = paths.reduce((n, p) => n + masked[p], 0);
  if (count === 0) return null;
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="p"
      data-testid="cloudflare-masked"
    >
      {count} sensitive {count === 1 ? 'value is' : 'values are'} masked (
      {paths.join(', ')}); they are shown in clear only to holders of{' '}
      <code>{cloudflareReadUnmaskedPermission.name}</code>.
    </Typography>
  );
}

/** The `Resource` entity of an entity name, or undefined (not in the catalog, or a catalog fault). */
async function entityNamed(
  catalogApi: typeof catalogApiRef.T,
  name: string,
): Promise<Entity | undefined> {
  try {
    return await catalogApi.getEntityByRef({
      kind: 'resource',
      namespace: 'default',
      name,
    });
  } catch {
    return undefined;
  }
}

/**
 * The `Resource` entity of a resource name, when the app has a catalog and the catalog has it; a
 * catalog fault leaves it undefined (cards whose routes need nothing from it read on). A provider
 * of one account names it `cloudflareEntityName(area, name)`; one of several accounts appends a
 * hash of the account, so with an `account` the name in that account is tried when the plain name
 * is missing or belongs to another account.
 */
async function resourceEntity(
  catalogApi: typeof catalogApiRef.T | undefined,
  area: CloudflareAreaId,
  name: string,
  account: string | undefined,
): Promise<Entity | undefined> {
  if (!catalogApi) return undefined;
  const plain = await entityNamed(catalogApi, cloudflareEntityName(area, name));
  if (!account) return plain;
  const plainAccount = accountOfEntity(plain);
  if (plain && (plainAccount === undefined || plainAccount === account)) {
    return plain;
  }
  return entityNamed(catalogApi, cloudflareEntityName(area, name, account));
}

/**
 * One card over one route read: the descriptor's columns over the envelope's items, and every
 * state (loading, not found, denied, error, empty, masked, stale) from this one place.
 *
 * @public
 */
export function CloudflareCard(props: CloudflareCardProps) {
  const { card, name } = props;
  const api = useApi(cloudflareApiRef);
  const catalogApi = useApiHolder().get(catalogApiRef);
  const area = getCloudflareArea(card.route.area);
  const givenAccount = props.account ?? accountOfEntity(props.resource);
  const state = useAsync(async () => {
    const withAccount = (account: string | undefined) =>
      account ? { account } : {};
    if (!card.params || name === undefined) {
      return {
        envelope: await api.read(card.route, {
          params: {},
          ...withAccount(givenAccount),
        }),
      };
    }
    const resource =
      props.resource ??
      (await resourceEntity(catalogApi, area.id, name, givenAccount));
    const params = card.params(name, resource);
    const query = card.query?.(name, resource);
    return {
      resource,
      envelope: params
        ? await api.read(card.route, {
            params,
            ...(query ? { query } : {}),
            ...withAccount(givenAccount ?? accountOfEntity(resource)),
          })
        : undefined,
    };
  }, [api, catalogApi, card, name, props.resource, givenAccount]);
  const envelope = state.value?.envelope;
  const all = envelope?.items ?? (envelope?.item ? [envelope.item] : []);
  const items = card.rows && name !== undefined ? card.rows(all, name) : all;

  let body: JSX.Element;
  if (state.loading) {
    body = <Progress />;
  } else if (state.value && !envelope) {
    body = (
      <EmptyState
        missing="info"
        title={`${area.title} resource ${name} is not in the catalog yet`}
        description="The Cloudflare entity provider adds it on its next run when it exists in the account."
      />
    );
  } else if (state.error && isNotFound(state.error)) {
    body = (
      <EmptyState
        missing="info"
        title={`No ${area.title} resource named ${name} in the Cloudflare account`}
        description={`Check the ${area.annotation} annotation for a typo, or whether it was renamed or deleted. (${state.error.message})`}
      />
    );
  } else if (state.error) {
    body = <ErrorState error={state.error} permission={area.readPermission} />;
  } else if (items.length === 0) {
    body = (
      <>
        {envelope?.stale && <StaleNotice fetchedAt={envelope.fetchedAt} />}
        <EmptyState missing="data" {...card.empty} />
      </>
    );
  } else {
    const summary = card.summary?.(items, state.value?.resource);
    body = (
      <>
        {envelope?.stale && <StaleNotice fetchedAt={envelope.fetchedAt} />}
        {summary && (
          <Typography variant="body2" color="textSecondary" gutterBottom>
            {summary}
          </Typography>
        )}
        <Table size="small" aria-label={card.title}>
          <TableHead>
            <TableRow>
              {card.columns.map(c => (
                <TableCell key={c.title}>{c.title}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((item, i) => (
              <TableRow key={`${card.rowKey(item)}#${i}`}>
                {card.columns.map(c => (
                  <TableCell key={c.title}>{c.render(item)}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {envelope && <MaskedNote envelope={envelope} />}
      </>
    );
  }
  return (
    <InfoCard title={card.title} subheader={card.params ? name : undefined}>
      {body}
    </InfoCard>
  );
}

/**
 * Props of {@link CloudflareEntityCard}.
 *
 * @public
 */
export interface CloudflareEntityCardProps {
  /** The area's card descriptor. */
  card: CloudflareCardDescriptor;
  /** A resource name; defaults to the entity's annotation, or the Resource entity's own name. */
  name?: string;
}

/** The current entity's `cloudflare.com/account-id`, when the card is inside an entity page. */
function useEntityAccount(): string | undefined {
  return accountOfEntity(useAsyncEntity().entity);
}

/**
 * The area's card for the current entity: one card per resource name (the `name` prop, the
 * Component's annotation or the area's Resource entity), the missing-annotation state when the
 * entity names none; account-wide cards read once.
 *
 * @public
 */
export function CloudflareEntityCard(props: CloudflareEntityCardProps) {
  const { card } = props;
  const area = getCloudflareArea(card.route.area);
  const names = useAreaNames(area, props.name);
  const account = useEntityAccount();
  if (!card.params) return <CloudflareCard card={card} account={account} />;
  if (names.length === 0) {
    return (
      <InfoCard title={card.title}>
        <MissingAnnotationEmptyState annotation={area.annotation ?? ''} />
      </InfoCard>
    );
  }
  return (
    <>
      {names.map(n => (
        <CloudflareCard key={n} card={card} name={n} account={account} />
      ))}
    </>
  );
}
