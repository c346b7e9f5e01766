import { JsonValue } from '@backstage/types';
import {
  CLOUDFLARE_CONTRACTS,
  cloudflareReadPermissions,
  R2_JURISDICTIONS,
  r2BucketNameParam,
  R2Jurisdiction,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { z } from 'zod';
import { ROUTE_DESCRIPTORS } from '../../areas';
import { loadWire } from '../../service/readRoutes';
import { parseInput } from '../../service/validation';
import { maskWire } from '../../service/wire';
import { idOf, listOf, objectOf, pathsUnder } from '../diff/records';
import { defineEvidenceKind } from './types';

/**
 * Most buckets one `r2-lifecycle` snapshot holds (two upstream calls each). A larger account is
 * exported per jurisdiction or per bucket; the population says when buckets were left out.
 */
export const R2_EVIDENCE_MAX_BUCKETS = 100;

const jurisdiction = z
  .enum(R2_JURISDICTIONS, { error: 'must be one of default, eu, fedramp' })
  .optional();
const pathParams = z.object({ bucket: r2BucketNameParam.optional() });
const exportQuery = z.object({
  bucket: r2BucketNameParam.optional(),
  jurisdiction,
});

/** The scope of an `r2-lifecycle` snapshot: one bucket, or every bucket (of one jurisdiction). */
type R2LifecycleScope = { bucket?: string; jurisdiction?: R2Jurisdiction };

/**
 * `r2-lifecycle`: the lifecycle and object lock rules of every bucket (`POST
 * /v1/r2/lifecycle/export`, `?jurisdiction=` to keep one jurisdiction), or of one
 * (`?bucket=&jurisdiction=`, or the spec's `GET /v1/r2/:bucket/lifecycle/export?download=json`).
 * Each bucket is an `R2BucketLifecycle` of the wire contract, masked by it; the population counts
 * the buckets held and says whether every bucket in scope is.
 */
export const r2LifecycleEvidence = defineEvidenceKind<R2LifecycleScope>({
  routes: [
    { method: 'post', path: '/v1/r2/lifecycle/export' },
    { method: 'get', path: '/v1/r2/:bucket/lifecycle/export' },
  ],
  input: () => ({ params: pathParams, query: exportQuery }),
  scope: req => {
    const { bucket: inPath } = parseInput(pathParams, req.params, 'path');
    const query = parseInput(exportQuery, req.query, 'query');
    const bucket = inPath ?? query.bucket;
    return bucket
      ? { bucket, jurisdiction: query.jurisdiction ?? 'default' }
      : { ...(query.jurisdiction ? { jurisdiction: query.jurisdiction } : {}) };
  },
  readPermissions: () => [cloudflareReadPermissions.r2],
  what: 'R2 bucket lifecycle rules',
  collect: async (client, scope, view) => {
    const { buckets, lifecycle } = CLOUDFLARE_CONTRACTS.r2;
    let inScope: Array<{ bucket: string; jurisdiction: R2Jurisdiction }>;
    if (scope.bucket) {
      inScope = [
        { bucket: scope.bucket, jurisdiction: scope.jurisdiction ?? 'default' },
      ];
    } else {
      const { items = [] } = await loadWire(
        client,
        buckets,
        ROUTE_DESCRIPTORS.r2.buckets,
        { params: {}, query: {} },
      );
      inScope = (items as Array<{ name: string; jurisdiction: R2Jurisdiction }>)
        .filter(
          b => !scope.jurisdiction || b.jurisdiction === scope.jurisdiction,
        )
        .map(b => ({ bucket: b.name, jurisdiction: b.jurisdiction }));
    }
    const held = inScope.slice(0, R2_EVIDENCE_MAX_BUCKETS);
    const values: JsonValue[] = [];
    for (const b of held) {
      const { item } = await loadWire(
        client,
        lifecycle,
        ROUTE_DESCRIPTORS.r2.lifecycle,
        {
          params: { bucket: b.bucket },
          query: { jurisdiction: b.jurisdiction },
        },
      );
      values.push(item as JsonValue);
    }
    const masked = maskWire(lifecycle.wire, values, view);
    return {
      data: { buckets: masked.values },
      population: {
        count: held.length,
        exhausted: held.length === inScope.length,
      },
      masked: masked.masked,
    };
  },
  // A bucket (its jurisdiction) and each of its rules, keyed `<bucket>[ (jurisdiction)]/<list>/<rule id>`.
  records: data => {
    const { sensitive } = CLOUDFLARE_CONTRACTS.r2.lifecycle.wire;
    return listOf(objectOf(data).buckets).flatMap(value => {
      const { bucket, jurisdiction: where, ...lists } = objectOf(value);
      const key = `${bucket}${
        where && where !== 'default' ? ` (${where})` : ''
      }`;
      return [
        { key, value: { bucket, jurisdiction: where }, sensitive: [] },
        ...(['rules', 'lockRules'] as const).flatMap(list =>
          listOf(lists[list]).map(rule => ({
            key: `${key}/${list}/${idOf(rule)}`,
            value: rule,
            sensitive: pathsUnder(sensitive, `${list}[]`),
          })),
        ),
      ];
    });
  },
});
