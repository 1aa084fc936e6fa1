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

/**
 * How many of the areas active in a month have figures for it. An area is active from the earlier
 * of its first month with figures and the month it was created, until it is archived (archived
 * areas are not counted).
 */
export const coverageSchema = z
  .object({ reported: z.number().int().min(0), active: z.number().int().min(0) })
  .meta({ id: 'Coverage' });
export type Coverage = z.infer<typeof coverageSchema>;

export const monthCoverageSchema = coverageSchema.extend({ month: monthSchema }).meta({ id: 'MonthCoverage' });
export type MonthCoverage = z.infer<typeof monthCoverageSchema>;

/** An area active in the month without figures for it. */
export const notReportedAreaSchema = z
  .object({
    slug: slugSchema,
    name: z.string(),
    /** The names of its active leads; empty when it has none. */
    leadNames: z.array(z.string()),
  })
  .meta({ id: 'NotReportedArea' });
export type NotReportedArea = z.infer<typeof notReportedAreaSchema>;

export const portfolioSchema = z
  .object({
    /** The requested month; without one, the newest month in which at least half of the areas active then have figures. */
    month: monthSchema.nullable(),
    rules: driftRulesSchema,
    /** Every month that has figures, newest first, for month pickers. */
    months: z.array(monthSchema),
    /**
     * The coverage of the newest months, newest first, down to the default month: the months in
     * progress a picker labels ("December 2026 · 1 of 10 reported"). Older months are not counted.
     */
    monthCoverage: z.array(monthCoverageSchema),
    organisation: organisationSummarySchema,
    /** The month's coverage: `areas` holds the reported ones, `notReported` the rest. */
    coverage: coverageSchema,
    areas: z.array(portfolioRowSchema),
    /** Areas active in the month without figures for it, by name. */
    notReported: z.array(notReportedAreaSchema),
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
