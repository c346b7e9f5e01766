import { sha256Hex } from './canonicalJson';

/** The `prev_sha256` of the first row of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** Chain hash of a row: `sha256(prev_chain_hash + sha256)` over the two lower-case hex strings. */
export function chainHash(
  prevChainHash: string,
  documentSha256: string,
): string {
  return sha256Hex(`${prevChainHash}${documentSha256}`);
}
