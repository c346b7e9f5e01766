import { z } from 'zod';
import { ClientContext } from '../context';
import { Redaction, noteSecretFields } from '../redaction';

const AREA = 'tokens';
const str = z.string().nullish();

/**
 * An API token's metadata (user or account-owned). The token `value` is never kept.
 *
 * @public
 */
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
 * An API token's metadata, with its scope and what was withheld (its `value`).
 *
 * @public
 */
export type ApiToken = z.infer<typeof apiTokenSchema> & {
  scope: ApiTokenScope;
  redactions: Redaction[];
};

/**
 * The calling token's verification.
 *
 * @public
 */
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
export type TokenVerification = z.infer<typeof tokenVerificationSchema>;

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
