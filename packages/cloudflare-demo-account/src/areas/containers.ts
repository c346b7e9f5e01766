import type { DemoRoute } from '../route';

/** Routes of the containers area. */
export const containersRoutes: DemoRoute[] = [];
