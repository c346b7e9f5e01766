import {
  MASKED,
  maskSensitive,
  maskSensitiveCounted,
  maskValue,
  registerFieldClasses,
  sensitiveKeysOf,
} from './masking';

describe('masking', () => {
  it('masks values in the documented shapes', () => {
    expect(maskValue('alice@acme.example')).toBe('a***@acme.example');
    expect(maskValue('203.0.113.7')).toBe('203.0.113.0/24');
    expect(maskValue('2001:db8:1:2::7')).toBe('2001:db8:1::/48');
    expect(maskValue('wrangler/4.30.0')).toBe(MASKED);
    expect(maskValue('not an @ email')).toBe(MASKED);
  });

  it('masks sensitive fields of the client outputs by name, recursively, without touching the input', () => {
    const input = {
      user_email: 'bob@acme-org.org',
      ip_address: '192.0.2.10',
      app_domain: 'app.acme-org.org',
      actor: {
        email: 'carol@acme-org.org',
        ip_address: '198.51.100.1',
        type: 'user',
      },
      approval_groups: [
        {
          email_addresses: ['dave@acme-org.org', 'erin@acme-org.org'],
          approvals_needed: 1,
        },
      ],
      bindings: [
        { name: 'API_TOKEN', type: 'secret_text', credentialLike: true },
        { name: 'DB', type: 'd1' },
      ],
    };
    const snapshot = JSON.stringify(input);
    const { value, masked } = maskSensitiveCounted(input, 'masked');
    expect(value).toEqual({
      user_email: 'b***@acme-org.org',
      ip_address: '192.0.2.0/24',
      app_domain: 'app.acme-org.org',
      actor: {
        email: 'c***@acme-org.org',
        ip_address: '198.51.100.0/24',
        type: 'user',
      },
      approval_groups: [
        {
          email_addresses: ['d***@acme-org.org', 'e***@acme-org.org'],
          approvals_needed: 1,
        },
      ],
      bindings: [
        { name: MASKED, type: 'secret_text', credentialLike: true },
        { name: 'DB', type: 'd1' },
      ],
    });
    expect(masked).toEqual({
      user_email: 1,
      ip_address: 2,
      email: 1,
      email_addresses: 2,
      name: 1,
    });
    expect(JSON.stringify(input)).toBe(snapshot);
  });

  it('returns the data untouched for the unmasked view', () => {
    const data = { user_email: 'bob@acme-org.org' };
    expect(maskSensitive(data, 'unmasked')).toBe(data);
  });

  it('accepts field classes of other packages', () => {
    expect(
      sensitiveKeysOf([
        { 'a.b.origin_host': 'sensitive', 'x[]': 'sensitive', y: 'public' },
      ]),
    ).toEqual(new Set(['origin_host', 'x']));
    expect(maskSensitive({ origin_host: 'db.internal' }, 'masked')).toEqual({
      origin_host: 'db.internal',
    });
    registerFieldClasses({ origin_host: 'sensitive' });
    expect(
      maskSensitive(
        { origin_host: 'db.internal', n: 1, ok: true, nil: null },
        'masked',
      ),
    ).toEqual({
      origin_host: MASKED,
      n: 1,
      ok: true,
      nil: null,
    });
  });
});
