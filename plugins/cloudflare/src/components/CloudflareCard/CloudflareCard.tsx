import { Entity } from '@backstage/catalog-model';
import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi, useApiHolder } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  MissingAnnotationEmptyState,
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
import { ErrorState, isNotFound } from '../shared/errors';
import { relativeTime } from '../shared/time';
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
}

/** What the envelope says besides its items: masked values and stale data. */
function EnvelopeNotes(props: { envelope: CloudflareEnvelope<unknown> }) {
  const { masked, stale, fetchedAt } = props.envelope;
  const paths = Object.keys(masked).filter(p => masked[p] > 0);
  const count = paths.reduce((n, p) => n + masked[p], 0);
  return (
    <>
      {count > 0 && (
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
      )}
      {stale && (
        <Typography
          variant="caption"
          color="textSecondary"
          component="p"
          data-testid="cloudflare-stale"
        >
          Cloudflare did not answer; this is what it said{' '}
          {relativeTime(fetchedAt)}.
        </Typography>
      )}
    </>
  );
}

/**
 * The `Resource` entity of a resource name, when the app has a catalog and the catalog has it; a
 * catalog fault leaves it undefined (cards whose routes need nothing from it read on).
 */
async function resourceEntity(
  catalogApi: typeof catalogApiRef.T | undefined,
  area: CloudflareAreaId,
  name: string,
): Promise<Entity | undefined> {
  try {
    return await catalogApi?.getEntityByRef({
      kind: 'resource',
      namespace: 'default',
      name: cloudflareEntityName(area, name),
    });
  } catch {
    return undefined;
  }
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
  const state = useAsync(async () => {
    if (!card.params || name === undefined) {
      return { envelope: await api.read(card.route, { params: {} }) };
    }
    const resource =
      props.resource ?? (await resourceEntity(catalogApi, area.id, name));
    const params = card.params(name, resource);
    const query = card.query?.(name, resource);
    return {
      resource,
      envelope: params
        ? await api.read(card.route, { params, ...(query ? { query } : {}) })
        : undefined,
    };
  }, [api, catalogApi, card, name, props.resource]);
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
    body = <EmptyState missing="data" {...card.empty} />;
  } else {
    const summary = card.summary?.(items, state.value?.resource);
    body = (
      <>
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
        {envelope && <EnvelopeNotes envelope={envelope} />}
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
  if (!card.params) return <CloudflareCard card={card} />;
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
        <CloudflareCard key={n} card={card} name={n} />
      ))}
    </>
  );
}
