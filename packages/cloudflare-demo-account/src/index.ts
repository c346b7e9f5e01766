/**
 * The built-in demo Cloudflare account `acme-org`: msw handlers speaking Cloudflare's v4 API for every
 * product area, fault knobs, Cloudflare's rate limit, secret canaries and a scale generator.
 *
 * @packageDocumentation
 */

export * from './acceptance';
export * from './accounts';
export * from './canaries';
export * from './data';
export * from './envelope';
export * from './faults';
export * from './graphql';
export * from './handlers';
export * from './pagination';
export * from './requestLog';
export * from './rng';
export * from './route';
export * from './server';
export * from './state';
