import { z } from 'zod';
import { pageQuerySchema } from './primitives.ts';

/** A personal API token as listed: never its secret, never its hash. */
export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenListSchema = z
  .object({ items: z.array(apiTokenSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'ApiTokenList' });
export type ApiTokenList = z.infer<typeof apiTokenListSchema>;

export const tokenListQuerySchema = pageQuerySchema;

export const tokenIdParamsSchema = z.object({ id: z.uuid('must be a token id') });
