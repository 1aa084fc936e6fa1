import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ActionItem } from '@autonomy/contracts';
import { ProblemNotice } from '../../components/ui/problem-notice.tsx';
import { ActionItemChangedError, useChangeActionItem } from './queries.ts';
import { noteProblem } from './action-item-note.ts';
import { describeActionItemConflict } from './review-items.ts';

/**
 * Writes an action item's progress note (replacing the one before, which the audit log keeps), on
 * the version shown. For its owner, and for executives and admins.
 */
export function ActionItemNoteForm({ item, reviewId, onDone }: { item: ActionItem; reviewId: string; onDone: () => void }) {
  const change = useChangeActionItem(reviewId);
  const [text, setText] = useState(item.note ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const fieldId = `note-${item.id}`;

  useEffect(() => {
    fieldRef.current?.focus();
  }, []);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = noteProblem(text);
    setProblem(found);
    if (found) {
      fieldRef.current?.focus();
      return;
    }
    change.mutate({ itemId: item.id, patch: { note: text.trim() }, version: item.version }, { onSuccess: onDone });
  }

  return (
    <form className="action-item-note-form stack" noValidate onSubmit={handleSubmit} aria-label={`Progress note on “${item.title}”`}>
      <label htmlFor={fieldId}>Progress note</label>
      <textarea
        ref={fieldRef}
        id={fieldId}
        rows={3}
        value={text}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${fieldId}-problem` : undefined}
        onChange={(event) => {
          setText(event.target.value);
          setProblem(null);
        }}
      />
      {problem && (
        <p id={`${fieldId}-problem`} className="field__error" role="alert">
          {problem}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary button--small" disabled={change.isPending}>
          {change.isPending ? 'Saving…' : 'Save note'}
        </button>
        <button type="button" className="button button--small" disabled={change.isPending} onClick={onDone}>
          Cancel
        </button>
      </div>
      {change.error instanceof ActionItemChangedError ? (
        <div className="notice notice--error action-item-conflict" role="alert">
          <p>
            <span className="notice__title">Not saved.</span> {describeActionItemConflict(change.error.latest)}
          </p>
        </div>
      ) : (
        change.isError && <ProblemNotice error={change.error} action="The note was not saved" />
      )}
    </form>
  );
}
