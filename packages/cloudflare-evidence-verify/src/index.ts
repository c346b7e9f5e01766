/**
 * Offline verifier of the Cloudflare suite's signed evidence snapshots: a DSSE envelope over an
 * in-toto Statement v1, signed with Ed25519. Uses node:crypto and node:fs only.
 *
 * @packageDocumentation
 */

export * from './dsse';
export * from './verify';
export * from './cli';
