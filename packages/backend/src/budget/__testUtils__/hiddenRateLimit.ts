import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Headers by which Cloudflare (and the demo account) tell a client its rate limit. */
const RATE_LIMIT_HEADERS = ['ratelimit', 'ratelimit-policy'];
/** Headers of the upstream body that no longer describe it once fetch has read it. */
const BODY_HEADERS = [
  'content-encoding',
  'content-length',
  'transfer-encoding',
];

/** A running {@link startRateLimitHidingProxy}. */
export interface RateLimitHidingProxy {
  /** The upstream base URL with the proxy's origin (e.g. `http://127.0.0.1:<port>/client/v4`). */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Passes every request through to `upstreamBaseUrl`'s origin unchanged and answers what it
 * answered, less its `Ratelimit` and `Ratelimit-Policy` headers: a client behind it knows the rate
 * limit only from its own configuration. For the control of the budget test (a budget configured
 * above the limit, which Cloudflare's headers would otherwise correct).
 */
export async function startRateLimitHidingProxy(
  upstreamBaseUrl: string,
): Promise<RateLimitHidingProxy> {
  const upstream = new URL(upstreamBaseUrl);
  const server = http.createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string' && name !== 'host')
          headers.set(name, value);
      }
      const answer = await fetch(new URL(req.url ?? '/', upstream.origin), {
        method: req.method,
        headers,
        body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
      });
      const body = Buffer.from(await answer.arrayBuffer());
      const out: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (![...RATE_LIMIT_HEADERS, ...BODY_HEADERS].includes(name))
          out[name] = value;
      });
      res.writeHead(answer.status, out);
      res.end(body);
    } catch (error) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: ${error}`);
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${upstream.pathname}`,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
