import type { DemoRoute } from '../route';

/** Routes of the zeroTrust area. */
export const zeroTrustRoutes: DemoRoute[] = [];
