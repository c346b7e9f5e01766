import { useApi } from '@backstage/core-plugin-api';
import { useCallback, useEffect, useRef, useState } from 'react';
import { cloudflareScorecardApiRef } from '../../api';
import { isPermissionDenied } from '../shared/errors';

/** How often the latest facts are read while waiting, and for how long at most. */
export interface RefreshTiming {
  pollIntervalMs: number;
  timeoutMs: number;
}

/** 2 s between reads, 90 s at most. */
export const DEFAULT_REFRESH_TIMING: RefreshTiming = {
  pollIntervalMs: 2_000,
  timeoutMs: 90_000,
};

/** Where a refresh stands. */
export type RefreshState =
  | { status: 'idle' }
  | { status: 'waiting'; retrievers: string[]; pending: number }
  | { status: 'done'; refreshedAt: string }
  | { status: 'denied' }
  | { status: 'timeout'; pending: string[] }
  | { status: 'error'; error: Error };

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * Refreshes an entity's facts: asks the suite's route to trigger its retrievers, then reads the
 * latest facts of those retrievers every `pollIntervalMs` until each is newer than the trigger (at
 * most `timeoutMs`), then calls `onRefreshed` (which re-runs the checks).
 */
export function useScorecardRefresh(
  entityRef: string,
  onRefreshed: () => Promise<void>,
  timing: RefreshTiming = DEFAULT_REFRESH_TIMING,
) {
  const api = useApi(cloudflareScorecardApiRef);
  const [state, setState] = useState<RefreshState>({ status: 'idle' });
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const refresh = useCallback(async () => {
    const set = (s: RefreshState) => alive.current && setState(s);
    try {
      const { retrievers, triggeredAt } = await api.refresh(entityRef);
      // Fact timestamps may be stored to the second: anything from that second on is new.
      const since = Math.floor(Date.parse(triggeredAt) / 1000) * 1000;
      const deadline = Date.now() + timing.timeoutMs;
      let pending = [...retrievers];
      set({ status: 'waiting', retrievers, pending: pending.length });
      while (pending.length > 0) {
        if (Date.now() >= deadline) {
          set({ status: 'timeout', pending });
          return;
        }
        await sleep(timing.pollIntervalMs);
        if (!alive.current) return;
        const facts = await api.getLatestFacts(entityRef, pending);
        pending = pending.filter(id => {
          const at = Date.parse(facts[id]?.timestamp ?? '');
          return !(at >= since);
        });
        set({ status: 'waiting', retrievers, pending: pending.length });
      }
      await onRefreshed();
      set({ status: 'done', refreshedAt: new Date().toISOString() });
    } catch (error) {
      set(
        isPermissionDenied(error)
          ? { status: 'denied' }
          : { status: 'error', error: error as Error },
      );
    }
  }, [api, entityRef, onRefreshed, timing.pollIntervalMs, timing.timeoutMs]);

  return { state, refresh };
}
