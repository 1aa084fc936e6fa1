import { describe, expectTypeOf, it } from 'vitest';
import * as domain from './index.ts';
import type {
  AreaMonthAssessment,
  Contribution,
  DriftSettings,
  Finding,
  MonthlyFigures,
  OrganisationSummary,
  Severity,
} from './index.ts';

// The shapes other packages are coded against. These checks run in `typecheck`: a change here
// is a change for the API and the web app too.
describe('public API', () => {
  it('keeps the agreed signatures', () => {
    expectTypeOf(domain.assessArea).toEqualTypeOf<
      (months: readonly MonthlyFigures[], settings?: DriftSettings) => AreaMonthAssessment[]
    >();
    expectTypeOf(domain.explainDrift).parameter(1).toEqualTypeOf<number | undefined>();
    expectTypeOf(domain.explainDrift).returns.toEqualTypeOf<Contribution[]>();
    expectTypeOf(domain.summariseOrganisation).toEqualTypeOf<
      (month: string, assessments: readonly AreaMonthAssessment[]) => OrganisationSummary
    >();
    expectTypeOf(domain.detectFindings).toEqualTypeOf<
      (assessments: readonly AreaMonthAssessment[], settings?: DriftSettings) => Finding[]
    >();
    expectTypeOf(domain.isValidMonth).toEqualTypeOf<(m: string) => boolean>();
    expectTypeOf(domain.addMonths).toEqualTypeOf<(m: string, n: number) => string>();
    expectTypeOf(domain.DEFAULT_SETTINGS).toEqualTypeOf<DriftSettings>();
  });

  it('keeps the agreed shapes', () => {
    expectTypeOf<AreaMonthAssessment['drift']>().toEqualTypeOf<{
      severity: Severity;
      magnitude: number;
      consecutiveMonths: number;
    } | null>();
    expectTypeOf<AreaMonthAssessment['ownershipComponents']['hiring']>().toEqualTypeOf<number | null>();
    expectTypeOf<AreaMonthAssessment['driftState']>().toEqualTypeOf<'drift' | 'clear' | 'insufficient_data'>();
    expectTypeOf<Contribution['points']>().toEqualTypeOf<number>();
    expectTypeOf<Finding['kind']>().toEqualTypeOf<'chipotle_drift' | 'ownership_erosion' | 'revenue_miss'>();
    expectTypeOf<Finding['explanation']>().toEqualTypeOf<string[]>();
    expectTypeOf<OrganisationSummary['shareInDrift']>().toEqualTypeOf<number | null>();
    expectTypeOf<MonthlyFigures['targetOwner']>().toEqualTypeOf<'area' | 'central'>();
  });
});
