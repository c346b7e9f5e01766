import { z } from 'zod';
import { ClientContext } from '../context';
import { Redaction, noteSecretFields } from '../redaction';

const AREA = 'tokens';
const str = z.string().nullish();

/** Parses an `ApiToken`'s metadata: the token `value` is not part of the schema. */
export const apiTokenSchema = z.object({
  id: z.string(),
  name: str,
  status: str,
  issued_on: str,
  modified_on: str,
  not_before: str,
  expires_on: str,
  last_used_on: str,
  condition: z
    .object({
      request_ip: z
        .object({
          in: z.array(z.string()).nullish(),
          not_in: z.array(z.string()).nullish(),
        })
        .nullish(),
    })
    .nullish(),
  policies: z
    .array(
      z.object({
        id: str,
        effect: str,
        permission_groups: z.array(z.object({ id: str, name: str })).nullish(),
        resources: z.record(z.string(), z.unknown()).nullish(),
      }),
    )
    .nullish(),
  creator_email_at_creation: str,
  provisioner_id: str,
  provisioner_type: str,
});

/**
 * Where a token lives: a user's token or an account-owned token.
 *
 * @public
 */
export type ApiTokenScope = 'user' | 'account';

/**
 * An API token's metadata (user or account-owned), with its scope and what was withheld: the token
 * `value` is never kept.
 *
 * @public
 */
export interface ApiToken {
  id: string;
  name?: string | null;
  status?: string | null;
  issued_on?: string | null;
  modified_on?: string | null;
  not_before?: string | null;
  expires_on?: string | null;
  last_used_on?: string | null;
  condition?: {
    request_ip?: { in?: string[] | null; not_in?: string[] | null } | null;
  } | null;
  policies?:
    | {
        id?: string | null;
        effect?: string | null;
        permission_groups?:
          | { id?: string | null; name?: string | null }[]
          | null;
        resources?: Record<string, unknown> | null;
      }[]
    | null;
  creator_email_at_creation?: string | null;
  provisioner_id?: string | null;
  provisioner_type?: string | null;
  scope: ApiTokenScope;
  /** What was withheld (the `value`), never the value. */
  redactions: Redaction[];
}

/** Parses a `TokenVerification`. */
export const tokenVerificationSchema = z.object({
  id: z.string(),
  status: str,
  expires_on: str,
  not_before: str,
});

/**
 * The calling token's id, status and validity window.
 *
 * @public
 */
export interface TokenVerification {
  id: string;
  status?: string | null;
  expires_on?: string | null;
  not_before?: string | null;
}

/**
 * API token reads. Never calls create or roll (the only calls that return a value).
 *
 * @public
 */
export class TokensApi {
  constructor(private readonly ctx: ClientContext) {}

  private toToken(raw: unknown, scope: ApiTokenScope): ApiToken {
    const redactions: Redaction[] = [];
    noteSecretFields(raw, ['value'], redactions);
    this.ctx.countRedactions(AREA, redactions);
    return { ...apiTokenSchema.parse(raw), scope, redactions };
  }

  /** The calling user's tokens (page paging); expired ones too unless `includeExpired` is false. */
  async listUserTokens(
    options: { includeExpired?: boolean } = {},
  ): Promise<ApiToken[]> {
    return this.ctx.run(AREA, 'tokens.listUserTokens', async () => {
      const out: ApiToken[] = [];
      for await (const t of this.ctx.sdk.user.tokens.list({
        include_expired: options.includeExpired ?? true,
        per_page: 50,
      } as never)) {
        out.push(this.toToken(t, 'user'));
      }
      return out;
    });
  }

  /** The account's owned tokens (page paging). */
  async listAccountTokens(
    options: { includeExpired?: boolean } = {},
  ): Promise<ApiToken[]> {
    return this.ctx.run(AREA, 'tokens.listAccountTokens', async () => {
      const out: ApiToken[] = [];
      for await (const t of this.ctx.sdk.accounts.tokens.list({
        account_id: this.ctx.accountId,
        include_expired: options.includeExpired ?? true,
        per_page: 50,
      } as never)) {
        out.push(this.toToken(t, 'account'));
      }
      return out;
    });
  }

  /** One user token. */
  async getUserToken(tokenId: string): Promise<ApiToken> {
    return this.ctx.run(AREA, 'tokens.getUserToken', async () =>
      this.toToken(await this.ctx.sdk.user.tokens.get(tokenId), 'user'),
    );
  }

  /** One account-owned token. */
  async getAccountToken(tokenId: string): Promise<ApiToken> {
    return this.ctx.run(AREA, 'tokens.getAccountToken', async () =>
      this.toToken(
        await this.ctx.sdk.accounts.tokens.get(tokenId, {
          account_id: this.ctx.accountId,
        }),
        'account',
      ),
    );
  }

  /**
   * Verifies the client's own token: as a user token first, then as an account-owned token (an
   * account token is "Invalid" on the user route).
   */
  async verify(): Promise<TokenVerification & { scope: ApiTokenScope }> {
    return this.ctx.run(AREA, 'tokens.verify', async () => {
      try {
        const v = await this.ctx.sdk.user.tokens.verify();
        return { ...tokenVerificationSchema.parse(v), scope: 'user' as const };
      } catch (e) {
        const status = (e as { status?: number }).status;
        if (status !== 401 && status !== 403 && status !== 400) throw e;
        const v = await this.ctx.sdk.accounts.tokens.verify({
          account_id: this.ctx.accountId,
        });
        return {
          ...tokenVerificationSchema.parse(v),
          scope: 'account' as const,
        };
      }
    });
  }
}
