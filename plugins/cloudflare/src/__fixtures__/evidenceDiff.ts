import { CloudflareEvidenceDiff } from '@cloudflare-backstage/plugin-cloudflare-common';

const FROM = '0b9c3f0e-4a5e-4d7a-9a53-3f4f4a1f2c11';
const TO = '1c8d4e1f-5b6f-4e8b-8b64-4a5a5b2a3d22';

/** An R2 lifecycle diff as the backend answers it: a rule added, one changed, a bucket removed. */
export const r2LifecycleDiff: CloudflareEvidenceDiff = {
  kind: 'r2-lifecycle',
  view: 'masked',
  from: {
    id: FROM,
    collectedAt: '2026-12-01T08:00:00.000Z',
    sha256: 'a1'.repeat(32),
  },
  to: {
    id: TO,
    collectedAt: '2026-12-02T08:00:00.000Z',
    sha256: 'b2'.repeat(32),
  },
  added: [
    {
      key: 'acme-static-assets/rules/archive-logs',
      value: {
        id: 'archive-logs',
        enabled: true,
        prefix: 'logs/',
        expiration: { afterDays: 30 },
        transitions: [],
      },
    },
  ],
  removed: [
    {
      key: 'acme-old-exports',
      value: { bucket: 'acme-old-exports', jurisdiction: 'default' },
    },
  ],
  changed: [
    {
      key: 'acme-prod-artifacts/rules/retain-180-days',
      fields: [
        { path: 'expiration.afterDays', before: 180, after: 365 },
        { path: 'abortMultipartAfterDays', before: 7 },
      ],
    },
  ],
  unchanged: 9,
};

/** Ids of the two sides of {@link r2LifecycleDiff}. */
export const R2_DIFF_IDS = { from: FROM, to: TO };
