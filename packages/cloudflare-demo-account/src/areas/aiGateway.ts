import type { DemoRoute } from '../route';

/** Routes of the aiGateway area. */
export const aiGatewayRoutes: DemoRoute[] = [];
