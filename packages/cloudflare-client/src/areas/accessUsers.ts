import { z } from 'zod';
import { FieldClassMap } from '../fieldClasses';

const str = z.string().nullish();
const bool = z.boolean().nullish();

/**
 * An Access user.
 *
 * @public
 */
export const accessUserSchema = z.object({
  id: z.string(),
  uid: str,
  name: str,
  email: str,
  access_seat: bool,
  gateway_seat: bool,
  seat_uid: str,
  active_device_count: z.number().nullish(),
  last_successful_login: str,
  created_at: str,
  updated_at: str,
});

/**
 * An Access user as the client returns it.
 *
 * @public
 */
export type AccessUser = z.infer<typeof accessUserSchema>;

/**
 * Field classes of {@link AccessUser}: the email and the display `name` are personal data (the name
 * is masked beside the email, see `PERSON_ONLY_KEYS`).
 *
 * @public
 */
export const accessUserFieldClasses: FieldClassMap = {
  email: 'sensitive',
  name: 'sensitive',
};
