import { Entity } from '@backstage/catalog-model';
import {
  cloudflareNameOfResource,
  getCloudflareAnnotatedAreas,
} from '../../conditions';
import { ProvenanceScope } from './EvidenceSection';

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
