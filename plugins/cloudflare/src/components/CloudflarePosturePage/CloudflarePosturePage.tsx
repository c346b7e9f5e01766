import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  Content,
  ContentHeader,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { CLOUDFLARE_AREAS } from '@cloudflare-backstage/plugin-cloudflare-common';
import Grid from '@material-ui/core/Grid';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  cloudflareNameOfResource,
  getCloudflareAnnotatedAreas,
  isCloudflareAvailable,
} from '../../conditions';
import { CLOUDFLARE_CARDS } from '../../cards';
import { CloudflareCard } from '../CloudflareCard';
import { CoverageSection } from './CoverageSection';
import { EvidenceSection, ProvenanceScope } from './EvidenceSection';

/** The backend takes at most this many names of each area per provenance snapshot. */
const MAX_PROVENANCE_SCOPE = 20;

/** Worker scripts and Pages projects named in the catalog, for the provenance snapshot. */
export function provenanceScopeOf(
  components: Entity[],
  resources: Entity[],
): ProvenanceScope {
  const names = { workers: new Set<string>(), pages: new Set<string>() };
  for (const c of components) {
    for (const { area, names: n } of getCloudflareAnnotatedAreas(c)) {
      if (area.id === 'workers' || area.id === 'pages') {
        n.forEach(x => names[area.id as 'workers' | 'pages'].add(x));
      }
    }
  }
  for (const r of resources) {
    if (r.spec?.type === 'cloudflare-worker') {
      names.workers.add(cloudflareNameOfResource(r));
    } else if (r.spec?.type === 'cloudflare-pages') {
      names.pages.add(cloudflareNameOfResource(r));
    }
  }
  const workers = [...names.workers].sort();
  const pages = [...names.pages].sort();
  return {
    workers: workers.slice(0, MAX_PROVENANCE_SCOPE),
    pages: pages.slice(0, MAX_PROVENANCE_SCOPE),
    truncated:
      workers.length > MAX_PROVENANCE_SCOPE ||
      pages.length > MAX_PROVENANCE_SCOPE,
  };
}
import { ScorecardsSection } from './ScorecardsSection';

/** Cards of account-wide reads (no resource names): they belong on the posture page. */
const ACCOUNT_CARDS = Object.values(CLOUDFLARE_CARDS).filter(c => !c.params);

const COMPONENT_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.lifecycle',
  'relations',
];

function useCloudflareCatalog() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const [components, resources] = await Promise.all([
      catalogApi.getEntities({
        filter: { kind: 'component' },
        fields: COMPONENT_FIELDS,
      }),
      catalogApi.getEntities({
        filter: {
          kind: 'resource',
          'spec.type': CLOUDFLARE_AREAS.map(a => a.resourceType),
        },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'spec.type',
          'spec.parameters',
        ],
      }),
    ]);
    return { components: components.items, resources: resources.items };
  }, [catalogApi]);
}

/**
 * The posture page's content without the page header (the new frontend system adds its own).
 *
 * @public
 */
export function CloudflarePostureContent() {
  const catalog = useCloudflareCatalog();
  const entityRefs = useMemo(() => {
    if (!catalog.value) return [];
    const annotated: Entity[] = catalog.value.components.filter(
      isCloudflareAvailable,
    );
    return [...annotated, ...catalog.value.resources].map(e =>
      stringifyEntityRef(e),
    );
  }, [catalog.value]);
  const provenanceScope = useMemo(
    () =>
      provenanceScopeOf(
        catalog.value?.components ?? [],
        catalog.value?.resources ?? [],
      ),
    [catalog.value],
  );

  if (catalog.loading) return <Progress />;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={7}>
        {catalog.error ? (
          <ResponseErrorPanel
            error={catalog.error}
            title={`Could not read the catalog: ${catalog.error.message}`}
          />
        ) : (
          <ScorecardsSection entityRefs={entityRefs} />
        )}
      </Grid>
      <Grid item xs={12} lg={5}>
        {catalog.error ? (
          <ResponseErrorPanel error={catalog.error} />
        ) : (
          <CoverageSection components={catalog.value?.components ?? []} />
        )}
      </Grid>
      <Grid item xs={12}>
        <EvidenceSection provenanceScope={provenanceScope} />
      </Grid>
      {ACCOUNT_CARDS.map(card => (
        <Grid item xs={12} key={card.route.id}>
          <CloudflareCard card={card} />
        </Grid>
      ))}
    </Grid>
  );
}

/**
 * The Cloudflare posture page: SOC 2 scorecards, catalog coverage and evidence snapshots.
 *
 * @public
 */
export function CloudflarePosturePage() {
  return (
    <Page themeId="tool">
      <Header
        title="Cloudflare posture"
        subtitle="SOC 2 scorecards, catalog coverage and evidence"
      />
      <Content>
        <ContentHeader title="Posture" />
        <CloudflarePostureContent />
      </Content>
    </Page>
  );
}
