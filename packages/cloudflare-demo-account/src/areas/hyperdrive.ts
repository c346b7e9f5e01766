import type { DemoRoute } from '../route';

/** Routes of the hyperdrive area. */
export const hyperdriveRoutes: DemoRoute[] = [];
