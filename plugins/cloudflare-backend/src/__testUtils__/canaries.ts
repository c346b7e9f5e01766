import {
  DemoAccountData,
  SECRET_CANARIES,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { CloudflareContractedAreaId } from '@cloudflare-backstage/plugin-cloudflare-common';
import { D1_CORE } from '../__fixtures__/routeExamples';

/**
 * Secrets planted in the demo account where an area's read could carry them (unknown fields, rules,
 * credential-like tags), beside those its data holds already; returns further strings that must
 * never appear either (the planted tags' keys). The generic route test plants them in a copy of the
 * data and reads every route of the area, masked and unmasked.
 */
export const CANARY_PLANTS: Partial<
  Record<CloudflareContractedAreaId, (data: DemoAccountData) => string[]>
> = {
  d1: data => {
    const core = data.d1.databases.find(d => d.uuid === D1_CORE)!;
    Object.assign(core, { password: SECRET_CANARIES.apiTokenValue });
    const tagged = data.tags.resources.find(r => r.id === D1_CORE)!;
    tagged.tags = { ...tagged.tags, api_token: SECRET_CANARIES.apiTokenValue };
    return ['api_token'];
  },
  r2: data => {
    const artifacts = data.r2.buckets.find(
      b => b.bucket.name === 'acme-prod-artifacts',
    )!;
    Object.assign(artifacts.bucket, {
      access_key_secret: SECRET_CANARIES.apiTokenValue,
    });
    for (const rule of artifacts.lifecycle.rules!)
      Object.assign(rule, { secret: SECRET_CANARIES.secretsStoreValue });
    for (const rule of artifacts.lock.rules!)
      Object.assign(rule, { token: SECRET_CANARIES.accessClientSecret });
    data.tags.resources.push({
      ...data.tags.resources.find(t => t.type === 'r2_bucket')!,
      id: 'acme-static-assets',
      tags: { 'deploy-token': SECRET_CANARIES.kvTokenShapedValue },
    });
    return ['deploy-token'];
  },
};

/**
 * Plants an area's secrets (see {@link CANARY_PLANTS}) in a copy of the demo account's data; `undo`
 * puts the original back. Returns the strings that must never appear.
 */
export function plantCanaries(
  state: { data: DemoAccountData },
  area: CloudflareContractedAreaId,
): { absent: string[]; undo: () => void } {
  const original = state.data;
  state.data = structuredClone(original);
  const absent = CANARY_PLANTS[area]?.(state.data) ?? [];
  return {
    absent,
    undo: () => {
      state.data = original;
    },
  };
}
