import express from 'express';
import Router from 'express-promise-router';
import { InputError, NotFoundError, serializeError } from '@backstage/errors';
import { RouteContext } from './context';
import { RetryLaterError } from './errors';
import { registerHealthRoutes } from '../routes/health';
import { registerEvidenceRoutes } from '../routes/evidence';
import { registerReadRoutes } from './readRoutes';
import { registerAcceptanceRoutes } from '../acceptance/acceptanceRoute';
import { registerOpenApiRoute } from '../openapi/openapiRoute';
import { registerOscalRoute } from '../oscal/oscalRoute';

/**
 * A body the JSON parser refused becomes an `InputError` of our own words: the parser's message
 * quotes the body, and its error is not one of `@backstage/errors`.
 */
const bodyErrors: express.ErrorRequestHandler = (error, _req, _res, next) => {
  const type = (error as { type?: unknown }).type;
  if (type === 'entity.too.large') {
    next(new InputError('Invalid body: larger than 64 kB'));
  } else if (typeof type === 'string' && type.startsWith('entity.')) {
    next(new InputError('Invalid body: must be a JSON document'));
  } else if (
    type === 'charset.unsupported' ||
    type === 'encoding.unsupported'
  ) {
    next(new InputError('Invalid body: must be UTF-8 JSON'));
  } else {
    next(error);
  }
};

/**
 * A 503 that says when to come back (`RetryLaterError`) gets its `Retry-After` header here. One the
 * read pipeline has `reported` (Cloudflare down, its rate limit, the call budget or the breaker,
 * with nothing kept; logged once a minute per route and kind) is answered here too, in the body
 * Backstage's error handler writes (`error`, `request`, `response`; no stack): that handler would
 * log each one with its stack at error level, flooding the log during an outage. Every other error
 * goes on to it.
 */
const retryLater: express.ErrorRequestHandler = (error, req, res, next) => {
  if (!(error instanceof RetryLaterError) || res.headersSent) {
    next(error);
    return;
  }
  res.setHeader('Retry-After', String(error.retryAfterSeconds));
  if (!error.reported) {
    next(error);
    return;
  }
  res.status(503).json({
    error: serializeError(error),
    request: { method: req.method, url: req.url },
    response: { statusCode: 503 },
  });
};

const parseJson = express.json({ limit: '64kb' });

/**
 * Parses JSON bodies of the methods that carry one. A GET or HEAD is passed by: no route reads its
 * body, and the parser would add `req.body` to every request. Express has swapped the prototype of
 * `req`, so V8 builds a new hidden class for each property added to it: old-space garbage on the
 * hot path of cached reads (docs/benchmarks.md, "Where the time goes").
 */
const jsonBodies: express.RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD') next();
  else parseJson(req, res, next);
};

/**
 * The `/api/cloudflare` router. Errors are thrown as `@backstage/errors` and rendered as JSON by
 * Backstage's default error handler; a path no route answers is a JSON `NotFoundError` too.
 */
export async function createRouter(ctx: RouteContext): Promise<express.Router> {
  const router = Router();
  router.use(jsonBodies, bodyErrors);
  registerHealthRoutes(router, ctx);
  registerReadRoutes(router, ctx);
  registerEvidenceRoutes(router, ctx);
  registerOscalRoute(router, ctx);
  registerAcceptanceRoutes(router, ctx);
  registerOpenApiRoute(router, ctx);
  router.use(() => {
    // The path is not echoed: it is the caller's text, and error messages may be logged.
    throw new NotFoundError('No such route under /api/cloudflare');
  });
  router.use(retryLater);
  return router;
}
