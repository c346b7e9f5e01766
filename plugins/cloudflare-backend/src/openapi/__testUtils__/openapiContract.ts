import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import {
  CLOUDFLARE_CONTRACTS,
  CloudflareRouteContract,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ROUTE_EXAMPLES, RouteExample } from '../../__fixtures__/routeExamples';
import { ROUTE_DESCRIPTORS } from '../../areas';
import { openApiDocument, openApiPath } from '../document';

/** The document the router serves with the default scope bound (the harness's config). */
export const DOC = openApiDocument({ maxScope: 20 }) as any;

/** One ajv (draft 2020-12, with formats) holding the document, so `$ref`s resolve inside it. */
function documentAjv(coerceTypes: boolean) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, coerceTypes });
  addFormats(ajv);
  ajv.addSchema(DOC, 'doc');
  return ajv;
}
const answers = documentAjv(false);
const inputs = documentAjv(true);

/** JSON pointer of a path segment. */
const pointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** The operation of `method` at an express path, or undefined. */
export function operationOf(method: string, expressPath: string): any {
  return DOC.paths[openApiPath(expressPath)]?.[method.toLowerCase()];
}

const compiled = new Map<string, ValidateFunction>();
/** A validator of the schema at `ref`; a parameter's value sits in `{ v }`, so ajv may coerce it. */
function validatorAt(ajv: Ajv2020, ref: string): ValidateFunction {
  const key = `${ajv === answers}:${ref}`;
  let v = compiled.get(key);
  if (!v) {
    v = ajv.compile(
      ajv === answers
        ? { $ref: ref }
        : { type: 'object', properties: { v: { $ref: ref } } },
    );
    compiled.set(key, v);
  }
  return v;
}

/**
 * What is wrong with an answer by the document: its status not documented for the operation, its
 * JSON body not valid against the status's schema (ajv's errors), or a documented response header
 * missing or not valid by its schema. Empty when it conforms.
 */
export function answerProblems(
  method: string,
  expressPath: string,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): unknown[] {
  const contentType = (headers['content-type'] ?? 'application/json').split(
    ';',
  )[0];
  const op = operationOf(method, expressPath);
  if (!op) return [`${method} ${expressPath} is not documented`];
  const response = op.responses[String(status)];
  if (!response) return [`status ${status} is not documented`];
  const at = pointer(openApiPath(expressPath));
  const type = pointer(contentType);
  const ref = response.$ref
    ? `doc${response.$ref}/content/${type}/schema`
    : `doc#/paths/${at}/${method.toLowerCase()}/responses/${status}/content/${type}/schema`;
  if (!(response.$ref ?? response.content?.[contentType])) {
    return [`${contentType} is not documented for status ${status}`];
  }
  const validate = validatorAt(answers, ref);
  const problems: unknown[] = validate(body) ? [] : validate.errors ?? [];
  for (const name of Object.keys(response.headers ?? {})) {
    const headerRef = `doc#/paths/${at}/${method.toLowerCase()}/responses/${status}/headers/${pointer(
      name,
    )}/schema`;
    if (!validatorAt(inputs, headerRef)({ v: headers[name.toLowerCase()] })) {
      problems.push(`header ${name}: ${headers[name.toLowerCase()]}`);
    }
  }
  return problems;
}

/**
 * Whether the document accepts a request's inputs: every required parameter present, each path
 * and query value (strings, coerced to the parameter's type as OpenAPI validators do) valid by its
 * parameter's schema, and the body by the request body's schema.
 */
export function documentAccepts(
  method: string,
  expressPath: string,
  input: {
    params?: Record<string, string>;
    query?: string;
    body?: unknown;
    headers?: Record<string, string>;
  },
): boolean {
  const op = operationOf(method, expressPath);
  const query = new URLSearchParams(input.query ?? '');
  const values: Array<[string, string, unknown]> = [
    ...Object.entries(input.params ?? {}).map(
      ([k, v]) => ['path', k, v] as [string, string, unknown],
    ),
    ...[...query.keys()].map(
      k =>
        [
          'query',
          k,
          query.getAll(k).length > 1 ? query.getAll(k) : query.get(k),
        ] as [string, string, unknown],
    ),
  ];
  const params: any[] = op.parameters ?? [];
  const given = new Set(values.map(([place, name]) => `${place}:${name}`));
  const headers = new Set(
    Object.keys(input.headers ?? {}).map(h => `header:${h.toLowerCase()}`),
  );
  const missing = params.filter(
    p =>
      p.required &&
      !given.has(`${p.in}:${p.name}`) &&
      !headers.has(`${p.in}:${p.name}`),
  );
  if (missing.length) return false;
  for (const [place, name, value] of values) {
    const i = params.findIndex(p => p.in === place && p.name === name);
    if (i < 0) return false;
    const at = pointer(openApiPath(expressPath));
    const ref = `doc#/paths/${at}/${method.toLowerCase()}/parameters/${i}/schema`;
    if (!validatorAt(inputs, ref)({ v: value })) return false;
  }
  if (op.requestBody && 'body' in input) {
    const at = pointer(openApiPath(expressPath));
    const ref = `doc#/paths/${at}/${method.toLowerCase()}/requestBody/content/application~1json/schema`;
    return validatorAt(answers, ref)(input.body);
  }
  return true;
}

/** The method of a read contract, as the router registers it. */
export const methodOf = (contract: CloudflareRouteContract): 'get' | 'post' =>
  contract.method === 'POST' ? 'post' : 'get';

/**
 * Every read route: its contract, the generic route test's examples, and whether its descriptor
 * has a `check` (refusals the document cannot state).
 */
export const READ_ROUTES = Object.entries(CLOUDFLARE_CONTRACTS).flatMap(
  ([area, routes]) =>
    Object.entries(routes as Record<string, CloudflareRouteContract>).map(
      ([op, contract]) => ({
        contract,
        example: (
          ROUTE_EXAMPLES[area as keyof typeof ROUTE_EXAMPLES] as Record<
            string,
            RouteExample<CloudflareRouteContract>
          >
        )[op],
        check: Boolean(
          (
            ROUTE_DESCRIPTORS[area as keyof typeof ROUTE_DESCRIPTORS] as Record<
              string,
              { check?: unknown }
            >
          )[op].check,
        ),
      }),
    ),
);
