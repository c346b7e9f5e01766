import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { RouteContext } from '../service/context';
import { cloudflareAreaActions, registerAreaActions } from './areaActions';
import { registerEntityPostureAction } from './entityAction';
import { registerEvidenceActions } from './evidenceActions';

/**
 * Registers the suite's actions in Backstage's actions registry (served to MCP clients by
 * `@backstage/plugin-mcp-actions-backend`): one read action per route descriptor, the entity
 * posture action and the evidence actions. All run the routes' own functions with the caller's
 * credentials.
 */
export function registerCloudflareActions(
  registry: ActionsRegistryService,
  ctx: RouteContext,
) {
  registerAreaActions(registry, ctx);
  registerEntityPostureAction(registry, ctx, cloudflareAreaActions());
  registerEvidenceActions(registry, ctx);
}
