import { HttpResponse } from 'msw';
import { cfErrors } from '../envelope';
import { DemoRoute, get } from '../route';

const SESSIONS = '/accounts/:account_id/browser-rendering/devtools/session';

function intParam(url: URL, name: string, fallback: number): number {
  const n = Number(url.searchParams.get(name));
  return url.searchParams.has(name) && Number.isInteger(n) && n >= 0
    ? n
    : fallback;
}

/**
 * Routes of the Browser Rendering area: the DevTools session list (`limit`, `offset`) and one
 * session. Both answer a BARE body (array or object), not the v4 envelope: the SDK reads them so
 * (reference errata 1). There is no usage or limits endpoint to serve.
 *
 * @public
 */
export const browserRenderingRoutes: DemoRoute[] = [
  get(SESSIONS, ({ url, data }) => {
    const offset = intParam(url, 'offset', 0);
    const limit = intParam(url, 'limit', 50);
    return HttpResponse.json(
      data.browserRendering.sessions.slice(offset, offset + limit),
    );
  }),
  get(`${SESSIONS}/:session_id`, ({ params, data }) => {
    const found = data.browserRendering.sessions.find(
      s => s.sessionId === params.session_id,
    );
    return found
      ? HttpResponse.json(found)
      : cfErrors.notFound('browser session');
  }),
];
