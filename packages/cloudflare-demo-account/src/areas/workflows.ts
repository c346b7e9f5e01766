import type { DemoRoute } from '../route';

/** Routes of the workflows area. */
export const workflowsRoutes: DemoRoute[] = [];
