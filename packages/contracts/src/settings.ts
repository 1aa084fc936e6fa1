import { z } from 'zod';

const number = z.number().finite();
const ownershipWeights = z
  .object({ marketing: number, sales: number, hiring: number, target: number })
  .strict();
const centralisationWeights = z
  .object({ dependencies: number, processes: number, latency: number, centralDecisions: number })
  .strict();

/**
 * The organisation's settings for the indices and the drift rule (the brief's defaults: window 3,
 * thresholds 5, bands 5/10/20, escalation after 3 months, equal weights, constants 4/8/10).
 * This is the shape; the rules between fields (bands that rise, weights that keep an index
 * defined) are the domain's and come back as 422 errors naming the field.
 */
export const driftSettingsSchema = z
  .object({
    windowMonths: z.number().int(),
    ownershipFallThreshold: number,
    centralisationRiseThreshold: number,
    severityBands: z.object({ watch: number, warning: number, critical: number }).strict(),
    escalationAfterMonths: z.number().int(),
    weights: z.object({ ownership: ownershipWeights, centralisation: centralisationWeights }).strict(),
    saturation: z.object({ dependencies: number, processes: number, latencyDays: number }).strict(),
  })
  .strict()
  .meta({ id: 'DriftSettings' });
export type DriftSettingsBody = z.infer<typeof driftSettingsSchema>;

export const settingsResponseSchema = z
  .object({
    settings: driftSettingsSchema,
    defaults: driftSettingsSchema,
    updatedAt: z.string().nullable(),
    /** 0 while the defaults apply; changes with every change. Send it back as If-Match (`"3"`). */
    version: z.number().int(),
  })
  .meta({ id: 'Settings' });
export type SettingsResponse = z.infer<typeof settingsResponseSchema>;
