import { z } from 'zod';
import { driftStateSchema, monthSchema, severitySchema, slugSchema } from './primitives.ts';

export const driftSchema = z
  .object({
    severity: severitySchema,
    ownershipDelta: z.number(),
    centralisationDelta: z.number(),
  })
  .meta({ id: 'Drift' });

/** One area's indices for one month. Indices and deltas are unrounded. */
const areaIndicesFields = {
  ownershipIndex: z.number(),
  centralisationIndex: z.number(),
  revenueAttainment: z.number().nullable(),
  driftState: driftStateSchema,
  drift: driftSchema.nullable(),
  ownershipDelta: z.number().nullable(),
  centralisationDelta: z.number().nullable(),
};

export const portfolioRowSchema = z
  .object({ slug: slugSchema, name: z.string(), ...areaIndicesFields })
  .meta({ id: 'PortfolioRow' });
export type PortfolioRow = z.infer<typeof portfolioRowSchema>;

export const organisationSummarySchema = z
  .object({
    ownershipIndex: z.number().nullable(),
    centralisationIndex: z.number().nullable(),
    ownershipDelta: z.number().nullable(),
    centralisationDelta: z.number().nullable(),
    areasWithFigures: z.number().int(),
    areasWithCompleteWindow: z.number().int(),
    areasInDrift: z.number().int(),
    shareInDrift: z.number().nullable(),
  })
  .meta({ id: 'OrganisationSummary' });

/** The parts of the organisation's settings a reader needs to interpret the deltas. */
export const driftRulesSchema = z
  .object({
    windowMonths: z.number().int(),
    ownershipFallThreshold: z.number(),
    centralisationRiseThreshold: z.number(),
  })
  .meta({ id: 'DriftRules' });
export type DriftRules = z.infer<typeof driftRulesSchema>;

export const portfolioSchema = z
  .object({
    month: monthSchema.nullable(),
    rules: driftRulesSchema,
    /** Every month that has figures, newest first, for month pickers. */
    months: z.array(monthSchema),
    organisation: organisationSummarySchema,
    areas: z.array(portfolioRowSchema),
  })
  .meta({ id: 'Portfolio' });
export type Portfolio = z.infer<typeof portfolioSchema>;

export const portfolioQuerySchema = z.object({ month: monthSchema.optional() });

export const areaHistoryPointSchema = z
  .object({ month: monthSchema, ...areaIndicesFields })
  .meta({ id: 'AreaHistoryPoint' });
export type AreaHistoryPoint = z.infer<typeof areaHistoryPointSchema>;

export const areaHistorySchema = z
  .object({ slug: slugSchema, name: z.string(), months: z.array(areaHistoryPointSchema) })
  .meta({ id: 'AreaHistory' });
export type AreaHistory = z.infer<typeof areaHistorySchema>;
