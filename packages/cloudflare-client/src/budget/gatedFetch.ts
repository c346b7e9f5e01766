import {
  CloudflareApiError,
  isCloudflareApiError,
  REFUSED_HEADER,
} from '../errors';
import { CallBudget, CallPriority } from './CallBudget';
import { CircuitBreaker } from './CircuitBreaker';
import { parseRetryAfter } from './rateLimitHeaders';

/** What the fetch wrapper needs to know about the call in progress. */
export interface CallScope {
  operation?: string;
  priority?: CallPriority;
  deadline?: number;
  signal?: AbortSignal;
}

/**
 * The answer the wrapper makes up when it sends nothing: the SDK must not retry it
 * (`x-should-retry: false`), and the error mapping turns it back into the refusal's kind.
 */
function refusal(err: CloudflareApiError): Response {
  return new Response(
    JSON.stringify({ success: false, errors: [], messages: [], result: null }),
    {
      status: 503,
      headers: {
        'content-type': 'application/json',
        'x-should-retry': 'false',
        [REFUSED_HEADER]: err.kind,
        'retry-after': String(err.retryAfterSeconds ?? 1),
      },
    },
  );
}

/** The same answer, which the SDK must not retry (a 429 retried runs into Cloudflare's block). */
function noRetry(res: Response): Response {
  const headers = new Headers(res.headers);
  headers.set('x-should-retry', 'false');
  return new Response(res.body, {
    status: res.status,
    statusText: res.statusText,
    headers,
  });
}

/** The SDK sleeps `Retry-After` only under 60 s; beyond, it retries after 0.5 to 8 s. */
const SDK_HONOURED_RETRY_AFTER = 60;

/** Statuses that count as upstream failures for the breaker. */
const isUpstreamFailure = (status: number) =>
  status >= 500 || status === 429 || status === 408;

/**
 * Wraps the fetch the SDK calls for every request, retries included: the breaker, then the
 * budget, decide whether it is sent (else a made-up answer the SDK does not retry, mapped to kind
 * `circuit-open` or `budget`); every answer feeds `budget.observe` and the breaker; a 429 empties
 * the budget until its `Retry-After`, and is not retried by the SDK unless that is under a minute
 * (the retry then passes this gate again, after the wait).
 */
export function gateFetch(options: {
  inner: typeof fetch;
  budget: CallBudget;
  breaker: CircuitBreaker;
  scope: () => CallScope | undefined;
  now?: () => number;
}): typeof fetch {
  const { inner, budget, breaker, scope } = options;
  const now = options.now ?? Date.now;
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const current = scope();
    const operation = current?.operation ?? 'call';
    let trial = false;
    let call: number;
    try {
      trial = breaker.enter(operation);
      call = await budget.acquireCall(current?.priority ?? 'interactive', {
        deadline: current?.deadline,
        signal: current?.signal,
        operation,
      });
    } catch (e) {
      if (trial) breaker.cancelTrial();
      if (isCloudflareApiError(e)) return refusal(e);
      throw e;
    }
    let res: Response;
    try {
      res = await inner(input as RequestInfo, init);
    } catch (e) {
      budget.settle(call);
      if (init?.signal?.aborted) {
        if (trial) breaker.cancelTrial();
      } else {
        breaker.recordFailure();
      }
      throw e;
    }
    budget.observe(res.headers, call);
    if (res.status === 429) {
      const retryAfter = parseRetryAfter(res.headers.get('retry-after'), now());
      budget.exhaust(retryAfter);
      breaker.recordFailure();
      // The SDK sleeps a short Retry-After and retries through this gate again (the budget
      // lets the retry out once the wait is over); a long or missing one it would not honour.
      return retryAfter !== undefined && retryAfter < SDK_HONOURED_RETRY_AFTER
        ? res
        : noRetry(res);
    }
    if (isUpstreamFailure(res.status)) breaker.recordFailure();
    else breaker.recordSuccess();
    return res;
  }) as typeof fetch;
}
