import { Entity } from '@backstage/catalog-model';
import { CLOUDFLARE_AREAS } from '@cloudflare-backstage/plugin-cloudflare-common';
import { resource } from '../../testUtils';
import { catalogResourcesLink, inventoryOf } from './inventory';

const owned = (name: string, type: string, owner: string): Entity => {
  const r = resource(name, type);
  return { ...r, spec: { ...r.spec, owner } };
};

describe('inventoryOf', () => {
  it('counts every area (0 too) and every owner, most first', () => {
    const inventory = inventoryOf([
      owned('cf-worker-a', 'cloudflare-worker', 'platform'),
      owned('cf-worker-b', 'cloudflare-worker', 'group:default/platform'),
      owned('cf-kv-c', 'cloudflare-kv', 'user:default/alice'),
      owned('cf-r2-d', 'cloudflare-r2', 'platform'),
      owned('cf-d1-e', 'cloudflare-d1', 'group:default/data'),
      owned('cf-d1-f', 'cloudflare-d1', 'group:default/data'),
      owned('cf-queue-g', 'cloudflare-queue', 'kind:'),
    ]);
    expect(inventory.total).toBe(7);
    expect(inventory.areas).toHaveLength(CLOUDFLARE_AREAS.length);
    const count = (id: string) =>
      inventory.areas.find(a => a.area.id === id)!.count;
    expect(count('workers')).toBe(2);
    expect(count('d1')).toBe(2);
    expect(count('queues')).toBe(1);
    expect(count('browserRendering')).toBe(0);
    expect(inventory.owners).toEqual([
      {
        owner: 'group:default/platform',
        count: 3,
        types: ['cloudflare-worker', 'cloudflare-r2'],
      },
      { owner: 'group:default/data', count: 2, types: ['cloudflare-d1'] },
      { owner: 'user:default/alice', count: 1, types: ['cloudflare-kv'] },
    ]);
    expect(inventory.withoutOwner).toBe(1);
  });

  it('links to the catalog over all entities, filtered by kind, types and owner', () => {
    expect(
      catalogResourcesLink('/catalog', { types: ['cloudflare-worker'] }),
    ).toBe(
      '/catalog?filters[kind]=resource&filters[type]=cloudflare-worker&filters[user]=all',
    );
    expect(
      catalogResourcesLink('/', {
        types: ['cloudflare-worker', 'cloudflare-r2'],
        owner: 'group:default/platform',
      }),
    ).toBe(
      '/?filters[kind]=resource&filters[type]=cloudflare-worker&filters[type]=cloudflare-r2&filters[owners]=group%3Adefault%2Fplatform&filters[user]=all',
    );
  });
});
