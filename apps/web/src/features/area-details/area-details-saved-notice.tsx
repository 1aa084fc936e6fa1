import { useEffect, useRef } from 'react';

/** The confirmation after the area's details were saved, focused so a screen reader hears it. */
export function AreaDetailsSavedNotice({ onDismiss }: { onDismiss: () => void }) {
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    noticeRef.current?.focus({ preventScroll: true });
    noticeRef.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <div ref={noticeRef} tabIndex={-1} className="notice notice--success figures-saved area-details-saved" role="status">
      <p>
        <span className="notice__title">Saved.</span> The area’s details were updated; the change is kept in its Changes.
      </p>
      <button type="button" className="button button--small figures-saved__dismiss" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
