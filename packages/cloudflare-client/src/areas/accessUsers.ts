import { z } from 'zod';
import { ZeroTrustUser } from '@cloudflare-backstage/plugin-cloudflare-common';
import { compact } from '../envelope';

const str = z.string().nullish();
const bool = z.boolean().nullish();

/** An Access user as Cloudflare returns it (`GET .../access/users`). */
const accessUserSchema = z.object({
  id: z.string(),
  name: str,
  email: str,
  access_seat: bool,
  gateway_seat: bool,
  last_successful_login: str,
});

/** An Access user, parsed, as a {@link @cloudflare-backstage/plugin-cloudflare-common#ZeroTrustUser}. */
export function toZeroTrustUser(raw: unknown): ZeroTrustUser {
  const u = accessUserSchema.parse(raw);
  return compact({
    id: u.id,
    email: u.email ?? undefined,
    name: u.name ?? undefined,
    accessSeat: u.access_seat ?? undefined,
    gatewaySeat: u.gateway_seat ?? undefined,
    lastSuccessfulLogin: u.last_successful_login ?? undefined,
  });
}
