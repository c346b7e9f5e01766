import { ConfigReader } from '@backstage/config';
import { evidenceFreshness, readEvidenceTtl } from './freshness';

const at = '2026-11-01T00:00:00.000Z';
const DAY = 86_400_000;

describe('evidence freshness', () => {
  it('is stale past 35 days by default', () => {
    const ttl = readEvidenceTtl();
    const record = { kind: 'r2-lifecycle', createdAt: at };
    expect(
      evidenceFreshness(ttl, record, new Date(Date.parse(at) + 35 * DAY)),
    ).toEqual({ staleAfter: '2026-12-06T00:00:00.000Z', stale: false });
    expect(
      evidenceFreshness(ttl, record, new Date(Date.parse(at) + 35 * DAY + 1))
        .stale,
    ).toBe(true);
  });

  it('takes a default and per-kind TTLs from config', () => {
    const ttl = readEvidenceTtl(
      new ConfigReader({
        cloudflare: {
          evidence: {
            ttl: { default: { days: 7 }, 'zero-trust-audit': 'P1D' },
          },
        },
      }),
    );
    const now = new Date(Date.parse(at) + 2 * DAY);
    expect(
      evidenceFreshness(ttl, { kind: 'zero-trust-audit', createdAt: at }, now),
    ).toEqual({ staleAfter: '2026-11-02T00:00:00.000Z', stale: true });
    expect(
      evidenceFreshness(ttl, { kind: 'r2-lifecycle', createdAt: at }, now)
        .stale,
    ).toBe(false);
  });

  it('fails at start-up on a bad TTL, naming the key', () => {
    expect(() =>
      readEvidenceTtl(
        new ConfigReader({
          cloudflare: { evidence: { ttl: { 'r2-lifecycle': { days: 0 } } } },
        }),
      ),
    ).toThrow(
      'Invalid config cloudflare.evidence.ttl.r2-lifecycle: must be longer than zero',
    );
  });
});
