import { DetailMemo, LIVE_DETAIL_CYCLES, memoKey } from './DetailMemo';
import { StoredDetail } from './IngestionStore';

/** A memo over `entries` in `cycle`, with what it writes. */
function memoAt(cycle: number, entries = new Map<string, StoredDetail>()) {
  const written: StoredDetail[] = [];
  const memo = new DetailMemo(entries, cycle, async d => {
    written.push(...d);
    for (const e of d) entries.set(e.key, e);
  });
  return { memo, written, entries };
}

describe('DetailMemo', () => {
  it('reads a detail again only when its change key moves', async () => {
    const load = jest.fn(async () => 'v1');
    const first = memoAt(1);
    expect(await first.memo.detail('a', { changeKey: 'k1' }, load)).toBe('v1');
    await first.memo.flush();
    expect(first.written).toEqual([
      { key: 'a', changeKey: 'v:k1', cycle: 1, value: 'v1' },
    ]);

    const second = memoAt(2, first.entries);
    expect(await second.memo.detail('a', { changeKey: 'k1' }, load)).toBe('v1');
    expect(load).toHaveBeenCalledTimes(1);
    load.mockResolvedValueOnce('v2');
    expect(await second.memo.detail('a', { changeKey: 'k2' }, load)).toBe('v2');
    expect(load).toHaveBeenCalledTimes(2);
    expect([second.memo.loads, second.memo.hits]).toEqual([1, 1]);
  });

  it(`reads live details again after ${LIVE_DETAIL_CYCLES} cycles, at most a ${LIVE_DETAIL_CYCLES}th of them in one cycle`, async () => {
    const entries = new Map<string, StoredDetail>();
    const cold = memoAt(1, entries);
    for (let i = 0; i < 12; i++)
      await cold.memo.detail(`k${i}`, { live: true }, async () => i);
    await cold.memo.flush();

    const loadsIn = async (cycle: number) => {
      const { memo } = memoAt(cycle, entries);
      for (let i = 0; i < 12; i++)
        await memo.detail(`k${i}`, { live: true }, async () => i);
      await memo.flush();
      return memo.loads;
    };
    expect(await loadsIn(2)).toBe(0);
    expect(await loadsIn(LIVE_DETAIL_CYCLES)).toBe(0);
    // Due in cycle 7: two of twelve a cycle, so the refresh spreads over six cycles.
    const spread = [];
    for (let c = LIVE_DETAIL_CYCLES + 1; c <= 2 * LIVE_DETAIL_CYCLES; c++)
      spread.push(await loadsIn(c));
    expect(spread).toEqual([2, 2, 2, 2, 2, 2]);
  });

  it('reads an unsettled value again in every new cycle, not twice in one', async () => {
    const entries = new Map<string, StoredDetail>();
    const options = { changeKey: 't1', settled: (v: string) => v === 'ended' };
    const load = jest.fn(async () => 'running');
    const a = memoAt(1, entries);
    await a.memo.detail('runs', options, load);
    await a.memo.flush();
    // An interrupted read resumed in the same cycle uses what it read.
    await memoAt(1, entries).memo.detail('runs', options, load);
    expect(load).toHaveBeenCalledTimes(1);
    load.mockResolvedValue('ended');
    const b = memoAt(2, entries);
    expect(await b.memo.detail('runs', options, load)).toBe('ended');
    await b.memo.flush();
    await memoAt(3, entries).memo.detail('runs', options, load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('loads batches of what changed, and names what was not asked for', async () => {
    const entries = new Map<string, StoredDetail>();
    const items = (keys: string[], version: string) =>
      keys.map(key => ({ key, options: { changeKey: version } }));
    const load = jest.fn(
      async (keys: string[]) => new Map(keys.map(k => [k, `${k}!`])),
    );
    const cold = memoAt(1, entries);
    await cold.memo.details(items(['a', 'b', 'c'], '1'), 2, load);
    await cold.memo.flush();
    expect(load.mock.calls).toEqual([[['a', 'b']], [['c']]]);

    const next = memoAt(2, entries);
    const read = await next.memo.details(
      [...items(['a'], '1'), ...items(['b'], '2')],
      2,
      load,
    );
    expect(load.mock.calls[2]).toEqual([['b']]);
    expect(read).toEqual(
      new Map([
        ['a', 'a!'],
        ['b', 'b!'],
      ]),
    );
    expect(next.memo.untouched()).toEqual(['c']);
  });

  it('stores a long key as its hash', () => {
    expect(memoKey('short')).toBe('short');
    expect(memoKey('x'.repeat(300))).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
