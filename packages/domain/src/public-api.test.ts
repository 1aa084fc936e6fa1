import { describe, expectTypeOf, it } from 'vitest';
import * as domain from './index.ts';
import type {
  AreaMonthAssessment,
  AssessOptions,
  Contribution,
  DriftSettings,
  Finding,
  FindingKind,
  MonthlyFigures,
  OrganisationSummary,
  Severity,
  SettingsProblem,
  SignalChanges,
  StoredSignal,
  SummarisedAssessment,
} from './index.ts';

// The shapes other packages are coded against. These checks run in `typecheck`: a change here
// is a change for the API and the web app too.
describe('public API', () => {
  it('keeps the agreed signatures', () => {
    expectTypeOf(domain.assessArea).toEqualTypeOf<
      (months: readonly MonthlyFigures[], settings?: DriftSettings, options?: AssessOptions) => AreaMonthAssessment[]
    >();
    expectTypeOf<AssessOptions>().toEqualTypeOf<{ contributions?: 'all' | 'findings' | 'none' }>();
    expectTypeOf(domain.findingsForArea).toEqualTypeOf<
      (months: readonly MonthlyFigures[], settings?: DriftSettings) => Finding[]
    >();
    expectTypeOf(domain.explainDrift).parameter(1).toEqualTypeOf<number | undefined>();
    expectTypeOf(domain.explainDrift).returns.toEqualTypeOf<Contribution[]>();
    expectTypeOf(domain.summariseOrganisation).toEqualTypeOf<
      (month: string, assessments: readonly SummarisedAssessment[]) => OrganisationSummary
    >();
    expectTypeOf(domain.detectFindings).toEqualTypeOf<
      (assessments: readonly AreaMonthAssessment[], settings?: DriftSettings) => Finding[]
    >();
    expectTypeOf(domain.isValidMonth).toEqualTypeOf<(m: string) => boolean>();
    expectTypeOf(domain.addMonths).toEqualTypeOf<(m: string, n: number) => string>();
    expectTypeOf(domain.DEFAULT_SETTINGS).toEqualTypeOf<DriftSettings>();
    expectTypeOf(domain.settingsProblems).toEqualTypeOf<(settings: DriftSettings) => SettingsProblem[]>();
    expectTypeOf<SettingsProblem>().toEqualTypeOf<{ path: string; message: string }>();
    expectTypeOf(domain.parseDriftSettings).toEqualTypeOf<
      (value: unknown) => { ok: true; settings: DriftSettings } | { ok: false; problems: SettingsProblem[] }
    >();
    expectTypeOf(domain.reconcileSignals).toEqualTypeOf<
      (stored: readonly StoredSignal[], findings: readonly Finding[]) => SignalChanges
    >();
  });

  it('keeps the signal lifecycle shapes', () => {
    expectTypeOf<StoredSignal>().toEqualTypeOf<{
      id: string;
      kind: FindingKind;
      month: string;
      severity: Severity;
      ownershipDelta: number | null;
      centralisationDelta: number | null;
      explanation: string[];
      status: 'open' | 'acknowledged' | 'resolved' | 'dismissed' | 'cleared';
    }>();
    expectTypeOf<SignalChanges>().toEqualTypeOf<{
      raise: Finding[];
      refresh: { id: string; finding: Finding; reopen: boolean }[];
      clear: StoredSignal[];
    }>();
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
    expectTypeOf<NonNullable<AreaMonthAssessment['contributionPoints']>['hiring']>().toEqualTypeOf<number>();
    expectTypeOf<Finding['kind']>().toEqualTypeOf<'chipotle_drift' | 'ownership_erosion' | 'revenue_miss'>();
    expectTypeOf<Finding['explanation']>().toEqualTypeOf<string[]>();
    expectTypeOf<OrganisationSummary['shareInDrift']>().toEqualTypeOf<number | null>();
    expectTypeOf<MonthlyFigures['targetOwner']>().toEqualTypeOf<'area' | 'central'>();
  });
});
