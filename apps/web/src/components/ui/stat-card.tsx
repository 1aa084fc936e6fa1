import type { ReactNode } from 'react';

/** One headline number with what it means underneath. */
export function StatCard({ label, value, detail, tone }: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  /** Colours the value when its direction is itself the message (ownership falling, say). */
  tone?: 'good' | 'bad' | 'neutral';
}) {
  return (
    <div className="stat-card">
      <dt className="stat-card__label">{label}</dt>
      <dd className={`stat-card__value stat-card__value--${tone ?? 'neutral'}`}>{value}</dd>
      {detail && <dd className="stat-card__detail">{detail}</dd>}
    </div>
  );
}
