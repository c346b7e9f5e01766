import type { DemoRoute } from '../route';

/** Routes of the analyticsEngine area. */
export const analyticsEngineRoutes: DemoRoute[] = [];
