import { Entity } from '@backstage/catalog-model';
import { InfoCard, StatusError, StatusOK } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  CLOUDFLARE_COVERAGE_TARGET,
  computeCoverageFigures,
  coverageRefOf,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { useMemo } from 'react';
import { PassRateBar } from './PassRateBar';
import { percent } from './scorecards';

/**
 * Share of production Components related to an existing Cloudflare Resource: the coverage rule of
 * the common package, which the Tech Insights check and the acceptance route apply too.
 */
export function CoverageSection(props: {
  components: Entity[];
  resources: Entity[];
}) {
  const { components, resources } = props;
  const { figures, uncovered } = useMemo(() => {
    const f = computeCoverageFigures([...components, ...resources]);
    const refs = new Set(f.uncovered);
    return {
      figures: f,
      uncovered: components.filter(c => refs.has(coverageRefOf(c))),
    };
  }, [components, resources]);
  const ok = figures.ratio >= CLOUDFLARE_COVERAGE_TARGET;
  return (
    <InfoCard title="Catalog coverage" subheader="Production Components">
      {figures.production === 0 ? (
        <Typography variant="body2">
          No Component has <code>spec.lifecycle: production</code> yet, so there
          is nothing to cover.
        </Typography>
      ) : (
        <>
          <Typography variant="h6" data-testid="coverage-summary">
            {ok ? <StatusOK /> : <StatusError />}
            {`${figures.covered} of ${
              figures.production
            } production Components (${percent(
              figures.ratio,
            )}) are related to a Cloudflare resource`}
          </Typography>
          <PassRateBar
            rate={figures.ratio}
            target={CLOUDFLARE_COVERAGE_TARGET}
            label="Catalog coverage"
          />
          <Typography variant="body2" color="textSecondary">
            Target: {percent(CLOUDFLARE_COVERAGE_TARGET)}. A Component is
            covered when it has a relation (<code>dependsOn</code> from its{' '}
            <code>cloudflare.com/&lt;area&gt;</code> annotations) to a
            Cloudflare Resource that exists in the catalog; an annotation naming
            a resource the catalog does not hold does not count.
          </Typography>
          {uncovered.length > 0 && (
            <>
              <Typography variant="subtitle2" style={{ marginTop: 8 }}>
                Uncovered ({uncovered.length})
              </Typography>
              <List dense disablePadding data-testid="coverage-uncovered">
                {uncovered.map(e => (
                  <ListItem key={coverageRefOf(e)} disableGutters>
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
