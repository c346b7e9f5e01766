import {
  CloudflareAreaId,
  cloudflareExportEvidencePermission,
  cloudflareReadPermissions,
  cloudflareReadUnmaskedPermission,
} from '@cloudflare-backstage/plugin-cloudflare-common';

/**
 * The roles of the spec's permission matrix (section 5).
 *
 * @public
 */
export type CloudflareRole =
  | 'security'
  | 'platform'
  | 'engineering'
  | 'readers';

/**
 * Every role, most privileged first.
 *
 * @public
 */
export const CLOUDFLARE_ROLES: readonly CloudflareRole[] = [
  'security',
  'platform',
  'engineering',
  'readers',
];

const allAreas = Object.keys(cloudflareReadPermissions) as CloudflareAreaId[];
const readsOf = (areas: CloudflareAreaId[]) =>
  areas.map(area => cloudflareReadPermissions[area].name);
/** Areas engineers and readers do not see: Zero Trust posture and Secrets Store metadata. */
const restricted: CloudflareAreaId[] = ['zeroTrust', 'secretsStore'];

/**
 * The permission names each role is granted. Security and platform read every area (Secrets Store
 * as metadata only, which is all the suite ever reads) and export evidence; engineering and readers
 * read everything but Zero Trust and the Secrets Store. Only security may ask for unmasked views
 * (personal data in audit logs); no role can read a secret value, as the suite never returns one.
 *
 * @public
 */
export const CLOUDFLARE_ROLE_GRANTS: Readonly<
  Record<CloudflareRole, ReadonlySet<string>>
> = {
  security: new Set([
    ...readsOf(allAreas),
    cloudflareExportEvidencePermission.name,
    cloudflareReadUnmaskedPermission.name,
  ]),
  platform: new Set([
    ...readsOf(allAreas),
    cloudflareExportEvidencePermission.name,
  ]),
  engineering: new Set(readsOf(allAreas.filter(a => !restricted.includes(a)))),
  readers: new Set(readsOf(allAreas.filter(a => !restricted.includes(a)))),
};
