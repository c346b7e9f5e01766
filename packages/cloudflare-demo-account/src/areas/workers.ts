import type { DemoRoute } from '../route';

/** Routes of the workers area. */
export const workersRoutes: DemoRoute[] = [];
