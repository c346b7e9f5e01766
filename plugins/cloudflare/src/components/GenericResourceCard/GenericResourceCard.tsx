import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { CloudflareArea } from '@cloudflare-backstage/plugin-cloudflare-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { resourceEntityName } from '../../conditions';

/**
 * Props of {@link GenericResourceCard}.
 *
 * @public
 */
export interface GenericResourceCardProps {
  area: CloudflareArea;
  names: string[];
  /** Namespace of the Resource entities; `default` unless the provider is configured otherwise. */
  namespace?: string;
}

/**
 * Card for an area without a dedicated card: the annotated names, linked to their Resource
 * entities.
 *
 * @public
 */
export function GenericResourceCard(props: GenericResourceCardProps) {
  const { area, names, namespace = 'default' } = props;
  return (
    <InfoCard title={area.title} subheader={`${area.annotation}`}>
      <List dense disablePadding>
        {names.map(name => (
          <ListItem key={name} disableGutters>
            <EntityRefLink
              entityRef={{
                kind: 'resource',
                namespace,
                name: resourceEntityName(area, name),
              }}
            >
              {name}
            </EntityRefLink>
          </ListItem>
        ))}
      </List>
      <Typography variant="caption" color="textSecondary">
        Each name opens its Resource entity, with what the catalog holds of it.
      </Typography>
    </InfoCard>
  );
}
