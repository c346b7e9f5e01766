import {
  CREDENTIAL_NAME_PLACEHOLDER,
  DEFAULT_REDACTION_RULES,
  Redaction,
  Redactor,
  countRedactions,
  looksHighEntropy,
  noteSecretFields,
} from './redaction';
import { SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';

const PEM =
  '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----';
const JWT =
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

describe('Redactor', () => {
  const r = new Redactor();

  it.each([
    'API_KEY',
    'stripe_api_key',
    'DB_PASSWORD',
    'GITHUB_TOKEN',
    'webhook_secret',
    'PRIVATE-KEY',
    'AUTH_HEADER',
    'credentials',
  ])('treats the name %s as a credential', name =>
    expect(r.isCredentialName(name)).toBe(true),
  );

  it.each([
    'pass',
    'DB_PASS',
    'dbPass',
    'key',
    'STRIPE_KEY',
    'stripeKey',
    'license-key',
    'salt',
    'HASH_SALT',
    'passphrase',
    'SSH_PASSPHRASE',
  ])('treats the short name %s as a credential', name =>
    expect(r.isCredentialName(name)).toBe(true),
  );

  it.each([
    'LOG_LEVEL',
    'API_BASE',
    'REGION',
    'ENVIRONMENT',
    'KEYBOARD_LAYOUT',
    'monkey',
    'COMPASS_URL',
    'bypass_cache',
    'BASALT_THEME',
    'keyValue',
  ])('keeps the name %s', name => expect(r.isCredentialName(name)).toBe(false));

  it.each([
    ['a JWT', JWT],
    ['a PEM block', PEM],
    [
      'a URL with a password',
      'postgres://app:hunter2@db.acme.example:5432/app',
    ],
    ['a GitHub token', `ghp_${'a1B2'.repeat(9)}`],
    [
      'a high-entropy string',
      SECRET_CANARIES.kvTokenShapedValue.split('-').pop()!.repeat(2),
    ],
    ['a random token', 'Zx9Qm2Lr7Tp4Wv8Kj3Nb6Hd1'],
  ])('treats %s as a credential value', (_, value) =>
    expect(r.isCredentialValue(value)).toBe(true),
  );

  it.each([
    ['a word', 'info'],
    ['a URL', 'https://api.acme-org.org/v1/items'],
    ['a sentence', 'The quick brown fox jumps over the lazy dog'],
    ['a UUID', '0c6e2f0a-4b1d-4e8a-9f3c-5d7b1a2e4c6f'],
    ['a short token', 'abc123XYZ'],
    ['a number', 42],
    ['a low-entropy long string', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaa1'],
  ])('keeps %s', (_, value) => expect(r.isCredentialValue(value)).toBe(false));

  it('redacts JSON leaf by leaf and records paths, never values', () => {
    const notes: Redaction[] = [];
    const out = r.redactJson(
      {
        provider: 'stripe',
        webhook_secret: 'x',
        nested: {
          list: ['plain', JWT],
          token_id: 'f'.repeat(32),
          id: 'Zx9Qm2Lr7Tp4Wv8Kj3Nb6Hd1',
        },
        empty_password: '',
      },
      'json',
      notes,
    );
    expect(out).toEqual({
      provider: 'stripe',
      nested: {
        list: ['plain', null],
        token_id: 'f'.repeat(32),
      },
      empty_password: '',
    });
    // A token-shaped value under `id` is withheld too: identifier keys are not exempt from value checks.
    expect(notes).toEqual([
      { path: 'json.[credential-name]', reason: 'credential-key-name' },
      { path: 'json.nested.list[1]', reason: 'credential-value-shape' },
      { path: 'json.nested.id', reason: 'credential-value-shape' },
    ]);
    expect(JSON.stringify(notes)).not.toContain(JWT);
  });

  it('redacts a top-level credential string to undefined and can skip key names', () => {
    const notes: Redaction[] = [];
    expect(r.redactJson(JWT, 'v', notes)).toBeUndefined();
    expect(
      r.redactJson({ auth_method: { auth_method: 'mfa' } }, 'rule', notes, {
        keyNames: false,
      }),
    ).toEqual({
      auth_method: { auth_method: 'mfa' },
    });
    expect(notes).toHaveLength(1);
  });

  it('applies configured rules on top of the defaults', () => {
    const custom = new Redactor({
      ...DEFAULT_REDACTION_RULES,
      keyNamePatterns: [
        ...DEFAULT_REDACTION_RULES.keyNamePatterns,
        /^LICENSE$/i,
      ],
      valuePatterns: [...DEFAULT_REDACTION_RULES.valuePatterns, /^acme-lic-/],
      highEntropyMinLength: 40,
    });
    expect(custom.reasonFor('LICENSE', 'x')).toBe('credential-key-name');
    expect(custom.reasonFor('X', 'acme-lic-123')).toBe(
      'credential-value-shape',
    );
    expect(custom.reasonFor('X', 'Zx9Qm2Lr7Tp4Wv8Kj3Nb6Hd1')).toBeUndefined();
    expect(custom.reasonFor('API_KEY', 'x')).toBe('credential-key-name');
  });

  it('notes secret fields and counts redactions anywhere', () => {
    const notes: Redaction[] = [];
    noteSecretFields(
      { a: { b: 'x' }, c: '', d: null },
      ['a.b', 'c', 'd', 'e.f'],
      notes,
      'root',
    );
    expect(notes).toEqual([{ path: 'root.a.b', reason: 'secret-field' }]);
    expect(
      countRedactions([
        { redactions: notes },
        { inner: { redactions: [...notes, ...notes] } },
        'x',
      ]),
    ).toBe(3);
  });

  it('checks entropy only from the minimum length', () => {
    expect(looksHighEntropy('Zx9Qm2Lr7Tp4Wv8Kj3Nb6Hd1', 30)).toBe(false);
    expect(looksHighEntropy('Zx9Qm2Lr7Tp4 Wv8Kj3Nb6Hd1')).toBe(false);
    expect(looksHighEntropy('abcdefghijklmnopqrstuvwxyz')).toBe(false);
  });

  it('checks the values under identifier keys (an access key id holding AKIA...)', () => {
    const notes: Redaction[] = [];
    const out = r.redactJson(
      {
        access_key_id: 'AKIAIOSFODNN7EXAMPLE',
        session_hash: JWT,
        client_id: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        namespace_id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
        app_uid: '0c6e2f0a-4b1d-4e8a-9f3c-5d7b1a2e4c6f',
        commit_hash: '0123456789abcdef0123456789abcdef01234567',
      },
      'json',
      notes,
      { keyNames: false },
    );
    expect(out).toEqual({
      namespace_id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
      app_uid: '0c6e2f0a-4b1d-4e8a-9f3c-5d7b1a2e4c6f',
      commit_hash: '0123456789abcdef0123456789abcdef01234567',
    });
    expect(notes.map(n => n.path)).toEqual([
      'json.access_key_id',
      'json.session_hash',
      'json.client_id',
    ]);
  });

  it('never echoes a credential-like name in a note path', () => {
    const notes: Redaction[] = [];
    r.redactJson(
      { STRIPE_KEY: 'x', nested: { db_pass: 'y', list: [{ salt: 'z' }] } },
      'json',
      notes,
    );
    expect(notes.map(n => n.path)).toEqual([
      'json.[credential-name]',
      'json.nested.[credential-name]',
      'json.nested.list[0].[credential-name]',
    ]);
    expect(r.pathName('LOG_LEVEL')).toBe('LOG_LEVEL');
    expect(r.pathName('GITHUB_TOKEN')).toBe(CREDENTIAL_NAME_PLACEHOLDER);
  });
});
