import { useEffect, useRef, useState } from 'react';
import type { AreaMonth } from '@autonomy/contracts';
import { ApiError } from '../../lib/api.ts';
import { formatMonthLong } from '../../lib/format.ts';
import { useRemoveFigures } from './queries.ts';

/**
 * "Remove these figures", for a month entered by mistake: asks first, then removes exactly the
 * figures shown (their version), so figures someone changed since are never removed unseen.
 */
export function RemoveFigures({ slug, figures, onRemoved }: { slug: string; figures: AreaMonth; onRemoved: (month: string) => void }) {
  const remove = useRemoveFigures(slug, onRemoved);
  const [confirming, setConfirming] = useState(false);
  const month = formatMonthLong(figures.month);
  const startRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);

  // The button that had the focus gives way to the question and back: the focus follows, to the
  // safe answer when the question opens and back to the button when it closes.
  useEffect(() => {
    if (confirming) keepRef.current?.focus();
    else if (opened.current) startRef.current?.focus();
    opened.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <button
        ref={startRef}
        type="button"
        className="button button--small remove-figures__start"
        onClick={() => {
          remove.reset();
          setConfirming(true);
        }}
      >
        Remove these figures
      </button>
    );
  }
  return (
    <div className="notice notice--error remove-figures" role="group" aria-labelledby="remove-figures-question">
      <p id="remove-figures-question">
        <span className="notice__title">Remove the figures for {month}?</span> The area’s indices and signals are recomputed
        without them; its Changes keep what was removed.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button--danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate({ month: figures.month, version: figures.version })}
        >
          {remove.isPending ? 'Removing…' : `Remove ${month}`}
        </button>
        <button ref={keepRef} type="button" className="button" disabled={remove.isPending} onClick={() => setConfirming(false)}>
          Keep them
        </button>
      </div>
      {remove.isError && (
        <p role="alert">
          {remove.error instanceof ApiError && remove.error.status === 412
            ? 'Someone changed these figures since this page showed them, so nothing was removed. Look at them again first.'
            : `Nothing was removed: ${remove.error.message}`}
        </p>
      )}
    </div>
  );
}
