import { API_PREFIX, DemoRoute } from './route';
import { demoAccountRoutes } from './handlers';

/**
 * What a served demo account was asked, for benchmarks: every request by status and by distinct
 * URL (method, path and query). The number of distinct URLs is the least number of calls that
 * could have read the same things: each further call read something again.
 *
 * @public
 */
export class DemoRequestLog {
  private readonly statuses = new Map<number, number>();
  private readonly urls = new Map<string, number>();

  /** Records one answered request. */
  record(method: string, url: string, status: number): void {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    const key = `${method} ${url}`;
    this.urls.set(key, (this.urls.get(key) ?? 0) + 1);
  }

  /** Requests answered since the start or the last reset. */
  total(): number {
    let n = 0;
    for (const c of this.statuses.values()) n += c;
    return n;
  }

  /** Requests answered with `status` (e.g. 429). */
  withStatus(status: number): number {
    return this.statuses.get(status) ?? 0;
  }

  /** Requests by status. */
  byStatus(): Record<string, number> {
    return Object.fromEntries(
      [...this.statuses.entries()].map(([s, n]) => [String(s), n]),
    );
  }

  /** Every distinct `METHOD /path?query` asked, with how often. */
  byUrl(): ReadonlyMap<string, number> {
    return this.urls;
  }

  /** Forgets everything recorded. */
  reset(): void {
    this.statuses.clear();
    this.urls.clear();
  }
}

const compiled = demoAccountRoutes.map(route => ({
  route,
  re: new RegExp(
    `^${API_PREFIX}${route.path
      .replace(/[.+*?^${}()|[\]\\]/g, '\\$&')
      .replace(/:[A-Za-z_]+/g, '[^/]+')}$`,
  ),
}));

/**
 * The demo route that answers `method` on `pathname` (`/client/v4/...`), if any.
 *
 * @public
 */
export function demoRouteOf(
  method: string,
  pathname: string,
): DemoRoute | undefined {
  return compiled.find(c => c.route.method === method && c.re.test(pathname))
    ?.route;
}

/**
 * True for a route of the whole account (its path names no resource besides the account):
 * lists such as `GET /accounts/:account_id/workers/scripts`, and `POST /graphql`.
 *
 * @public
 */
export function isAccountLevelRoute(route: DemoRoute): boolean {
  return !/:(?!account_id\b)[A-Za-z_]+/.test(route.path);
}
