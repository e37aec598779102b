import { z } from 'zod';

/*
 * The account rules, mirrored from the API so people learn about a problem as they type.
 * The server stays the authority: it also refuses common passwords, passwords equal to the
 * email or username, and reserved usernames, and its messages land on the same fields.
 */

const PASSWORD_MIN_LENGTH = 10;
const PASSWORD_MAX_LENGTH = 128;

export const PASSWORD_RULE = `At least ${PASSWORD_MIN_LENGTH} characters. Avoid common passwords and your email or username.`;

export const USERNAME_RULE =
  '3–30 letters, digits, dots or underscores; start and end with a letter or digit.';

export const emailSchema = z
  .string()
  .trim()
  .min(1, 'Enter your email address.')
  .max(254, 'Use at most 254 characters.')
  .pipe(z.email('Enter a valid email address, like name@example.com.'));

/** A password being set: the length rule applies. */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

/** A password being checked: only the server knows whether it is right. */
export const currentPasswordSchema = z
  .string()
  .min(1, 'Enter your password.')
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

export const usernameSchema = z
  .string()
  .trim()
  .min(3, 'Use at least 3 characters.')
  .max(30, 'Use at most 30 characters.')
  .regex(/^[A-Za-z0-9._]+$/, 'Use only letters, digits, dots (.) and underscores (_).')
  .regex(/^[A-Za-z0-9].*[A-Za-z0-9]$/, 'Start and end with a letter or a digit.')
  .refine((value) => !/[._]{2}/.test(value), 'Do not put two dots or underscores in a row.');

export const DISPLAY_NAME_MAX_LENGTH = 60;

export const displayNameSchema = z
  .string()
  .trim()
  .max(DISPLAY_NAME_MAX_LENGTH, `Use at most ${DISPLAY_NAME_MAX_LENGTH} characters.`);
