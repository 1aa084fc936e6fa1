import type { AreaMonth } from '@autonomy/contracts';
import { formatAmount, formatMonthLong, formatPercent } from '../../lib/format.ts';

/** The raw inputs behind one month's indices: what an executive asks for when a number moves. */
export function MonthFigures({ figures }: { figures: AreaMonth }) {
  const rows: { label: string; value: string }[] = [
    { label: 'Revenue actual / target', value: `${formatAmount(figures.revenueActual)} / ${formatAmount(figures.revenueTarget)}` },
    { label: 'Revenue target set by', value: figures.targetOwner === 'area' ? 'The area' : 'Central' },
    { label: 'Marketing FTE, dedicated / shared', value: `${formatAmount(figures.marketingDedicatedFte)} / ${formatAmount(figures.marketingSharedFte)}` },
    { label: 'Sales FTE, dedicated / shared', value: `${formatAmount(figures.salesDedicatedFte)} / ${formatAmount(figures.salesSharedFte)}` },
    { label: 'Hires run by the lead', value: `${figures.hiresLeadOwned} of ${figures.hiresTotal}${shareSuffix(figures.hiresLeadOwned, figures.hiresTotal)}` },
    { label: 'Decisions needing central sign-off', value: `${figures.decisionsCentral} of ${figures.decisionsTotal}${shareSuffix(figures.decisionsCentral, figures.decisionsTotal)}` },
    { label: 'Shared-service dependencies', value: String(figures.sharedServiceDependencies) },
    { label: 'Mandatory central processes', value: String(figures.mandatoryProcesses) },
    { label: 'Median approval latency', value: `${formatAmount(figures.approvalLatencyDays)} days` },
  ];
  return (
    <dl className="figures" aria-label={`Figures for ${formatMonthLong(figures.month)}`}>
      {rows.map((row) => (
        <div key={row.label} className="figures__row">
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function shareSuffix(part: number, total: number): string {
  return total > 0 ? ` (${formatPercent(part / total)})` : '';
}
