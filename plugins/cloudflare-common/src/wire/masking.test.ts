import { maskByPaths, maskValue, MASKED } from './masking';

describe('maskValue', () => {
  it.each([
    ['alice@acme.example', 'a***@acme.example'],
    ['203.0.113.7', '203.0.113.0/24'],
    ['2001:db8:1:2::7', '2001:db8:1::/48'],
    ['db.internal.acme.example', MASKED],
  ])('masks %s as %s', (input, output) => {
    expect(maskValue(input)).toBe(output);
  });
});

describe('maskByPaths', () => {
  const event = {
    id: 'ray-1',
    name: 'acme-api',
    actor: { email: 'alice@acme.example', ip: '203.0.113.7' },
    keys: [{ name: 'a' }, { name: 'b' }],
  };

  it('masks exactly the declared paths and counts them per path', () => {
    const { value, masked } = maskByPaths(
      event,
      ['actor.email', 'actor.ip', 'keys[].name'],
      'masked',
    );
    expect(value).toEqual({
      id: 'ray-1',
      name: 'acme-api',
      actor: { email: 'a***@acme.example', ip: '203.0.113.0/24' },
      keys: [{ name: MASKED }, { name: MASKED }],
    });
    expect(masked).toEqual({
      'actor.email': 1,
      'actor.ip': 1,
      'keys[].name': 2,
    });
  });

  it('leaves a field of the same leaf name elsewhere alone', () => {
    const { value } = maskByPaths(event, ['keys[].name'], 'masked');
    expect(value.name).toBe('acme-api');
  });

  it('masks every string below a sensitive object, and skips absent paths', () => {
    const { value, masked } = maskByPaths(
      { actor: { email: 'bob@acme.example', ip: '198.51.100.1' } },
      ['actor', 'origin.host'],
      'masked',
    );
    expect(value.actor).toEqual({
      email: 'b***@acme.example',
      ip: '198.51.100.0/24',
    });
    expect(masked).toEqual({ actor: 2 });
  });

  it('never modifies its input, and returns it untouched when unmasked', () => {
    const copy = JSON.parse(JSON.stringify(event));
    maskByPaths(event, ['actor.email'], 'masked');
    expect(event).toEqual(copy);
    expect(maskByPaths(event, ['actor.email'], 'unmasked')).toEqual({
      value: event,
      masked: {},
    });
  });
});
