import express from 'express';
import { createMiddleware } from '@mswjs/http-middleware';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createDemoAccountHandlers } from './handlers';
import { parseFault, DemoFaultRule } from './faults';
import { DemoAccountState } from './state';
import { lifecycleAdminRouter } from './adminLifecycle';
import { pickDemoAccount } from './accounts';
import { DemoRequestLog } from './requestLog';

/**
 * Options of {@link startDemoAccountServer}.
 *
 * @public
 */
export interface DemoAccountServerOptions {
  /** Port to listen on; 0 picks a free one. Default 8787. */
  port?: number;
  /** Host to bind; always a loopback address. Default 127.0.0.1. */
  host?: string;
  /** The account to serve; a new built-in acme-org account by default. */
  state?: DemoAccountState;
  /**
   * Several accounts to serve on one port (instead of `state`), e.g. from `createDemoAccounts`: a
   * request goes to the account whose id is in its path, else to the one accepting its token (see
   * `pickDemoAccount`). Each keeps its own data, tokens, faults, call counts and rate limit. The
   * admin routes of account `<id>` are under `/__demo/accounts/<id>/`; `/__demo/` is the first's.
   */
  accounts?: DemoAccountState[];
  /** Record every Cloudflare request by status and distinct URL (see `requestLog`); off by default. */
  recordRequests?: boolean;
}

/**
 * A running demo account.
 *
 * @public
 */
export interface DemoAccountServer {
  /** Base URL to give the Cloudflare SDK (`baseURL`), ending in `/client/v4`. */
  baseUrl: string;
  port: number;
  /** The served account (the first of `accounts` when several are served). */
  state: DemoAccountState;
  /** Every served account, in the order given. */
  states: DemoAccountState[];
  /**
   * What the account `state` (the first by default) was asked, when served with
   * `recordRequests: true`; an empty log otherwise.
   */
  requestLog(state?: DemoAccountState): DemoRequestLog;
  close(): Promise<void>;
}

/**
 * The admin routes of the served account (not Cloudflare's): `GET /__demo/calls` (calls per route),
 * `DELETE /__demo/calls`, `GET|POST|DELETE /__demo/faults` (body: a fault rule, or
 * `{ "route": "...", "fault": "rate-limit:5", "times": 1 }`), and the R2 lifecycle rule routes of
 * {@link lifecycleAdminRouter}.
 */
function adminRouter(state: DemoAccountState): express.Router {
  const router = express.Router();
  router.use(express.json());
  router.get('/calls', (_req, res) => {
    res.json({ total: state.totalCalls(), byRoute: state.callCounts() });
  });
  router.delete('/calls', (_req, res) => {
    state.resetCalls();
    res.status(204).end();
  });
  router.get('/faults', (_req, res) => {
    res.json({ faults: state.listFaults() });
  });
  router.post('/faults', (req, res) => {
    const body = req.body ?? {};
    const fault =
      typeof body.fault === 'string' ? parseFault(body.fault) : body.fault;
    if (!fault || typeof fault.kind !== 'string') {
      res.status(400).json({
        error: 'fault must be a fault object or a string like "rate-limit:5"',
      });
      return;
    }
    const rule: DemoFaultRule = {
      route: typeof body.route === 'string' ? body.route : undefined,
      times: typeof body.times === 'number' ? body.times : undefined,
      fault,
    };
    state.addFault(rule);
    res.status(201).json({ rule });
  });
  router.delete('/faults', (_req, res) => {
    state.clearFaults();
    res.status(204).end();
  });
  router.use(lifecycleAdminRouter(state));
  return router;
}

/**
 * Serves the demo account over HTTP on a loopback address, with the same msw handlers the tests use.
 *
 * @public
 */
export async function startDemoAccountServer(
  options: DemoAccountServerOptions = {},
): Promise<DemoAccountServer> {
  const states = options.accounts?.length
    ? options.accounts
    : [options.state ?? new DemoAccountState()];
  const state = states[0];
  const host = options.host ?? '127.0.0.1';
  const app = express();
  app.disable('x-powered-by');
  for (const s of states) {
    app.use(`/__demo/accounts/${s.data.account.id}`, adminRouter(s));
  }
  app.use('/__demo', adminRouter(state));
  const served = new Map(
    states.map(s => [
      s,
      {
        middleware: createMiddleware(...createDemoAccountHandlers(s)),
        log: new DemoRequestLog(),
      },
    ]),
  );
  app.use((req, res, next) => {
    const target =
      states.length === 1
        ? state
        : pickDemoAccount(states, req.path, req.headers.authorization);
    const { middleware, log } = served.get(target)!;
    if (options.recordRequests) {
      res.once('finish', () =>
        log.record(req.method, req.originalUrl, res.statusCode),
      );
    }
    middleware(req, res, next);
  });
  app.use((_req, res) => {
    res.status(404).json({
      success: false,
      errors: [{ code: 7000, message: `No route for that URI` }],
      messages: [],
      result: null,
    });
  });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port ?? 8787, host, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://${host}:${port}/client/v4`,
    port,
    state,
    states,
    requestLog: (s = state) => served.get(s)?.log ?? new DemoRequestLog(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(err => (err ? reject(err) : resolve()));
      }),
  };
}
