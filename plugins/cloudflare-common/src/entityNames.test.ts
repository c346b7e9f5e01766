import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import { createHash } from 'node:crypto';
import { cloudflareEntityName } from './entityNames';

const valid = (name: string) =>
  KubernetesValidatorFunctions.isValidObjectName(name);

describe('cloudflareEntityName', () => {
  it('is cf-<prefix>-<name> for plain names in a single account', () => {
    expect(cloudflareEntityName('workers', 'acme-api')).toBe(
      'cf-worker-acme-api',
    );
    expect(cloudflareEntityName('pages', 'acme-web')).toBe('cf-pages-acme-web');
    expect(cloudflareEntityName('zeroTrust', 'access')).toBe('cf-zt-access');
    expect(cloudflareEntityName('analyticsEngine', 'acme_analytics')).toBe(
      'cf-analytics-engine-acme_analytics',
    );
    expect(cloudflareEntityName('durableObjects', 'SessionCoordinator')).toBe(
      'cf-do-SessionCoordinator',
    );
  });

  it('is deterministic', () => {
    expect(cloudflareEntityName('kv', 'My Cache!', 'a'.repeat(32))).toBe(
      cloudflareEntityName('kv', 'My Cache!', { accountId: 'a'.repeat(32) }),
    );
  });

  it('sanitizes odd names and adds a hash so they cannot collide', () => {
    const a = cloudflareEntityName('kv', 'acme cache');
    const b = cloudflareEntityName('kv', 'acme/cache');
    expect(a).toMatch(/^cf-kv-acme-cache-[0-9a-f]{8}$/);
    expect(b).toMatch(/^cf-kv-acme-cache-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(a).not.toBe(cloudflareEntityName('kv', 'acme-cache'));
    for (const odd of [
      '_leading',
      'trailing.',
      '-- weird :: name --',
      'ünïcödé',
      '***',
      '',
      'a..b',
    ]) {
      const name = cloudflareEntityName('r2', odd);
      expect(valid(name)).toBe(true);
    }
    expect(cloudflareEntityName('r2', '***')).toMatch(/^cf-r2-[0-9a-f]{8}$/);
  });

  it('truncates long names to 63 characters, with a hash keeping them apart', () => {
    const long1 = `${'x'.repeat(70)}-one`;
    const long2 = `${'x'.repeat(70)}-two`;
    const n1 = cloudflareEntityName('workers', long1);
    const n2 = cloudflareEntityName('workers', long2);
    expect(n1).toHaveLength(63);
    expect(valid(n1)).toBe(true);
    expect(n1).not.toBe(n2);
    // A name that fits exactly is kept as is.
    const fits = 'y'.repeat(63 - 'cf-worker-'.length);
    expect(cloudflareEntityName('workers', fits)).toBe(`cf-worker-${fits}`);
    // Truncation never leaves a separator before the hash.
    const dashy = `${'z'.repeat(44)}----------------------`;
    expect(valid(cloudflareEntityName('workers', dashy))).toBe(true);
    expect(cloudflareEntityName('workers', dashy)).not.toMatch(/--/);
  });

  it('adds an account hash when the provider reads several accounts', () => {
    const a = cloudflareEntityName(
      'workers',
      'acme-api',
      '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
    );
    const b = cloudflareEntityName(
      'workers',
      'acme-api',
      'aaaabbbbccccddddeeeeffff00001111',
    );
    expect(a).toMatch(/^cf-worker-acme-api-[0-9a-f]{8}$/);
    expect(b).toMatch(/^cf-worker-acme-api-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
  });

  it('hashes as Node does (SHA-256 of the UTF-8 bytes), so browser links match catalog names', () => {
    const hash = createHash('sha256')
      .update(['a'.repeat(32), 'kv', 'caf\u00e9 \u20ac'].join('\u0000'))
      .digest('hex')
      .slice(0, 8);
    expect(cloudflareEntityName('kv', 'caf\u00e9 \u20ac', 'a'.repeat(32))).toBe(
      `cf-kv-caf-${hash}`,
    );
  });
});
