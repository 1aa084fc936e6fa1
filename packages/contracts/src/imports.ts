import { z } from 'zod';
import { monthSchema, severitySchema, slugSchema, storableText } from './primitives.ts';
import { fieldErrorSchema, problemSchema } from './problem.ts';
import { findingKindSchema } from './signals.ts';

export const importQuerySchema = z.object({
  dryRun: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  /** `mine`: rows of areas the user may not write are skipped (and listed) instead of refusing the file. */
  scope: z.enum(['all', 'mine']).default('all'),
});

/** How many of a dry run's changes are listed: enough to judge a file, few enough to read. */
export const PREVIEW_CHANGES_PER_AREA = 5;
export const PREVIEW_SIGNALS_LISTED = 500;

export const importPreviewSchema = z
  .object({
    /** Per area of the file, in slug order: what the import would do to its months. */
    areas: z.array(
      z.object({
        areaSlug: z.string(),
        areaName: z.string(),
        /** The import would create the area. */
        newArea: z.boolean(),
        monthsCreated: z.number().int(),
        monthsChanged: z.number().int(),
        monthsUnchanged: z.number().int(),
        /** The first values that would change, month by month (at most PREVIEW_CHANGES_PER_AREA). */
        changes: z.array(
          z.object({ month: z.string(), column: z.string(), before: z.union([z.number(), z.string()]), after: z.union([z.number(), z.string()]) }),
        ),
      }),
    ),
    /** Signals the new figures would open, reopen, escalate, ease or clear. */
    signals: z.object({
      opens: z.number().int(),
      reopens: z.number().int(),
      escalates: z.number().int(),
      eases: z.number().int(),
      clears: z.number().int(),
      /** The first PREVIEW_SIGNALS_LISTED of them, by area and month. */
      listed: z.array(
        z.object({
          areaSlug: z.string(),
          month: z.string(),
          kind: findingKindSchema,
          change: z.enum(['opens', 'reopens', 'escalates', 'eases', 'clears']),
          severity: severitySchema,
          previousSeverity: severitySchema.nullable(),
        }),
      ),
    }),
  })
  .meta({ id: 'ImportPreview' });
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z
  .object({
    dryRun: z.boolean(),
    rows: z.number().int(),
    areasCreated: z.number().int(),
    monthsCreated: z.number().int(),
    monthsUpdated: z.number().int(),
    /** Rows holding the values already stored: nothing written, no version moved. */
    monthsUnchanged: z.number().int(),
    /** With scope=mine: the areas whose rows were skipped, as the user may not write them. */
    skipped: z.array(z.object({ areaSlug: z.string(), rows: z.number().int() })),
    /** What was read but not used: columns outside the format, names that differ from an area's name. */
    warnings: z.array(fieldErrorSchema),
    /** With dryRun: what the import would change, area by area, and the signals it would move. */
    preview: importPreviewSchema.optional(),
  })
  .meta({ id: 'ImportResult' });
export type ImportResult = z.infer<typeof importResultSchema>;

const flag = z.enum(['true', 'false']).default('false').transform((value) => value === 'true');

/** What an export holds: every area month by default; some areas, the user's own, a month range, or the header alone. */
export const exportQuerySchema = z
  .object({
    /** Comma-separated area slugs. */
    areas: z
      .string()
      .optional()
      .transform((value) => (value === undefined ? undefined : [...new Set(value.split(',').map((slug) => slug.trim()).filter((slug) => slug !== ''))]))
      .pipe(z.array(slugSchema).min(1, 'name at least one area').optional()),
    /** Only the areas the signed-in user leads. */
    mine: flag,
    from: monthSchema.optional(),
    to: monthSchema.optional(),
    /** The header row alone: a template to fill in. */
    template: flag,
  })
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
    message: 'must not be after `to`',
    path: ['from'],
  });
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/**
 * An import run in the background for the dashboard (`POST /api/v1/imports/metrics/jobs`), which
 * polls it (`GET /api/v1/imports/jobs/{id}`). The file was read and found valid before the job
 * was made; leaving the page does not stop it.
 */
export const importJobSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    dryRun: z.boolean(),
    status: z.enum(['running', 'done', 'failed']),
    /** The file's rows to import (after any skipped with scope=mine). */
    rows: z.number().int(),
    /** While running, on the server that runs it; null where that is not known. */
    progress: z
      .object({
        rowsWritten: z.number().int(),
        areasReassessed: z.number().int(),
        areasToReassess: z.number().int().nullable(),
      })
      .nullable(),
    /** Once done: what the import answered. */
    result: importResultSchema.nullable(),
    /** Once failed: why, as problem+json (nothing was imported). */
    problem: problemSchema.nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'ImportJob' });
export type ImportJob = z.infer<typeof importJobSchema>;

export const importJobQuerySchema = importQuerySchema.extend({
  /** The name of the file as the user chose it, to show beside the job. */
  fileName: storableText().trim().max(200).default('figures.csv'),
});

export const importJobParamsSchema = z.object({ id: z.uuid('must be an import job id') });
