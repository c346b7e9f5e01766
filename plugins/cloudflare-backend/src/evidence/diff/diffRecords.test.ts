import { diffRecords, fieldChanges, recordsByKey } from './diffRecords';

describe('fieldChanges', () => {
  it('names each differing leaf by path: fields by dots, list items by index', () => {
    expect(
      fieldChanges(
        { a: 1, b: { c: 'x', d: [1, 2] }, gone: true },
        { a: 1, b: { c: 'y', d: [1, 3, 4] }, added: null },
      ),
    ).toEqual([
      { path: 'added', after: null },
      { path: 'b.c', before: 'x', after: 'y' },
      { path: 'b.d[1]', before: 2, after: 3 },
      { path: 'b.d[2]', after: 4 },
      { path: 'gone', before: true },
    ]);
  });

  it('compares a value whose type changed as a whole, and finds nothing in equal values', () => {
    expect(fieldChanges({ a: [1] }, { a: { 0: 1 } })).toEqual([
      { path: 'a', before: [1], after: { 0: 1 } },
    ]);
    expect(fieldChanges('x', 'y')).toEqual([
      { path: '(value)', before: 'x', after: 'y' },
    ]);
    expect(fieldChanges({ a: [{ b: 1 }] }, { a: [{ b: 1 }] })).toEqual([]);
  });
});

describe('recordsByKey and diffRecords', () => {
  const rec = (key: string, value: any) => ({
    key,
    value,
    sensitive: ['actor.email'],
  });

  it('masks the sensitive paths only when asked, and keeps records that share a key', () => {
    const records = [
      rec('e1', { actor: { email: 'alice@acme.example' } }),
      rec('e1', { actor: { email: 'bob@acme.example' } }),
    ];
    expect([...recordsByKey(records, true)]).toEqual([
      ['e1', { actor: { email: 'a***@acme.example' } }],
      ['e1 #2', { actor: { email: 'b***@acme.example' } }],
    ]);
    expect(recordsByKey(records, false).get('e1')).toEqual({
      actor: { email: 'alice@acme.example' },
    });
  });

  it('sorts added, removed and changed records by key and counts the unchanged', () => {
    const from = new Map<string, any>([
      ['b', { n: 1 }],
      ['a', { n: 1 }],
      ['gone', { n: 0 }],
    ]);
    const to = new Map<string, any>([
      ['new', { n: 2 }],
      ['b', { n: 2 }],
      ['a', { n: 1 }],
    ]);
    expect(diffRecords(from, to)).toEqual({
      added: [{ key: 'new', value: { n: 2 } }],
      removed: [{ key: 'gone', value: { n: 0 } }],
      changed: [{ key: 'b', fields: [{ path: 'n', before: 1, after: 2 }] }],
      unchanged: 1,
    });
  });
});
