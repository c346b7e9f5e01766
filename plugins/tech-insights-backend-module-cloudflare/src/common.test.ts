import { annotationNames, describeError } from './common';

describe('describeError', () => {
  it('keeps the class and message, without credentials or e-mails', () => {
    const e = new Error(
      'Cloudflare tokens.listUserTokens failed for ops@acme-org.org with Bearer abc.def token=xyz key: k1 demo-acme-org-read-token-0000000000000000',
    );
    expect(describeError(e)).toBe(
      'Error: Cloudflare tokens.listUserTokens failed for <email> with Bearer <redacted> token=<redacted> key: <redacted> <redacted>',
    );
  });

  it('describes what is not an Error', () => {
    expect(describeError('boom')).toBe('string');
    expect(describeError({ message: 'x' })).toBe('Error');
    expect(describeError(new TypeError(''))).toBe('TypeError');
  });
});

describe('annotationNames', () => {
  it('splits comma-separated names, trimmed, without empties or duplicates', () => {
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'x', annotations: { a: ' one, two,,one ,three ' } },
    };
    expect(annotationNames(entity, 'a')).toEqual(['one', 'two', 'three']);
    expect(annotationNames(entity, 'missing')).toEqual([]);
  });
});
