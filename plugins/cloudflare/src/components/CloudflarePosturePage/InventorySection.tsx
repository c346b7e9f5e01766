import { Entity } from '@backstage/catalog-model';
import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useMemo } from 'react';
import { catalogIndexRouteRef } from '../../routes';
import {
  AreaCount,
  catalogResourcesLink,
  DEFAULT_CATALOG_INDEX_PATH,
  inventoryOf,
} from './inventory';

const useStyles = makeStyles(theme => ({
  tile: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(1, 1.5),
    height: '100%',
  },
  count: { fontSize: '1.5rem', fontWeight: 600, lineHeight: 1.2 },
  empty: { color: theme.palette.text.disabled },
  owner: { justifyContent: 'space-between', gap: theme.spacing(2) },
}));

function AreaTile(props: { entry: AreaCount; catalogIndexPath: string }) {
  const classes = useStyles();
  const { area, count } = props.entry;
  return (
    <div className={classes.tile} data-testid={`inventory-area-${area.id}`}>
      <Typography variant="body2" color="textSecondary" noWrap>
        {area.title}
      </Typography>
      {count > 0 ? (
        <Link
          className={classes.count}
          to={catalogResourcesLink(props.catalogIndexPath, {
            types: [area.resourceType],
          })}
          aria-label={`${count} ${area.title} resources in the catalog`}
        >
          {count}
        </Link>
      ) : (
        // The catalog page drops a type filter no entity has, so 0 is not a link.
        <span className={`${classes.count} ${classes.empty}`}>0</span>
      )}
    </div>
  );
}

/**
 * What the catalog holds of the account: the suite's Resource entities per product area (every
 * area, none too) and per owner, each count linking to the catalog filtered to it.
 */
export function InventorySection(props: { resources: Entity[] }) {
  const classes = useStyles();
  const catalogIndex = useRouteRef(catalogIndexRouteRef);
  const catalogIndexPath = catalogIndex?.() ?? DEFAULT_CATALOG_INDEX_PATH;
  const inventory = useMemo(
    () => inventoryOf(props.resources),
    [props.resources],
  );
  return (
    <InfoCard
      title="Inventory"
      subheader={`${inventory.total} Cloudflare resources in the catalog`}
    >
      <Grid container spacing={3}>
        <Grid item xs={12} md={8}>
          <Typography variant="subtitle2" gutterBottom>
            Per product area
          </Typography>
          <Grid container spacing={1}>
            {inventory.areas.map(entry => (
              <Grid item xs={6} sm={4} lg={3} key={entry.area.id}>
                <AreaTile entry={entry} catalogIndexPath={catalogIndexPath} />
              </Grid>
            ))}
          </Grid>
        </Grid>
        <Grid item xs={12} md={4}>
          <Typography variant="subtitle2" gutterBottom>
            Per owner
          </Typography>
          {inventory.owners.length === 0 ? (
            <Typography variant="body2" color="textSecondary">
              No Cloudflare resource has an owner yet.
            </Typography>
          ) : (
            <List dense disablePadding data-testid="inventory-owners">
              {inventory.owners.map(o => (
                <ListItem
                  key={o.owner}
                  disableGutters
                  divider
                  className={classes.owner}
                  data-testid={`inventory-owner-${o.owner}`}
                >
                  <EntityRefLink entityRef={o.owner} />
                  <Link
                    to={catalogResourcesLink(catalogIndexPath, {
                      types: o.types,
                      owner: o.owner,
                    })}
                    aria-label={`${o.count} resources owned by ${o.owner}`}
                  >
                    {o.count}
                  </Link>
                </ListItem>
              ))}
            </List>
          )}
          {inventory.withoutOwner > 0 && (
            <Typography variant="caption" color="textSecondary">
              {inventory.withoutOwner} without a valid owner
            </Typography>
          )}
        </Grid>
      </Grid>
    </InfoCard>
  );
}
