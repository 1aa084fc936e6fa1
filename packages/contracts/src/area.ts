import { z } from 'zod';
import { emailSchema, slugSchema, storableText } from './primitives.ts';

export const areaStatusSchema = z.enum(['active', 'archived']).meta({ id: 'AreaStatus' });

export const areaSchema = z
  .object({
    slug: slugSchema,
    name: z.string(),
    description: z.string(),
    status: areaStatusSchema,
    leadEmail: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Area' });
export type Area = z.infer<typeof areaSchema>;

const areaName = storableText().trim().min(1, 'must not be empty').max(200);
const areaDescription = storableText().trim().max(2000);

export const createAreaSchema = z
  .object({
    slug: slugSchema,
    name: areaName,
    description: areaDescription.default(''),
    leadEmail: emailSchema.nullable().optional(),
  })
  .strict()
  .meta({ id: 'CreateArea' });
export type CreateArea = z.input<typeof createAreaSchema>;

export const updateAreaSchema = z
  .object({
    name: areaName.optional(),
    description: areaDescription.optional(),
    leadEmail: emailSchema.nullable().optional(),
    status: areaStatusSchema.optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'must change at least one field')
  .meta({ id: 'UpdateArea' });
export type UpdateArea = z.input<typeof updateAreaSchema>;

export const areaListSchema = z
  .object({ items: z.array(areaSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AreaList' });
export type AreaList = z.infer<typeof areaListSchema>;

export const areaSlugParamsSchema = z.object({ slug: slugSchema });
