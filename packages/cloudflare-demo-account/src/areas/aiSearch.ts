import type { DemoRoute } from '../route';

/** Routes of the aiSearch area. */
export const aiSearchRoutes: DemoRoute[] = [];
