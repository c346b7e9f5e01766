import { Router } from 'express';
import { RouteContext } from '../service/context';
import { openApiDocument } from './document';
import { OPENAPI_PATH } from './routes';

/**
 * `GET /openapi.json`: the OpenAPI 3.1 document of every route, built on the first request and
 * kept. Like the documents of Backstage's own plugins (`createValidatedOpenApiRouter` serves
 * `/openapi.json` with no auth policy of its own), it needs a Backstage token.
 */
export function registerOpenApiRoute(router: Router, ctx: RouteContext) {
  router.get(OPENAPI_PATH, (_req, res) => {
    res.json(openApiDocument({ maxScope: ctx.evidenceMaxScope }));
  });
}
