import { runDeadline } from './runDeadline';

describe('runDeadline', () => {
  it('leaves a tenth of the timeout, 5 to 30 s, before the scheduler would time the run out', () => {
    expect(runDeadline(1_000, { minutes: 2 })).toBe(1_000 + 108_000);
    expect(runDeadline(0, { seconds: 20 })).toBe(15_000);
    expect(runDeadline(0, { hours: 1 })).toBe(3_600_000 - 30_000);
    // Shorter than the margin: the run spends what the budget holds now, and waits for nothing.
    expect(runDeadline(7, { seconds: 2 })).toBe(7);
    // A luxon Duration, as a schedule given in code may hold.
    expect(runDeadline(0, { toMillis: () => 60_000 } as any)).toBe(54_000);
  });
});
