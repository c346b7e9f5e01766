import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  CloudflareArea,
  cloudflareEntityName,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { ParametersTable } from '../ResourceParametersCard';
import { ErrorState } from '../shared/errors';

/**
 * Props of {@link GenericResourceCard}.
 *
 * @public
 */
export interface GenericResourceCardProps {
  /** The product area. */
  area: CloudflareArea;
  /** Cloudflare names of the area's resources (the annotation's values). */
  names: string[];
  /** Namespace of the Resource entities; `default` unless the provider is configured otherwise. */
  namespace?: string;
}

/**
 * Card for an area without a card of its own: each annotated resource's `Resource` entity, linked,
 * with its `spec.parameters` as the catalog holds them.
 *
 * @public
 */
export function GenericResourceCard(props: GenericResourceCardProps) {
  const { area, names, namespace = 'default' } = props;
  const catalogApi = useApi(catalogApiRef);
  const refs = names.map(name => ({
    name,
    ref: {
      kind: 'resource',
      namespace,
      name: cloudflareEntityName(area.id, name),
    },
  }));
  const state = useAsync(
    () =>
      catalogApi.getEntitiesByRefs({
        entityRefs: refs.map(r => `resource:${r.ref.namespace}/${r.ref.name}`),
        fields: ['metadata.name', 'spec.parameters'],
      }),
    [catalogApi, area.id, namespace, names.join(',')],
  );
  let body: JSX.Element;
  if (state.loading) {
    body = <Progress />;
  } else if (state.error) {
    body = <ErrorState error={state.error} permission="catalog.entity.read" />;
  } else {
    body = (
      <>
        {refs.map(({ name, ref }, i) => {
          const entity = state.value?.items[i];
          return (
            <Box key={name} mb={2}>
              <Typography variant="subtitle2">
                <EntityRefLink entityRef={ref}>{name}</EntityRefLink>
              </Typography>
              {entity ? (
                <ParametersTable parameters={entity.spec?.parameters} />
              ) : (
                <Typography variant="body2" color="textSecondary">
                  Not in the catalog yet: the Cloudflare entity provider adds it
                  on its next run when it exists in the account.
                </Typography>
              )}
            </Box>
          );
        })}
      </>
    );
  }
  return (
    <InfoCard title={area.title} subheader={area.annotation}>
      {body}
    </InfoCard>
  );
}
