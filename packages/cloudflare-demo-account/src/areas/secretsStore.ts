import type { DemoRoute } from '../route';

/** Routes of the secretsStore area. */
export const secretsStoreRoutes: DemoRoute[] = [];
