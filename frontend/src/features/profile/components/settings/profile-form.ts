import { z } from 'zod';
import { displayNameSchema } from '../../../auth/validation';
import type { Me } from '../../../auth/api/me';
import type { ProfileUpdate } from '../../api/account';

export const BIO_MAX_LENGTH = 1000;
export const CITY_MAX_LENGTH = 80;

export const profileSchema = z
  .object({
    display_name: displayNameSchema.min(1, 'Enter the name to show on your profile.'),
    bio: z.string().trim().max(BIO_MAX_LENGTH, `Use at most ${BIO_MAX_LENGTH} characters.`),
    country: z.string(),
    city: z.string().trim().max(CITY_MAX_LENGTH, `Use at most ${CITY_MAX_LENGTH} characters.`),
  })
  .refine((values) => !values.country || values.city, {
    path: ['city'],
    message: 'Enter your town or city, or set the country to “Not shown”.',
  })
  .refine((values) => !values.city || values.country, {
    path: ['country'],
    message: 'Choose the country your town or city is in.',
  });

export type ProfileValues = z.infer<typeof profileSchema>;

export function profileValues(member: Me): ProfileValues {
  return {
    display_name: member.display_name,
    bio: member.bio ?? '',
    country: member.location?.country ?? '',
    city: member.location?.city ?? '',
  };
}

/**
 * Only what changed, as PATCH /me expects: an emptied bio or location is sent as null,
 * which clears it; untouched fields are left out.
 */
export function profileChanges(member: Me, values: ProfileValues): ProfileUpdate {
  const changes: ProfileUpdate = {};
  if (values.display_name !== member.display_name) changes.display_name = values.display_name;
  const bio = values.bio || null;
  if (bio !== member.bio) changes.bio = bio;
  const location = values.country ? { country: values.country, city: values.city } : null;
  if (location?.country !== member.location?.country || location?.city !== member.location?.city) {
    changes.location = location;
  }
  return changes;
}
