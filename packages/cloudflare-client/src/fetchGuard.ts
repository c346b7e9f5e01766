import { AsyncLocalStorage } from 'node:async_hooks';
// The named export: `cloudflare`'s CommonJS main is a function whose `.default` is the class, and a built
// package's default-import interop takes the function itself (no requestAPIList), unlike jest's.
import { Cloudflare } from 'cloudflare';
import { checkEnvelope } from './envelope';
import { CloudflareApiError } from './errors';

/** Set while the SDK requests a page of a list (its page classes turn a bad page into `[]`). */
const sdkListRead = new AsyncLocalStorage<boolean>();

/** Query parameters that make a generic GET a list read. */
const PAGING_PARAMS = ['page', 'per_page', 'cursor', 'limit', 'page_token'];

/**
 * The SDK, with every request of a paged list (first and later pages) marked, so the fetch guard
 * knows the answer must be a list envelope.
 */
export class ListAwareCloudflare extends Cloudflare {
  override requestAPIList: Cloudflare['requestAPIList'] = (Page, options) =>
    sdkListRead.run(true, () => super.requestAPIList(Page, options));
}

/** An `AbortError` of this realm, which the SDK recognises as a timeout (and retries). */
function timeoutError(): Error {
  const abort = new Error('request timed out');
  abort.name = 'AbortError';
  return abort;
}

/**
 * A 2xx answer the guard refused: reading its body raises the guard's error. The SDK reads the
 * body of every 2xx answer and does not retry a read that fails, so the read fails with our
 * `bad-response` error instead of the SDK turning the answer into an empty list.
 */
function refusedResponse(
  res: Response,
  operation: string,
  detail: string,
): Response {
  const err = () =>
    Promise.reject(
      new CloudflareApiError({ kind: 'bad-response', operation, detail }),
    );
  const refused = new Response(null, {
    status: res.status,
    headers: { 'content-type': 'application/json' },
  });
  return Object.assign(refused, { json: err, text: err, arrayBuffer: err });
}

const isJson = (res: Response) => {
  const type = res.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
  return type.includes('application/json') || type.endsWith('+json');
};

/**
 * Wraps the `fetch` the SDK uses: one deadline (`timeoutMs`) covers the headers **and the whole
 * body** (the SDK's own timeout stops at the headers); every body is buffered under it. A 2xx
 * answer to a JSON request must be JSON, and a v4 envelope must pass {@link checkEnvelope}.
 * `operation` names the client operation in progress, for the error.
 */
export function guardFetch(
  inner: typeof fetch,
  timeoutMs: number,
  operation: () => string,
): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const list = sdkListRead.getStore() === true;
    const controller = new AbortController();
    const caller = init?.signal;
    const onAbort = () => controller.abort();
    caller?.addEventListener('abort', onAbort, { once: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(timeoutError());
      }, timeoutMs);
    });
    let res: Response | undefined;
    try {
      res = await Promise.race([
        inner(input as RequestInfo, { ...init, signal: controller.signal }),
        deadline,
      ]);
      const body = await Promise.race([res.arrayBuffer(), deadline]);
      const buffered = new Response(res.status === 204 ? null : body, {
        status: res.status,
        statusText: res.statusText,
        headers: res.headers,
      });
      if (!res.ok || res.status === 204) return buffered;
      const accept =
        new Headers(init?.headers).get('accept') ?? 'application/json';
      if (!accept.includes('json')) return buffered;
      if (!isJson(res))
        return refusedResponse(res, operation(), 'response body is not JSON');
      let parsed: unknown;
      try {
        parsed = JSON.parse(new TextDecoder().decode(body));
      } catch {
        return refusedResponse(res, operation(), 'response body is not JSON');
      }
      const url = new URL(String(input instanceof Request ? input.url : input));
      const detail = checkEnvelope(parsed, {
        list: list || PAGING_PARAMS.some(p => url.searchParams.has(p)),
        requireEnvelope: list,
      });
      return detail ? refusedResponse(res, operation(), detail) : buffered;
    } catch (e) {
      // A stalled mocked body may never settle its cancel: do not wait for it.
      res?.body?.cancel().catch(() => undefined);
      if (controller.signal.aborted) throw timeoutError();
      throw e;
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onAbort);
    }
  }) as typeof fetch;
}
