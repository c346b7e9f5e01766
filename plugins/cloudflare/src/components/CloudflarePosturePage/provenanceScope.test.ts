import { component, resource } from '../../testUtils';
import { provenanceScopeOf } from './provenanceScope';

describe('provenanceScopeOf', () => {
  it('names the Workers and Pages of annotations and Resources once each, sorted', () => {
    expect(
      provenanceScopeOf(
        [
          component('a', {
            'cloudflare.com/worker': 'acme-edge-router, acme-api',
            'cloudflare.com/kv': 'acme-sessions',
          }),
          component('b', { 'cloudflare.com/pages': 'acme-web' }),
        ],
        [
          resource('cf-worker-acme-api', 'cloudflare-worker'),
          resource('cf-worker-acme-jobs', 'cloudflare-worker'),
          resource('cf-pages-acme-docs', 'cloudflare-pages'),
          resource('cf-kv-acme-sessions', 'cloudflare-kv'),
        ],
      ),
    ).toEqual({
      workers: ['acme-api', 'acme-edge-router', 'acme-jobs'],
      pages: ['acme-docs', 'acme-web'],
      truncated: false,
    });
  });

  it('keeps 20 names of each area and says it cut', () => {
    const workers = Array.from({ length: 21 }, (_, i) =>
      resource(`cf-worker-w${String(i).padStart(2, '0')}`, 'cloudflare-worker'),
    );
    const scope = provenanceScopeOf([], workers);
    expect(scope.workers).toHaveLength(20);
    expect(scope.workers[19]).toBe('w19');
    expect(scope.truncated).toBe(true);
  });
});
