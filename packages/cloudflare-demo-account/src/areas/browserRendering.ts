import type { DemoRoute } from '../route';

/** Routes of the browserRendering area. */
export const browserRenderingRoutes: DemoRoute[] = [];
