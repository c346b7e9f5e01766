import { BasicPermission } from '@backstage/plugin-permission-common';
import { JsonObject, JsonValue } from '@backstage/types';
import {
  CLOUDFLARE_CONTRACTS,
  cloudflareReadPermissions,
  pagesProjectNameParam,
  workerScriptNameParam,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { z } from 'zod';
import { ROUTE_DESCRIPTORS } from '../../areas';
import { PAGES_DEPLOYMENTS_LIMIT } from '../../areas/pages';
import { loadWire } from '../../service/readRoutes';
import { parseInput } from '../../service/validation';
import { maskWire } from '../../service/wire';
import { EvidenceDiffRecord, idOf, listOf, objectOf } from '../diff/records';
import { defineEvidenceKind } from './types';

const provenanceBody = (maxScope: number) =>
  z
    .object({
      workers: z.array(workerScriptNameParam).max(maxScope).default([]),
      pages: z.array(pagesProjectNameParam).max(maxScope).default([]),
    })
    .strict()
    .refine(b => b.workers.length + b.pages.length > 0, {
      message:
        'name at least one Worker script (workers) or Pages project (pages)',
    });

const nonEmpty = (v: unknown) => Array.isArray(v) && v.length > 0;

/** The deployments of one area of a snapshot, keyed `<area>/<script or project>/<deployment id>`. */
const deploymentRecords = (
  area: 'workers' | 'pages',
  byName: JsonValue | undefined,
): EvidenceDiffRecord[] =>
  Object.entries(objectOf(byName)).flatMap(([name, deployments]) =>
    listOf(deployments).map(d => ({
      key: `${area}/${name}/${idOf(d)}`,
      value: d,
      sensitive: CLOUDFLARE_CONTRACTS[area].deployments.wire.sensitive,
    })),
  );

/**
 * `deployment-provenance`: the deployments of the Worker scripts and Pages projects the body names
 * (`{ "workers": [...], "pages": [...] }`, at most `cloudflare.evidence.maxScope` each) with commit
 * SHA and CI run URL; needs the read permission of each area it names.
 */
export const deploymentProvenanceEvidence = defineEvidenceKind<{
  workers: string[];
  pages: string[];
}>({
  routes: [{ method: 'post', path: '/v1/evidence/deployment-provenance' }],
  input: ({ maxScope }) => ({ body: provenanceBody(maxScope) }),
  scope: (req, ctx) => {
    const body = parseInput(
      provenanceBody(ctx.evidenceMaxScope),
      req.body ?? {},
      'body',
    );
    return {
      workers: [...new Set(body.workers)].sort(),
      pages: [...new Set(body.pages)].sort(),
    };
  },
  readPermissions: scope =>
    [
      ...(nonEmpty(scope.workers) ? [cloudflareReadPermissions.workers] : []),
      ...(nonEmpty(scope.pages) ? [cloudflareReadPermissions.pages] : []),
    ] as BasicPermission[],
  what: 'deployments',
  collect: async (client, { workers, pages }, view) => {
    const data = { workers: {} as JsonObject, pages: {} as JsonObject };
    const masked: Record<string, number> = {};
    let count = 0;
    let exhausted = true;
    for (const script of workers) {
      const contract = CLOUDFLARE_CONTRACTS.workers.deployments;
      const { items = [] } = await loadWire(
        client,
        contract,
        ROUTE_DESCRIPTORS.workers.deployments,
        { params: { script }, query: {} },
      );
      data.workers[script] = maskWire(
        contract.wire,
        items,
        view,
        masked,
      ).values;
      count += items.length;
    }
    for (const project of pages) {
      const contract = CLOUDFLARE_CONTRACTS.pages.deployments;
      const { items = [] } = await loadWire(
        client,
        contract,
        ROUTE_DESCRIPTORS.pages.deployments,
        { params: { project }, query: {} },
      );
      data.pages[project] = maskWire(contract.wire, items, view, masked).values;
      count += items.length;
      if (items.length >= PAGES_DEPLOYMENTS_LIMIT) exhausted = false;
    }
    return { data, population: { count, exhausted }, masked };
  },
  records: data => [
    ...deploymentRecords('workers', objectOf(data).workers),
    ...deploymentRecords('pages', objectOf(data).pages),
  ],
});
