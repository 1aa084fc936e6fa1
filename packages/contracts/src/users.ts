import { z } from 'zod';
import { passwordSchema } from './auth.ts';
import { pageQuerySchema, roleSchema, storableText } from './primitives.ts';

/** A user as admins manage them: what `User` shows, plus whether the account may sign in. */
export const userAccountSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    active: z.boolean(),
    /** The areas this user is named lead of. */
    areaSlugs: z.array(z.string()),
    /** Changes with every change to the account; send it back as If-Match (`"3"`) when changing it. */
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'UserAccount' });
export type UserAccount = z.infer<typeof userAccountSchema>;

export const userAccountListSchema = z
  .object({ items: z.array(userAccountSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'UserAccountList' });
export type UserAccountList = z.infer<typeof userAccountListSchema>;

export const userListQuerySchema = pageQuerySchema;

export const updateUserSchema = z
  .object({
    name: storableText().trim().min(1).max(200).optional(),
    role: roleSchema.optional(),
    /** false signs the user out everywhere and revokes their API tokens. */
    active: z.boolean().optional(),
    /** A new password set by an admin; the user's other sessions end. */
    password: passwordSchema.optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'must change at least one field')
  .meta({ id: 'UpdateUser' });
export type UpdateUser = z.input<typeof updateUserSchema>;

export const userIdParamsSchema = z.object({ id: z.uuid('must be a user id') });
