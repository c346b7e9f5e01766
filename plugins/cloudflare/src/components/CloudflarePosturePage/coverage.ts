import {
  Entity,
  parseEntityRef,
  RELATION_DEPENDS_ON,
} from '@backstage/catalog-model';
import { isCloudflareAvailable } from '../../conditions';

/** Target share of production Components with a Cloudflare relation (spec section 6). */
export const COVERAGE_TARGET = 0.95;

/** True when the Component depends on a suite Resource or carries a suite annotation. */
export function hasCloudflareLink(entity: Entity): boolean {
  if (isCloudflareAvailable(entity)) return true;
  return (entity.relations ?? []).some(r => {
    if (r.type !== RELATION_DEPENDS_ON) return false;
    try {
      const ref = parseEntityRef(r.targetRef);
      return (
        ref.kind.toLocaleLowerCase('en-US') === 'resource' &&
        ref.name.startsWith('cf-')
      );
    } catch {
      return false;
    }
  });
}

/** Coverage of production Components. */
export interface CoverageSummary {
  production: number;
  covered: number;
  ratio: number;
  uncovered: Entity[];
}

export function computeCoverage(components: Entity[]): CoverageSummary {
  const production = components.filter(c => c.spec?.lifecycle === 'production');
  const uncovered = production.filter(c => !hasCloudflareLink(c));
  const covered = production.length - uncovered.length;
  return {
    production: production.length,
    covered,
    ratio: production.length ? covered / production.length : 0,
    uncovered,
  };
}
