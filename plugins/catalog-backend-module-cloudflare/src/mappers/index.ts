export * from './types';
export {
  cloudflareLocationKey,
  cloudflareResourceEntity,
  entityNameIn,
  resourceRefIn,
} from './common';
export * from './workers';
export * from './pages';
export * from './zeroTrust';
