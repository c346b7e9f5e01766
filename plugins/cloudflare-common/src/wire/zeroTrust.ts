import { z } from 'zod';
import { defineRoute, defineWireType } from './contract';
import { boundedIntParam, isoTimestampParam } from './params';

/**
 * A Zero Trust (Access) user. The email and display name are personal data.
 *
 * @public
 */
export const zeroTrustUserSchema = z.object({
  /** User id. */
  id: z.string(),
  /** Email (sensitive). */
  email: z.string().optional(),
  /** Display name (sensitive). */
  name: z.string().optional(),
  /** Holds an Access seat. */
  accessSeat: z.boolean().optional(),
  /** Holds a Gateway seat. */
  gatewaySeat: z.boolean().optional(),
  /** Last successful login (ISO 8601). */
  lastSuccessfulLogin: z.string().optional(),
});

/**
 * A Zero Trust user (see {@link zeroTrustUserSchema}).
 *
 * @public
 */
export type ZeroTrustUser = z.output<typeof zeroTrustUserSchema>;

/**
 * One Access authentication event (an entry of Access's authentication log).
 *
 * @public
 */
export const accessAuditEventSchema = z.object({
  /** Cloudflare's ray id of the request. */
  id: z.string(),
  /** When it was logged (ISO 8601). */
  createdAt: z.string(),
  /** Who: email and IP address (both sensitive). */
  actor: z.object({
    email: z.string().optional(),
    ip: z.string().optional(),
  }),
  /** `login`, `logout`, ... */
  action: z.string().optional(),
  /** Whether Access let the request through. */
  allowed: z.boolean().optional(),
  /** The application's domain. */
  target: z.string().optional(),
  /** Identity provider used. */
  connection: z.string().optional(),
});

/**
 * An Access authentication event (see {@link accessAuditEventSchema}).
 *
 * @public
 */
export type AccessAuditEvent = z.output<typeof accessAuditEventSchema>;

/**
 * Filters of the Access audit log read (and of its evidence export).
 *
 * @public
 */
export const accessAuditQuerySchema = z
  .object({
    actor: z
      .string()
      .max(254)
      .regex(
        /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/,
        'must be an e-mail address',
      )
      .optional(),
    action: z
      .string()
      .regex(
        /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/,
        'must be an action type: letters, digits, "_", ".", ":" or "-", at most 64 characters',
      )
      .optional(),
    target: z
      .string()
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,254}$/,
        'must be a resource name or id: letters, digits, ".", "_", ":", "@" or "-", at most 255 characters',
      )
      .optional(),
    from: isoTimestampParam.optional(),
    to: isoTimestampParam.optional(),
    limit: boundedIntParam(1000, 100),
    cursor: z
      .string()
      .regex(
        /^[A-Za-z0-9_=+/-]{1,12288}$/,
        'must be a cursor returned by a previous page',
      )
      .optional(),
  })
  .refine(q => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

/**
 * Parsed filters of the Access audit log read.
 *
 * @public
 */
export type AccessAuditQuery = z.output<typeof accessAuditQuerySchema>;

/**
 * Routes of the Zero Trust area.
 *
 * @public
 */
export const zeroTrustRoutes = {
  users: defineRoute({
    id: 'zeroTrust.users',
    area: 'zeroTrust',
    path: '/v1/zero-trust/users',
    description: 'Zero Trust users with their seats and last login.',
    params: z.object({}),
    query: z.object({}),
    shape: 'list',
    wire: defineWireType({
      name: 'ZeroTrustUser',
      schema: zeroTrustUserSchema,
      sensitive: ['email', 'name'],
    }),
  }),
  accessAudit: defineRoute({
    id: 'zeroTrust.accessAudit',
    area: 'zeroTrust',
    path: '/v1/zero-trust/access/audit',
    description:
      'Access authentication events, newest first, filtered by actor, action, target and time, paged by cursor.',
    params: z.object({}),
    query: accessAuditQuerySchema,
    shape: 'list',
    wire: defineWireType({
      name: 'AccessAuditEvent',
      schema: accessAuditEventSchema,
      sensitive: ['actor.email', 'actor.ip'],
    }),
  }),
};
