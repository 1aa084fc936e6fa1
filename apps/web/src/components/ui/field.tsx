import type { ReactNode } from 'react';

/**
 * One form field as every form lays it out: the label, the input, a hint under it and what is
 * wrong with it. The lines under the input take their ids from the input's (`<id>-hint`,
 * `<id>-error`), so `describeInput` can point a screen reader at them.
 */
export function Field({ id, label, hint, note, errors, className = 'field', children, ...dataAttributes }: {
  /** The input's id. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** A line of its own after the hint, with its own id and class (where a prefilled value came from). */
  note?: ReactNode;
  errors: readonly string[];
  className?: string;
  children: ReactNode;
  /** Which field this is, for the browser tests and the styles: `data-field="name"`. */
  [dataAttribute: `data-${string}`]: string;
}) {
  return (
    <div className={className} {...dataAttributes}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint !== undefined && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {note}
      <FieldError inputId={id} errors={errors} />
    </div>
  );
}

/** A titled group of fields, laid out as the figures form lays out its groups. */
export function FieldGroup({ title, description, children }: { title: string; description: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="figures-group">
      <legend className="figures-group__title">{title}</legend>
      <p className="muted small figures-group__description">{description}</p>
      <div className="figures-group__fields">{children}</div>
    </fieldset>
  );
}

/** What is wrong with an input, under it; nothing when all is well. */
export function FieldError({ inputId, errors }: { inputId: string; errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <p id={`${inputId}-error`} className="field__error">
      {errors.join(' ')}
    </p>
  );
}

/** An input's `aria-invalid` and `aria-describedby`, as `describedBy` words them. */
export function describeInput(id: string, errors: readonly string[], lines: readonly string[] = ['hint']) {
  return { 'aria-invalid': errors.length > 0, 'aria-describedby': describedBy(id, errors, lines) };
}

/**
 * The lines under an input, as `aria-describedby` names them: the error first when there is one,
 * so a screen reader says what is wrong before the hint; then `hint`, `note` and the like.
 */
export function describedBy(id: string, errors: readonly string[], lines: readonly string[] = ['hint']): string | undefined {
  const described = [...(errors.length > 0 ? ['error'] : []), ...lines].map((line) => `${id}-${line}`);
  return described.length > 0 ? described.join(' ') : undefined;
}
