import type { DemoRoute } from '../route';

/** Routes of the r2 area. */
export const r2Routes: DemoRoute[] = [];
