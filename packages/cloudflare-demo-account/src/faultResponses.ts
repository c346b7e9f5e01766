import { delay, HttpResponse } from 'msw';
import { cfErrors } from './envelope';
import { DemoFault } from './faults';
import { requestedPage } from './pagination';

const HTML_PAGE =
  '<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head>' +
  '<body><h1>Sorry, you have been blocked</h1></body></html>';

/**
 * The answer of a fault that replaces the route's answer (before the route runs), or undefined
 * when the route must answer (possibly to be changed by {@link applyFaultToResponse}).
 */
export async function faultResponse(
  fault: DemoFault | undefined,
  url: URL,
): Promise<Response | undefined> {
  switch (fault?.kind) {
    case 'rate-limit':
      return cfErrors.rateLimited(fault.retryAfterSeconds ?? 1);
    case 'server-error':
      return cfErrors.serverError(fault.status ?? 500);
    case 'hang':
      await delay('infinite');
      return undefined;
    case 'malformed-json':
      return new HttpResponse('{"success": true, "result": [{"id": ', {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    case 'fail-page':
      return requestedPage(url) >= (fault.page ?? 2)
        ? cfErrors.serverError(500)
        : undefined;
    case 'html-200':
      return new HttpResponse(HTML_PAGE, {
        status: 200,
        headers: { 'content-type': 'text/html; charset=UTF-8' },
      });
    case 'success-false-200':
      return HttpResponse.json({
        success: false,
        errors: [{ code: 10001, message: 'Internal Server Error' }],
        messages: [],
        result: null,
      });
    default:
      return undefined;
  }
}

function withoutLength(headers: Headers): Headers {
  const copy = new Headers(headers);
  copy.delete('content-length');
  return copy;
}

/** Changes the route's answer for the faults that need it (`result-null`, `short-page`, `stall-body`). */
export async function applyFaultToResponse(
  fault: DemoFault | undefined,
  url: URL,
  response: Response,
): Promise<Response> {
  if (!response.ok) return response;
  switch (fault?.kind) {
    case 'result-null':
    case 'short-page': {
      if (
        fault.kind === 'short-page' &&
        requestedPage(url) !== (fault.page ?? 2)
      )
        return response;
      const body = (await response.json()) as Record<string, unknown>;
      const keep = fault.kind === 'short-page' ? fault.keep ?? 0 : 0;
      const result = body.result as { items?: unknown } | unknown[] | null;
      if (fault.kind === 'result-null') body.result = null;
      else if (Array.isArray(result)) body.result = result.slice(0, keep);
      else if (result && Array.isArray(result.items))
        body.result = { ...result, items: result.items.slice(0, keep) };
      return HttpResponse.json(body, {
        status: response.status,
        headers: withoutLength(response.headers),
      });
    }
    case 'stall-body': {
      const text = await response.text();
      const head = new TextEncoder().encode(
        text.slice(0, Math.floor(text.length / 2)),
      );
      // One chunk, then the stream stays open: no timer, nothing keeps the process alive.
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(head);
        },
      });
      return new Response(body, {
        status: response.status,
        headers: withoutLength(response.headers),
      });
    }
    default:
      return response;
  }
}
