import { z } from 'zod';
import { emailSchema, slugSchema, storableText } from './primitives.ts';

export const areaStatusSchema = z.enum(['active', 'archived']).meta({ id: 'AreaStatus' });

export const areaSchema = z
  .object({
    slug: slugSchema,
    name: z.string(),
    description: z.string(),
    status: areaStatusSchema,
    /** The first of `leadEmails`, kept for clients that know one lead per area. */
    leadEmail: z.string().nullable(),
    /** Everyone who leads the area, by email. */
    leadEmails: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Area' });
export type Area = z.infer<typeof areaSchema>;

/** At most this many leads per area: a team that large is not one area's leadership. */
export const MAX_AREA_LEADS = 10;

const leadEmailsSchema = z
  .array(emailSchema)
  .max(MAX_AREA_LEADS, `must name at most ${MAX_AREA_LEADS} leads`)
  .refine((emails) => new Set(emails).size === emails.length, 'must not name the same lead twice');

/** `leadEmail` names the one lead (null: none); `leadEmails` the whole set. Not both. */
const oneWayToNameLeads = (fields: { leadEmail?: unknown; leadEmails?: unknown }) =>
  fields.leadEmail === undefined || fields.leadEmails === undefined;
const oneWayToNameLeadsIssue = { message: 'give leadEmail or leadEmails, not both', path: ['leadEmails'] };

const areaName = storableText().trim().min(1, 'must not be empty').max(200);
const areaDescription = storableText().trim().max(2000);

export const createAreaSchema = z
  .object({
    slug: slugSchema,
    name: areaName,
    description: areaDescription.default(''),
    leadEmail: emailSchema.nullable().optional(),
    leadEmails: leadEmailsSchema.optional(),
  })
  .strict()
  .refine(oneWayToNameLeads, oneWayToNameLeadsIssue)
  .meta({ id: 'CreateArea' });
export type CreateArea = z.input<typeof createAreaSchema>;

export const updateAreaSchema = z
  .object({
    name: areaName.optional(),
    description: areaDescription.optional(),
    leadEmail: emailSchema.nullable().optional(),
    leadEmails: leadEmailsSchema.optional(),
    status: areaStatusSchema.optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'must change at least one field')
  .refine(oneWayToNameLeads, oneWayToNameLeadsIssue)
  .meta({ id: 'UpdateArea' });
export type UpdateArea = z.input<typeof updateAreaSchema>;

export const areaListSchema = z
  .object({ items: z.array(areaSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AreaList' });
export type AreaList = z.infer<typeof areaListSchema>;

export const areaSlugParamsSchema = z.object({ slug: slugSchema });
