import type { DemoRoute } from '../route';

/** Routes of the pages area. */
export const pagesRoutes: DemoRoute[] = [];
