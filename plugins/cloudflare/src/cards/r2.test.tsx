import {
  lifecycleRuleInWords,
  lockRuleInWords,
  r2BucketLocation,
  r2Card,
} from './r2';
import { resource } from '../testUtils';

describe('r2Card', () => {
  it('says lifecycle rules in words', () => {
    expect(
      lifecycleRuleInWords({
        id: 'retain-180-days',
        enabled: true,
        prefix: '',
        expiration: { afterDays: 180 },
        transitions: [{ afterDays: 30, storageClass: 'InfrequentAccess' }],
        abortMultipartAfterDays: 7,
      }),
    ).toBe(
      'All objects: to Infrequent Access after 30 days, expire after 180 days, abort incomplete multipart uploads after 7 days',
    );
    expect(
      lifecycleRuleInWords({
        id: 'x',
        enabled: false,
        prefix: 'ledger/',
        expiration: { onDate: '2030-01-01T00:00:00Z' },
        transitions: [],
      }),
    ).toBe('Objects under "ledger/": expire on 2030-01-01 (disabled)');
  });

  it('says lock rules in words', () => {
    const rule = { id: 'l', enabled: true, prefix: 'evidence/' };
    expect(lockRuleInWords({ ...rule, mode: 'age', days: 1 })).toBe(
      'Objects under "evidence/": retain for 1 day',
    );
    expect(
      lockRuleInWords({ ...rule, mode: 'date', date: '2030-01-01T00:00:00Z' }),
    ).toBe('Objects under "evidence/": retain until 2030-01-01');
    expect(lockRuleInWords({ ...rule, prefix: '', mode: 'indefinite' })).toBe(
      'All objects: retain indefinitely',
    );
  });

  it('reads the lifecycle of the named bucket and flags a bucket without an enabled rule', () => {
    expect(r2Card.params!('acme-prod-artifacts')).toEqual({
      bucket: 'acme-prod-artifacts',
    });
    const bare = {
      bucket: 'acme-regulated-exports',
      jurisdiction: 'default' as const,
      rules: [],
      lockRules: [],
    };
    expect(r2Card.summary!([bare])).toMatch(/no enabled lifecycle rule/);
    expect(r2Card.rowKey(bare)).toBe('default/acme-regulated-exports');
  });

  it('reads a bucket where it lives: its Resource entity, else the annotated name', () => {
    const eu = resource(
      'cf-r2-eu-acme-eu-customer-data-1a2b3c4d',
      'cloudflare-r2',
      {
        bucketName: 'acme-eu-customer-data',
        jurisdiction: 'eu',
      },
    );
    const name = 'eu/acme-eu-customer-data';
    expect(r2Card.params!(name, eu)).toEqual({
      bucket: 'acme-eu-customer-data',
    });
    expect(r2Card.query!(name, eu)).toEqual({ jurisdiction: 'eu' });
    // Without its entity (not in the catalog yet), the annotation says where.
    expect(r2BucketLocation('fedramp/acme-ledger')).toEqual({
      bucket: 'acme-ledger',
      jurisdiction: 'fedramp',
    });
    // The default jurisdiction sends no query; an unknown prefix is not a jurisdiction.
    expect(r2Card.query!('acme-prod-artifacts', undefined)).toBeUndefined();
    expect(r2BucketLocation('mars/x')).toEqual({
      bucket: 'mars/x',
      jurisdiction: 'default',
    });
  });
});
