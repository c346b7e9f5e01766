import { isCloudflareApiError } from '@cloudflare-backstage/cloudflare-client';

/**
 * Whether `error` stops the run rather than fails a read: the call budget cannot give the run
 * another call before its deadline (kind `budget`), or the task was aborted. A descriptor that
 * falls back on an earlier value when a read fails rethrows these, so the area stays unfinished
 * (and resumes in the next run) instead of completing with the fallback.
 */
export function stopsTheRun(error: unknown): boolean {
  if (isCloudflareApiError(error) && error.kind === 'budget') return true;
  return error instanceof Error && error.name === 'AbortError';
}
