import { z } from 'zod';
import Cloudflare from 'cloudflare';
import { CloudflareApiError } from './errors';

/**
 * One query of Cloudflare's GraphQL Analytics API (`POST /client/v4/graphql`), with the zod schema
 * of its `data`.
 *
 * @public
 */
export interface CloudflareGraphqlRequest<S extends z.ZodType> {
  /** The GraphQL document. */
  query: string;
  /** Its variables; `accountTag` is the client's account unless given. */
  variables?: Record<string, unknown>;
  /** Schema of the answer's `data` (unknown fields are dropped by zod objects). */
  data: S;
}

/**
 * What a GraphQL Analytics read gives: the parsed `data`, or, when the API token may not read the
 * analytics (Cloudflare answers `errors[]` with an authorization error, and no data), why not.
 *
 * @public
 */
export type CloudflareGraphqlResult<T> =
  | { exposed: true; data: T }
  | { exposed: false; reason: string };

/**
 * Why analytics are not exposed, in our words (Cloudflare's text may quote the request).
 *
 * @public
 */
export const GRAPHQL_NOT_EXPOSED_REASON =
  'Cloudflare does not expose these analytics to the API token: it lacks the Account Analytics Read permission.';

/** GraphQL's answer: `{data, errors}`, never the v4 envelope. */
const answerSchema = z.object({
  data: z.unknown().optional(),
  errors: z
    .array(
      z.object({
        message: z.string().nullish(),
        extensions: z.object({ code: z.string().nullish() }).nullish(),
      }),
    )
    .nullish(),
});

type GraphqlError = NonNullable<
  z.output<typeof answerSchema>['errors']
>[number];

const AUTHZ = /not authorized|does not have access|unauthorized/i;
const BUDGET = /budget|rate limit/i;

const isAuthz = (e: GraphqlError) =>
  e.extensions?.code === 'authz' || AUTHZ.test(e.message ?? '');
const isBudget = (e: GraphqlError) =>
  e.extensions?.code === 'budget' || BUDGET.test(e.message ?? '');

/**
 * Sends one GraphQL Analytics query through the SDK's generic `post` (the SDK models no GraphQL
 * resource) and reads the answer: an authorization error gives `exposed: false`; a budget error is
 * `rate-limited`; any other error, or `data` that does not fit the schema, is `bad-response`. No
 * text of Cloudflare's errors is kept.
 */
export async function readGraphql<S extends z.ZodType>(
  sdk: Cloudflare,
  accountId: string,
  operation: string,
  request: CloudflareGraphqlRequest<S>,
): Promise<CloudflareGraphqlResult<z.output<S>>> {
  const body = await sdk.post<unknown>('/graphql', {
    body: {
      query: request.query,
      variables: { accountTag: accountId, ...request.variables },
    },
  });
  const answer = answerSchema.safeParse(body);
  if (!answer.success)
    throw new CloudflareApiError({
      kind: 'bad-response',
      operation,
      detail: 'GraphQL answer has neither data nor errors',
    });
  const errors = answer.data.errors ?? [];
  if (errors.some(isAuthz))
    return { exposed: false, reason: GRAPHQL_NOT_EXPOSED_REASON };
  if (errors.some(isBudget))
    throw new CloudflareApiError({
      kind: 'rate-limited',
      operation,
      detail: 'GraphQL query budget spent',
    });
  if (errors.length > 0)
    throw new CloudflareApiError({
      kind: 'bad-response',
      operation,
      detail: `GraphQL answered ${errors.length} error(s)`,
    });
  return { exposed: true, data: request.data.parse(answer.data.data) };
}
