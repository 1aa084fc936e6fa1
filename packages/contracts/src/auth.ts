import { z } from 'zod';
import { emailSchema, roleSchema, storableText, wellFormedText } from './primitives.ts';

export const userSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema, areaSlugs: z.array(z.string()) })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const loginSchema = z
  .object({ email: emailSchema, password: wellFormedText().min(1, 'is required').max(1024) })
  .strict()
  .meta({ id: 'Login' });
export type Login = z.infer<typeof loginSchema>;

export const sessionUserSchema = z.object({ user: userSchema }).meta({ id: 'SessionUser' });

/** Well-formed: scrypt hashes the UTF-8 bytes, where every lone surrogate would become the same U+FFFD. */
export const passwordSchema = wellFormedText().min(10, 'must be at least 10 characters').max(1024);

export const createUserSchema = z
  .object({ email: emailSchema, name: storableText().trim().min(1).max(200), role: roleSchema, password: passwordSchema })
  .strict()
  .meta({ id: 'CreateUser' });
export type CreateUser = z.input<typeof createUserSchema>;

export const createTokenSchema = z
  .object({ name: storableText().trim().min(1).max(100).default('API token') })
  .strict()
  .meta({ id: 'CreateToken' });

export const createdTokenSchema = z
  .object({ id: z.string(), name: z.string(), token: z.string() })
  .meta({ id: 'CreatedToken' });

/** Changing one's own password: the current one proves it is them; the new one follows the usual rule. */
export const changePasswordSchema = z
  .object({
    currentPassword: wellFormedText().min(1, 'is required').max(1024),
    newPassword: passwordSchema,
  })
  .strict()
  .refine((body) => body.newPassword !== body.currentPassword, { message: 'must differ from the current password', path: ['newPassword'] })
  .meta({ id: 'ChangePassword' });
export type ChangePassword = z.infer<typeof changePasswordSchema>;
