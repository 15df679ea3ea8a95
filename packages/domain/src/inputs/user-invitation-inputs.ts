/**
 * An invited user sets a password with the single-use token of its invitation link (domain.md §8:
 * users sign in to the admin app). The admin app's form and the API parse with the same schema, so
 * both refuse a weak password with the same words.
 */
import { z } from 'zod';

import { PASSWORD_MAX_LENGTH } from './access-inputs.js';

export const PASSWORD_MIN_LENGTH = 12;

/** A new password: long enough to resist guessing; no composition rules (NIST SP 800-63B). */
export const newPasswordSchema = z
  .string()
  .max(PASSWORD_MAX_LENGTH)
  // Spaces are allowed (passphrases) but do not count towards the length.
  .refine((password) => password.trim().length >= PASSWORD_MIN_LENGTH, {
    error: `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters.`,
  });

export const userInvitationAcceptInputSchema = z.object({
  token: z.string().trim().min(1).max(255),
  password: newPasswordSchema,
});
export type UserInvitationAcceptInput = z.infer<typeof userInvitationAcceptInputSchema>;
