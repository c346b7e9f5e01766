import {
  CLOUDFLARE_ACCEPTANCE_CRITERIA,
  CloudflareAcceptance,
  CloudflareAcceptanceCriterion,
} from '@cloudflare-backstage/plugin-cloudflare-common';

/**
 * An acceptance answer in which every criterion passes but those of `failing` (criterion id to its
 * detail), which fail with that detail.
 */
export function answerWith(
  failing: Record<string, string> = {},
  overrides: Partial<
    Record<string, Partial<CloudflareAcceptanceCriterion>>
  > = {},
): CloudflareAcceptance {
  return {
    measuredAt: '2026-12-05T00:00:00.000Z',
    criteria: CLOUDFLARE_ACCEPTANCE_CRITERIA.map(({ id, title, target }) => ({
      id,
      title,
      target,
      ...(id in failing
        ? {
            measured: '1 of 2 (50%)',
            value: 0.5,
            pass: false,
            detail: failing[id],
          }
        : { measured: '2 of 2 (100%)', value: 1, pass: true }),
      ...overrides[id],
    })),
  };
}
