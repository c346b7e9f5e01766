import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { AreaOutcome } from './runAreas';

/**
 * Applies one run's outcomes to the catalog, never deleting an entity it cannot account for:
 * a `full` mutation when every enabled area has a complete read (this run's or an earlier one,
 * persisted), else a `delta` adding what is complete and removing nothing (an area never read
 * to the end yet, in a first sync spread over several runs or after a fault, cannot be replaced
 * without deleting what the catalog holds for it). Returns what it applied.
 */
export async function applyOutcomes(
  connection: EntityProviderConnection,
  outcomes: AreaOutcome[],
): Promise<{ mutation: string; entities: number }> {
  const entities = outcomes.flatMap(o => o.entities);
  if (outcomes.every(o => o.complete)) {
    await connection.applyMutation({ type: 'full', entities });
    return { mutation: 'full', entities: entities.length };
  }
  if (entities.length > 0) {
    await connection.applyMutation({
      type: 'delta',
      added: entities,
      removed: [],
    });
    return { mutation: 'delta (nothing removed)', entities: entities.length };
  }
  return { mutation: 'none', entities: 0 };
}

/** `workers=12 kv=5 (stale) d1=0 (pending)`: entities per area, and the status when not `ok`. */
export function describeOutcomes(outcomes: AreaOutcome[]): string {
  return (
    outcomes
      .map(o => {
        const status = o.status === 'ok' ? '' : ` (${o.status})`;
        return `${o.area.id}=${o.entities.length}${status}`;
      })
      .join(' ') || 'no areas enabled'
  );
}

/** `12 details read, 40 from the memo`: the run's detail reads over every area. */
export function describeDetails(outcomes: AreaOutcome[]): string {
  let loads = 0;
  let hits = 0;
  for (const o of outcomes) {
    loads += o.details?.loads ?? 0;
    hits += o.details?.hits ?? 0;
  }
  return `${loads} details read, ${hits} from the memo`;
}
