import type { DemoRoute } from '../route';

/** Routes of the kv area. */
export const kvRoutes: DemoRoute[] = [];
