import { InfoCard, StatusError, StatusOK } from '@backstage/core-components';
import { Entity } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { computeCoverage, COVERAGE_TARGET } from './coverage';

const pct = (r: number) => `${Math.round(r * 1000) / 10}%`;

/** Share of production Components with a Cloudflare relation or annotation. */
export function CoverageSection(props: { components: Entity[] }) {
  const c = computeCoverage(props.components);
  const ok = c.production > 0 && c.ratio >= COVERAGE_TARGET;
  return (
    <InfoCard title="Catalog coverage" subheader="Production Components">
      {c.production === 0 ? (
        <Typography variant="body2">
          No Component has <code>spec.lifecycle: production</code> yet, so there
          is nothing to cover.
        </Typography>
      ) : (
        <>
          <Typography variant="h6" data-testid="coverage-summary">
            {ok ? <StatusOK /> : <StatusError />}
            {c.covered} of {c.production} production Components ({pct(c.ratio)})
            have a Cloudflare resource
          </Typography>
          <Typography variant="body2" color="textSecondary">
            Target: {pct(COVERAGE_TARGET)}. A Component is covered when it
            carries a <code>cloudflare.com/&lt;area&gt;</code> annotation or
            depends on a <code>cf-*</code> Resource.
          </Typography>
          {c.uncovered.length > 0 && (
            <>
              <Typography variant="subtitle2" style={{ marginTop: 8 }}>
                Uncovered ({c.uncovered.length})
              </Typography>
              <List dense disablePadding>
                {c.uncovered.map(e => (
                  <ListItem
                    key={`${e.metadata.namespace}/${e.metadata.name}`}
                    disableGutters
                  >
                    <EntityRefLink entityRef={e} />
                  </ListItem>
                ))}
              </List>
            </>
          )}
        </>
      )}
    </InfoCard>
  );
}
