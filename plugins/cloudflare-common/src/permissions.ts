import {
  BasicPermission,
  createPermission,
} from '@backstage/plugin-permission-common';
import { CLOUDFLARE_AREAS, CloudflareAreaId } from './areas';

/**
 * Read permission of each product area (`cloudflare.read.<area>`; `cloudflare.read.secretsstore.meta`
 * for the Secrets Store, whose values are never readable).
 *
 * @public
 */
export const cloudflareReadPermissions: Readonly<
  Record<CloudflareAreaId, BasicPermission>
> = Object.fromEntries(
  CLOUDFLARE_AREAS.map(area => [
    area.id,
    createPermission({
      name: area.readPermission,
      attributes: { action: 'read' },
    }),
  ]),
) as Record<CloudflareAreaId, BasicPermission>;

/**
 * Allows `?view=unmasked`: sensitive fields (emails, IPs, origin hosts) shown in clear. Secret values
 * are never shown, whatever the caller holds.
 *
 * @public
 */
export const cloudflareReadUnmaskedPermission = createPermission({
  name: 'cloudflare.read.unmasked',
  attributes: { action: 'read' },
});

/**
 * Allows creating and downloading evidence snapshots.
 *
 * @public
 */
export const cloudflareExportEvidencePermission = createPermission({
  name: 'cloudflare.export.evidence',
  attributes: { action: 'read' },
});

/**
 * Every permission of the suite, for `permissionsRegistry.addPermissions`.
 *
 * @public
 */
export const cloudflarePermissions: BasicPermission[] = [
  ...Object.values(cloudflareReadPermissions),
  cloudflareReadUnmaskedPermission,
  cloudflareExportEvidencePermission,
];
