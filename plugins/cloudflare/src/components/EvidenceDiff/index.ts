export { EvidenceDiff } from './EvidenceDiff';
export type { EvidenceDiffProps } from './EvidenceDiff';
