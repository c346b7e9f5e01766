import type { DemoRoute } from '../route';

/** Routes of the queues area. */
export const queuesRoutes: DemoRoute[] = [];
