/** A value read in some run, and the number of that run. */
export interface RotatedRead<T> {
  value: T;
  run: number;
}

/** The values of a rotation by key, and the number of the run that left them (1 for the first). */
export interface Rotation<T> {
  reads: Record<string, RotatedRead<T>>;
  run: number;
}

/**
 * Reads a detail of at most `perRun` of `keys` a run (the keys never read first, then the longest
 * unread, in `keys` order among equals) and keeps the last read of the others, so a large account
 * is refreshed over several runs and a run stays within Cloudflare's call budget. Keys no longer
 * listed are dropped; a `read` answering undefined (the resource vanished between the list and the
 * read) leaves the key without a value.
 */
export async function readInRotation<T>(
  keys: readonly string[],
  previous: Rotation<T> | undefined,
  perRun: number,
  read: (key: string) => Promise<T | undefined>,
): Promise<Rotation<T>> {
  const run = (previous?.run ?? 0) + 1;
  const known = previous?.reads ?? {};
  const reads: Record<string, RotatedRead<T>> = {};
  for (const key of keys) if (known[key]) reads[key] = known[key];
  const due = [...keys]
    .sort((a, b) => (known[a]?.run ?? 0) - (known[b]?.run ?? 0))
    .slice(0, perRun);
  for (const key of due) {
    const value = await read(key);
    if (value !== undefined) reads[key] = { value, run };
  }
  return { reads, run };
}
