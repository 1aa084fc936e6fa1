import { useState } from 'react';
import type { Review } from '@autonomy/contracts';
import { ProblemNotice } from '../../components/ui/problem-notice.tsx';
import { formatDateTime, formatMonthLong } from '../../lib/format.ts';
import { navigate } from '../../router.tsx';
import { useDiscardReview, useRefreezeReview } from './queries.ts';

type Correction = 'discard' | 'refreeze';

/**
 * For admins, the way back from a review started by mistake: discard it while it records nothing
 * yet, or freeze its snapshot again until the first decision. Each asks first, naming what happens;
 * neither is offered once the review holds what it would lose.
 */
export function ReviewCorrections({ review }: { review: Review }) {
  const [confirming, setConfirming] = useState<Correction | null>(null);
  const discard = useDiscardReview(review.id);
  const refreeze = useRefreezeReview(review.id);
  const canDiscard = review.decisionCount === 0 && review.actionItemCount === 0;
  const canRefreeze = review.decisionCount === 0;
  if (!canDiscard && !canRefreeze) return null;
  const month = formatMonthLong(review.month);
  const busy = discard.isPending || refreeze.isPending;

  function ask(correction: Correction) {
    discard.reset();
    refreeze.reset();
    setConfirming(correction);
  }

  return (
    <section className="panel review-corrections no-print" aria-labelledby="review-corrections-heading">
      <div className="panel__header">
        <h2 id="review-corrections-heading">Started by mistake?</h2>
        <p className="muted">Admins can correct a review until the meeting records what it decided.</p>
      </div>
      {confirming === null && (
        <div className="button-row">
          {canRefreeze && (
            <button type="button" className="button" onClick={() => ask('refreeze')}>
              Re-freeze snapshot…
            </button>
          )}
          {canDiscard && (
            <button type="button" className="button button--danger" onClick={() => ask('discard')}>
              Discard review…
            </button>
          )}
        </div>
      )}
      {confirming === 'discard' && (
        <div className="confirm" role="group" aria-label={`Discard the ${month} review?`}>
          <p>
            Discard the <strong>{month}</strong> review? It has no decisions or action items; this cannot be undone. The
            audit log keeps what it held, and {month} can then be reviewed again.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary button--small"
              disabled={busy}
              onClick={() => discard.mutate({ version: review.version }, { onSuccess: () => navigate('/reviews') })}
            >
              {discard.isPending ? 'Discarding…' : 'Discard review'}
            </button>
            <button type="button" className="button button--small" disabled={busy} onClick={() => setConfirming(null)}>
              Keep it
            </button>
          </div>
          {discard.isError && <ProblemNotice error={discard.error} action="The review was not discarded" />}
        </div>
      )}
      {confirming === 'refreeze' && (
        <div className="confirm" role="group" aria-label={`Freeze the ${month} snapshot again?`}>
          <p>
            Freeze the <strong>{month}</strong> snapshot again? The pack will show the portfolio and signals as they stand
            now instead of as frozen on {formatDateTime(review.snapshot.takenAt)}. The agenda, notes and action items stay;
            once a decision is recorded the snapshot can no longer be replaced.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary button--small"
              disabled={busy}
              onClick={() => refreeze.mutate({ version: review.version }, { onSuccess: () => setConfirming(null) })}
            >
              {refreeze.isPending ? 'Freezing…' : 'Re-freeze snapshot'}
            </button>
            <button type="button" className="button button--small" disabled={busy} onClick={() => setConfirming(null)}>
              Keep this snapshot
            </button>
          </div>
          {refreeze.isError && <ProblemNotice error={refreeze.error} action="The snapshot was not taken again" />}
        </div>
      )}
    </section>
  );
}
