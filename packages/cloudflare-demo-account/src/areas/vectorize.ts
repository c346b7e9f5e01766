import type { DemoRoute } from '../route';

/** Routes of the vectorize area. */
export const vectorizeRoutes: DemoRoute[] = [];
