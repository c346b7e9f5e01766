import {
  cloudflareNameOfResource,
  getCloudflareAnnotatedAreas,
  isCloudflareAvailable,
  isCloudflareResource,
} from './conditions';
import { component, resource } from './testUtils';
import {
  humanLabel,
  humanValue,
} from './components/ResourceParametersCard/labels';

describe('conditions', () => {
  it('detects registry annotations', () => {
    expect(isCloudflareAvailable(component('a'))).toBe(false);
    expect(
      isCloudflareAvailable(
        component('a', { 'cloudflare.com/d1': 'acme-core' }),
      ),
    ).toBe(true);
    expect(
      isCloudflareAvailable(component('a', { 'cloudflare.com/worker': ' ' })),
    ).toBe(false);
    expect(
      getCloudflareAnnotatedAreas(
        component('a', { 'cloudflare.com/queue': 'q1,q2' }),
      ).map(x => [x.area.id, x.names]),
    ).toEqual([['queues', ['q1', 'q2']]]);
  });

  it('detects suite Resources and their Cloudflare name', () => {
    expect(isCloudflareResource(resource('cf-r2-x', 'cloudflare-r2'))).toBe(
      true,
    );
    expect(isCloudflareResource(resource('db', 'database'))).toBe(false);
    expect(isCloudflareResource(component('cf-x'))).toBe(false);
    expect(
      cloudflareNameOfResource(resource('cf-worker-api', 'cloudflare-worker')),
    ).toBe('api');
    expect(
      cloudflareNameOfResource(
        resource('cf-worker-api', 'cloudflare-worker', { name: 'Api_Script' }),
      ),
    ).toBe('Api_Script');
    const titled = resource('cf-pages-web', 'cloudflare-pages');
    titled.metadata.title = 'acme-web';
    expect(cloudflareNameOfResource(titled)).toBe('acme-web');
    expect(cloudflareNameOfResource(resource('other', 'cloudflare-zzz'))).toBe(
      'other',
    );
  });

  it('labels parameters for humans', () => {
    expect(humanLabel('lifecycleRules')).toBe('Lifecycle rules');
    expect(humanLabel('max_batch_size')).toBe('Max batch size');
    expect(humanValue(undefined)).toBe('—');
    expect(humanValue(true)).toBe('Yes');
    expect(humanValue([])).toBe('none');
    expect(humanValue({ a: 1 })).toBe('{"a":1}');
    expect(humanValue(3)).toBe('3');
  });
});
