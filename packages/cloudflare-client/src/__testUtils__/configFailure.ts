import { CloudflareConfigError } from '../configError';

/**
 * Expects `read` to throw a `CloudflareConfigError` naming `key` (and quoting none of `secrets`).
 */
export function expectConfigFailure(
  read: () => unknown,
  key: string,
  secrets: readonly string[],
) {
  let err: unknown;
  try {
    read();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(CloudflareConfigError);
  expect((err as CloudflareConfigError).key).toBe(key);
  expect((err as Error).message).toContain(`'${key}'`);
  for (const secret of secrets) {
    expect((err as Error).message).not.toContain(secret);
  }
}
