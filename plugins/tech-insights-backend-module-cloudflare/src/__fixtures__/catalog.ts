import { Entity, RELATION_DEPENDS_ON } from '@backstage/catalog-model';
import {
  CREDENTIAL_NAME_PLACEHOLDER,
  CloudflareClient,
  WorkerBinding,
} from '@cloudflare-backstage/cloudflare-client';
import {
  ANNOTATION_CLOUDFLARE_ACCOUNT_ID,
  ANNOTATION_CLOUDFLARE_RESOURCE_ID,
  CLOUDFLARE_AREAS,
  CloudflareAreaId,
  cloudflareEntityName,
  getCloudflareArea,
} from '@cloudflare-backstage/plugin-cloudflare-common';

/**
 * The example catalog of the demo account, built the way the catalog module builds it: the
 * provider's `Resource` entities (read from the demo account through the real client, with the
 * catalog module's `spec.parameters`), and Components whose `cloudflare.com/<area>` annotations
 * carry the `dependsOn` relations its annotation processor emits.
 */

/** Last deployment as the catalog module's mappers write it. */
interface LastDeployment {
  version?: string;
  commitSha?: string;
  ciRunUrl?: string;
  createdOn?: string;
}

const present = <T>(v: T | null | undefined): T | undefined => v ?? undefined;

/** A provider-made `Resource` entity (`cloudflareResourceEntity` of the catalog module). */
export function resourceEntity(
  accountId: string,
  area: CloudflareAreaId,
  resourceName: string,
  parameters: Record<string, unknown>,
  resourceId = resourceName,
): Entity {
  const location = `cloudflare:${accountId}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: cloudflareEntityName(area, resourceName),
      namespace: 'default',
      description: `Cloudflare ${
        getCloudflareArea(area).title
      } ${resourceName}`,
      annotations: {
        [ANNOTATION_CLOUDFLARE_ACCOUNT_ID]: accountId,
        [ANNOTATION_CLOUDFLARE_RESOURCE_ID]: resourceId,
        'backstage.io/managed-by-location': location,
        'backstage.io/managed-by-origin-location': location,
      },
    },
    spec: {
      type: getCloudflareArea(area).resourceType,
      owner: 'group:default/platform',
      parameters: JSON.parse(JSON.stringify({ accountId, ...parameters })),
    },
  };
}

/** A Component with the relations the catalog module's annotation processor gives it. */
export function component(
  name: string,
  annotations: Record<string, string>,
): Entity {
  const relations = CLOUDFLARE_AREAS.flatMap(area =>
    (annotations[area.annotation ?? ''] ?? '')
      .split(',')
      .map(s => s.trim())
      .filter(Boolean)
      .map(resource => ({
        type: RELATION_DEPENDS_ON,
        targetRef: `resource:default/${cloudflareEntityName(
          area.id,
          resource,
        )}`,
      })),
  );
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'platform',
      system: 'acme-org',
    },
    relations,
  };
}

/**
 * The Worker and Pages `Resource` entities of the demo account, read through the real client;
 * Workers with their bindings' types and names (`spec.parameters.bindings`).
 */
export async function demoResources(
  client: CloudflareClient,
): Promise<Entity[]> {
  const scripts = await client.workers.listScripts();
  const deployments = await client.workers.listDeploymentsWithProvenanceOf(
    scripts.map(s => s.id),
    { activeOnly: true },
  );
  const settings = new Map<string, WorkerBinding[]>();
  for (const script of scripts)
    settings.set(
      script.id,
      (await client.workers.getSettings(script.id)).bindings,
    );
  const workers = scripts.map(script => {
    const d = deployments.get(script.id)?.[0];
    const lastDeployment: LastDeployment | undefined = d && {
      version: present(d.versionId),
      commitSha: present(d.commitSha),
      ciRunUrl: present(d.ciRunUrl),
      createdOn: present(d.createdOn),
    };
    return resourceEntity(client.accountId, 'workers', script.id, {
      scriptName: script.id,
      // Types and names, credential-like names replaced, as the catalog module states them.
      bindings: settings.get(script.id)!.map(b =>
        b.credentialLike
          ? {
              type: b.type,
              name: CREDENTIAL_NAME_PLACEHOLDER,
              credentialLike: true,
            }
          : { type: b.type, name: b.name },
      ),
      lastDeployment,
    });
  });
  const pages = (await client.pages.listProjects()).map(project => {
    const d = project.canonical_deployment;
    const lastDeployment: LastDeployment | undefined = d
      ? {
          version: d.id,
          commitSha: present(d.commitSha),
          ciRunUrl: present(d.ciRunUrl),
          createdOn: present(d.createdOn),
        }
      : undefined;
    return resourceEntity(
      client.accountId,
      'pages',
      project.name,
      { projectName: project.name, lastDeployment },
      project.id,
    );
  });
  return [...workers, ...pages];
}

/** The example Components, System and Zero Trust posture Resources of acme-org. */
export function exampleEntities(accountId: string): Entity[] {
  return [
    component('acme-api', { 'cloudflare.com/worker': 'acme-api' }),
    component('acme-web', { 'cloudflare.com/pages': 'acme-web' }),
    component('acme-edge-router', {
      'cloudflare.com/worker': 'acme-edge-router',
    }),
    component('acme-worker-consumer', {
      'cloudflare.com/worker': 'acme-worker-consumer',
    }),
    component('acme-platform', {
      'cloudflare.com/worker': 'acme-api, acme-worker-consumer',
    }),
    component('legacy-billing', {}),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'acme-org', namespace: 'default' },
      spec: { owner: 'platform' },
    },
    resourceEntity(accountId, 'zeroTrust', 'access', {}, `${accountId}/access`),
    resourceEntity(
      'ffffffffffffffffffffffffffffffff',
      'zeroTrust',
      'access-other',
      {},
    ),
  ];
}
