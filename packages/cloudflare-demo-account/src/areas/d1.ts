import type { DemoRoute } from '../route';

/** Routes of the d1 area. */
export const d1Routes: DemoRoute[] = [];
