import {
  BrowserSession,
  CloudflareEnvelope,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { resource } from '../testUtils';

/** The account's Browser Rendering `Resource` as the catalog module makes it (Workers Paid). */
export const acmeBrowserResource = resource(
  'cf-browser-rendering-acme-browser',
  'cloudflare-browser-rendering',
  {
    name: 'acme-browser',
    plan: 'paid',
    usageWindow: '24h',
    workers: ['acme-renderer'],
  },
);

/** The newest sessions of the account: one open, two ended (one closed idle). */
export const acmeBrowserSessions: CloudflareEnvelope<BrowserSession> = {
  account: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  area: 'browserRendering',
  view: 'masked',
  items: [
    {
      sessionId: '4f0b7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b',
      open: true,
      startedAt: '2026-11-24T09:58:00.000Z',
      lastUpdatedAt: '2026-11-24T09:58:30.000Z',
      ageSeconds: 120,
    },
    {
      sessionId: '5a1c8d2f-3b4e-4f60-9b0c-1d2e3f4a5b6c',
      open: false,
      startedAt: '2026-11-24T09:15:00.000Z',
      endedAt: '2026-11-24T09:16:35.000Z',
      ageSeconds: 95,
      closeReason: 1000,
      closeReasonText: 'Normal Closure',
    },
    {
      sessionId: '7c3e0f4b-5d60-4182-9d2e-3f4a5b6c7d8e',
      open: false,
      startedAt: '2026-11-24T01:00:00.000Z',
      endedAt: '2026-11-24T01:01:00.000Z',
      ageSeconds: 60,
      closeReason: 1011,
      closeReasonText: 'BrowserIdle',
    },
  ],
  masked: {},
  fetchedAt: '2026-11-24T10:00:00.000Z',
};
