import type { DriftRules, Portfolio } from '@autonomy/contracts';
import { StatCard } from '../../components/ui/stat-card.tsx';
import {
  centralisationChangeTone,
  countOf,
  formatDelta,
  formatIndex,
  formatPercent,
  formatWindow,
  ownershipChangeTone,
} from '../../lib/format.ts';

type OrganisationSummaryFigures = Portfolio['organisation'];

export function OrganisationSummary({ organisation, rules }: { organisation: OrganisationSummaryFigures; rules: DriftRules }) {
  const windowNote = `Over ${formatWindow(rules)}; mean over ${pluralAreas(organisation.areasWithCompleteWindow)} with a complete window`;
  return (
    <dl className="stat-cards" aria-label="Organisation summary">
      <StatCard
        label="Ownership index"
        value={formatIndex(organisation.ownershipIndex)}
        detail={`Mean over ${pluralAreas(organisation.areasWithFigures)}`}
      />
      <StatCard
        label="Centralisation index"
        value={formatIndex(organisation.centralisationIndex)}
        detail={`Mean over ${pluralAreas(organisation.areasWithFigures)}`}
      />
      <StatCard
        label="Ownership change"
        value={formatDelta(organisation.ownershipDelta)}
        tone={ownershipChangeTone(organisation.ownershipDelta, rules)}
        detail={windowNote}
      />
      <StatCard
        label="Centralisation change"
        value={formatDelta(organisation.centralisationDelta)}
        tone={centralisationChangeTone(organisation.centralisationDelta, rules)}
        detail={windowNote}
      />
      <StatCard
        label="Areas in drift"
        value={formatPercent(organisation.shareInDrift)}
        tone={organisation.areasInDrift > 0 ? 'bad' : 'neutral'}
        detail={`${organisation.areasInDrift} of ${pluralAreas(organisation.areasWithCompleteWindow)}`}
      />
    </dl>
  );
}

function pluralAreas(count: number): string {
  return countOf(count, 'area');
}
