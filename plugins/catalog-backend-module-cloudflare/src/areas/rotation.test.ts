import { Rotation, readInRotation } from './rotation';

describe('readInRotation', () => {
  const keys = ['a', 'b', 'c', 'd', 'e'];

  it('reads the never-read keys first, then the longest unread, at most perRun a run', async () => {
    const calls: string[][] = [];
    let previous: Rotation<string> | undefined;
    for (let i = 0; i < 4; i++) {
      const read: string[] = [];
      previous = await readInRotation(keys, previous, 2, async key => {
        read.push(key);
        return `${key}${i}`;
      });
      calls.push(read);
    }
    expect(calls).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'a'],
      ['b', 'c'],
    ]);
    expect(previous!.run).toBe(4);
    expect(previous!.reads).toEqual({
      a: { value: 'a2', run: 3 },
      b: { value: 'b3', run: 4 },
      c: { value: 'c3', run: 4 },
      d: { value: 'd1', run: 2 },
      e: { value: 'e2', run: 3 },
    });
  });

  it('drops keys no longer listed and leaves a vanished key without a value', async () => {
    const first = await readInRotation(keys, undefined, 5, async k => k);
    const second = await readInRotation(
      ['a', 'b', 'z'],
      first,
      1,
      async () => undefined,
    );
    expect(second.reads).toEqual({
      a: { value: 'a', run: 1 },
      b: { value: 'b', run: 1 },
    });
  });
});
