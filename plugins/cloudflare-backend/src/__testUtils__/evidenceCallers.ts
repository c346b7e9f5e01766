import { mockCredentials } from '@backstage/backend-test-utils';
import { cloudflarePermissions } from '@cloudflare-backstage/plugin-cloudflare-common';

const all = cloudflarePermissions.map(p => p.name);

/**
 * The policy's matrix for the demo users of the evidence tests: alice is security (everything),
 * pat is platform (no unmasked reads), rob may read areas but not use evidence.
 */
export const EVIDENCE_GRANTS: Record<string, string[]> = {
  'user:default/alice': all,
  'user:default/pat': all.filter(n => n !== 'cloudflare.read.unmasked'),
  'user:default/rob': all.filter(n => n !== 'cloudflare.export.evidence'),
};

/** Headers of a request made as `user:default/<user>`. */
export const asUser = (user: string) => ({
  Authorization: mockCredentials.user.header(`user:default/${user}`),
});
