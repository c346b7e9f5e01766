import type { DemoRoute } from '../route';

/** Routes of the durableObjects area. */
export const durableObjectsRoutes: DemoRoute[] = [];
