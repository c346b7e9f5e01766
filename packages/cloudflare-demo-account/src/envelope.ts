import { HttpResponse } from 'msw';

/**
 * One item of Cloudflare's `errors` / `messages` arrays.
 *
 * @public
 */
export interface CloudflareMessage {
  code: number;
  message: string;
}

/**
 * Cloudflare's v4 success envelope.
 *
 * @public
 */
export function ok(result: unknown, resultInfo?: Record<string, unknown>) {
  return HttpResponse.json({
    success: true,
    errors: [],
    messages: [],
    result,
    ...(resultInfo ? { result_info: resultInfo } : {}),
  });
}

/**
 * Cloudflare's v4 error envelope with one error.
 *
 * @public
 */
export function cfError(
  status: number,
  code: number,
  message: string,
  headers?: Record<string, string>,
) {
  return HttpResponse.json(
    { success: false, errors: [{ code, message }], messages: [], result: null },
    { status, headers },
  );
}

/**
 * The errors Cloudflare sends, by cause.
 *
 * @public
 */
export const cfErrors = {
  missingAuth: () =>
    cfError(
      400,
      9106,
      'Missing X-Auth-Key, X-Auth-Email or Authorization headers',
    ),
  invalidToken: () => cfError(401, 1000, 'Invalid API Token'),
  forbidden: () => cfError(403, 10000, 'Authentication error'),
  notFound: (what: string) =>
    cfError(
      404,
      7003,
      `Could not route to ${what}, perhaps your object identifier is invalid?`,
    ),
  badRequest: (message: string) => cfError(400, 7400, message),
  rateLimited: (retryAfterSeconds: number) =>
    cfError(
      429,
      10429,
      'Rate limited. Please wait and consider throttling your request speed',
      {
        'retry-after': String(retryAfterSeconds),
      },
    ),
  serverError: (status = 500) =>
    cfError(status, 10001, 'Internal Server Error'),
};
