import { JsonValue } from '@backstage/types';
import {
  CLOUDFLARE_CONTRACTS,
  cloudflareReadPermissions,
  hasDeploymentProvenance,
  isRegulatedTagValue,
  R2Bucket,
  R2BucketLifecycle,
  SecretsStore,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ROUTE_DESCRIPTORS } from '../areas';
import { loadValues } from './load';
import { AcceptanceMeasure } from './types';
import { countOf, namesInWords, shareMeasured } from './words';

/**
 * Criterion 1: the production deployment of every Worker script (its active deployment, as the
 * catalog reads it) and of every Pages project (its canonical production deployment) with both a
 * commit SHA and a CI run URL, over all of them. Scripts and projects without a deployment are
 * not counted.
 */
export const provenanceMeasure: AcceptanceMeasure = {
  permissions: [
    cloudflareReadPermissions.workers,
    cloudflareReadPermissions.pages,
  ],
  what: 'Worker and Pages deployments',
  cached: true,
  async measure({ account }) {
    const { client } = account;
    const scripts = await client.workers.listScripts();
    const active = await client.workers.listDeploymentsWithProvenanceOf(
      scripts.map(s => s.id),
      { activeOnly: true },
    );
    const deployments = [
      ...scripts.flatMap(s => {
        const d = active.get(s.id)?.[0];
        return d
          ? [{ name: `${s.id} (Worker)`, ok: hasDeploymentProvenance(d) }]
          : [];
      }),
      ...(await client.pages.listProjects()).flatMap(p =>
        p.canonical_deployment
          ? [
              {
                name: `${p.name} (Pages)`,
                ok: hasDeploymentProvenance(p.canonical_deployment),
              },
            ]
          : [],
      ),
    ];
    return shareMeasured(
      deployments.length,
      deployments.filter(d => !d.ok).map(d => d.name),
      'without commit SHA or CI run URL',
    );
  },
};

/**
 * Criterion 3: regulated R2 buckets (tagged with `techInsights.cloudflare.r2.regulatedTag`, default
 * `data-class=regulated`, the rule the Tech Insights check applies) with an enabled lifecycle rule,
 * over all regulated buckets; read through the R2 routes' descriptors and wire types.
 */
export const regulatedR2LifecycleMeasure: AcceptanceMeasure = {
  permissions: [cloudflareReadPermissions.r2],
  what: 'R2 buckets and their lifecycle rules',
  cached: true,
  async measure({ ctx, account }) {
    const { buckets, lifecycle } = CLOUDFLARE_CONTRACTS.r2;
    const items = await loadValues(
      account,
      buckets,
      ROUTE_DESCRIPTORS.r2.buckets,
    );
    const tag = ctx.r2RegulatedTag;
    const regulated = (items as unknown as R2Bucket[]).filter(b =>
      isRegulatedTagValue(b.tags?.[tag.key], tag),
    );
    const without: string[] = [];
    for (const b of regulated) {
      const [rules] = (await loadValues(
        account,
        lifecycle,
        ROUTE_DESCRIPTORS.r2.lifecycle,
        { params: { bucket: b.name }, query: { jurisdiction: b.jurisdiction } },
      )) as R2BucketLifecycle[];
      if (!rules.rules.some(r => r.enabled)) {
        without.push(b.name);
      }
    }
    return shareMeasured(
      regulated.length,
      without,
      'regulated without lifecycle rules',
    );
  },
};

/** Field names that would carry a secret's value rather than its metadata. */
const VALUE_FIELD = /^(value|secret|secret_?value|plain_?text|text|payload)$/i;

/** Paths (`stores[0].secrets[2].value`) of value fields anywhere in a JSON value. */
export function valueFields(
  value: JsonValue,
  path: string,
  out: string[],
): string[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => valueFields(v, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (VALUE_FIELD.test(key)) out.push(`${path}.${key}`);
      if (v !== undefined) valueFields(v, `${path}.${key}`, out);
    }
  }
  return out;
}

/**
 * Criterion 6 (the route's part; `yarn acceptance` adds the scan of logs and answers): the
 * Secrets Store answers, read through the same descriptors and wire types as
 * `/v1/secrets-store/*`, carry no value field anywhere; the value is the number found.
 */
export const secretsMetadataOnlyMeasure: AcceptanceMeasure = {
  permissions: [cloudflareReadPermissions.secretsStore],
  what: 'Secrets Store metadata',
  cached: true,
  async measure({ account }) {
    const { stores, metadata } = CLOUDFLARE_CONTRACTS.secretsStore;
    const items = await loadValues(
      account,
      stores,
      ROUTE_DESCRIPTORS.secretsStore.stores,
    );
    const found = valueFields(items as JsonValue, 'stores', []);
    for (const store of items as unknown as SecretsStore[]) {
      const values = await loadValues(
        account,
        metadata,
        ROUTE_DESCRIPTORS.secretsStore.metadata,
        { params: { store: store.id } },
      );
      values.forEach(v => valueFields(v, store.name, found));
    }
    return {
      measured: `${found.length} value fields in the answers of ${countOf(
        items.length,
        'store',
      )}`,
      value: found.length,
      pass: found.length === 0,
      ...(found.length
        ? { detail: namesInWords('value fields at', found) }
        : {}),
    };
  },
};
