import type { DemoRoute } from '../route';

/** Routes of the tokens area. */
export const tokensRoutes: DemoRoute[] = [];
