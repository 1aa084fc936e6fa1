import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TargetChangeResult } from '@autonomy/contracts';
import { describeInput, Field, FieldGroup } from '../../components/ui/field.tsx';
import { FormRefusal } from '../../components/ui/save-refusal.tsx';
import { ApiError } from '../../lib/api.ts';
import { countOf, formatMonthSpan } from '../../lib/format.ts';
import type { FieldErrors } from '../../lib/field-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { monthOf } from '../figures/figures-form.ts';
import { useSetTarget } from './queries.ts';
import {
  initialTargetValues,
  MAX_TARGET_REASON_LENGTH,
  monthsCovered,
  parseTargetForm,
  placeTargetErrors,
  RANGE_LIMIT_HINT,
  TARGET_FIELD_KEYS,
  type TargetFieldKey,
  type TargetFormValues,
  type TargetScope,
} from './target-form.ts';

const fieldId = (key: TargetFieldKey) => `target-${key}`;

/**
 * Sets one revenue target for a month or a range of months, with the reason the history keeps.
 * Checked with the contract before it is sent; what the API still refuses is shown beside the field.
 */
export function SetTargetForm({ slug, latestMonthWithFigures, onCancel, onSaved }: {
  slug: string;
  latestMonthWithFigures: string | null;
  onCancel: () => void;
  onSaved: (result: TargetChangeResult) => void;
}) {
  const save = useSetTarget(slug);
  const [values, setValues] = useState<TargetFormValues>(() => initialTargetValues(latestMonthWithFigures, monthOf(new Date())));
  const fieldErrors = useFieldErrors<TargetFieldKey>();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  function change(next: Partial<TargetFormValues>) {
    setValues((current) => ({ ...current, ...next }));
    // The range rules tie "from" and "to" together: editing either may answer the other's error.
    fieldErrors.answered('from' in next || 'to' in next || 'scope' in next ? ['from', 'to', ...Object.keys(next)] : Object.keys(next));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseTargetForm(values);
    if (!parsed.ok) {
      save.reset();
      fieldErrors.showInputErrors(parsed.errors);
      focusFirstError(parsed.errors);
      return;
    }
    fieldErrors.clear();
    save.mutate(parsed.request, {
      onSuccess: onSaved,
      onError: (error) => {
        if (error instanceof ApiError && error.fieldErrors.length > 0) {
          const placed = placeTargetErrors(error.fieldErrors);
          fieldErrors.showServerErrors(placed);
          focusFirstError(placed.byField);
        }
      },
    });
  }

  const span = values.scope === 'range' ? monthsCovered(values.from, values.to) : monthsCovered(values.from, values.from);
  const { errorsFor, unsettled } = fieldErrors;
  const refusal = save.isError ? save.error : null;

  return (
    <form className="figures-form target-form" onSubmit={handleSubmit} noValidate aria-busy={save.isPending} aria-labelledby="target-form-heading">
      <h3 id="target-form-heading" className="subheading" ref={headingRef} tabIndex={-1}>
        Set a revenue target
      </h3>
      <div className="figures-form__groups">
        <FieldGroup
          title="Months"
          description="Months with figures get the new target at once; months without figures keep it as their planned target."
        >
          <ScopeChoice value={values.scope} onChange={(scope) => change({ scope })} />
          <TextInput
            field="from"
            label={values.scope === 'range' ? 'From' : 'Month'}
            hint="Written YYYY-MM, such as 2027-01."
            value={values.from}
            errors={errorsFor('from')}
            onChange={(from) => change({ from })}
          />
          {values.scope === 'range' && (
            <TextInput
              field="to"
              label="To"
              hint={`The last month, written YYYY-MM. ${RANGE_LIMIT_HINT}`}
              value={values.to}
              errors={errorsFor('to')}
              onChange={(to) => change({ to })}
            />
          )}
        </FieldGroup>
        <FieldGroup title="Target" description="The revenue each of these months is expected to bring in.">
          <TextInput
            field="revenueTarget"
            label="Revenue target"
            hint="In whole currency units; decimals allowed."
            value={values.revenueTarget}
            errors={errorsFor('revenueTarget')}
            onChange={(revenueTarget) => change({ revenueTarget })}
            unit="currency units"
          />
          <ReasonInput value={values.reason} errors={errorsFor('reason')} onChange={(reason) => change({ reason })} />
        </FieldGroup>
      </div>
      <div className="figures-form__footer">
        {span !== null && span >= 1 && (
          <p className="muted small target-form__scope">
            Sets the target of {countOf(span, 'month')}:{' '}
            {formatMonthSpan(values.from.trim(), values.scope === 'range' ? values.to.trim() : values.from.trim())}.
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? 'Saving and recomputing…' : 'Save target'}
          </button>
          <button type="button" className="button" disabled={save.isPending} onClick={onCancel}>
            Cancel
          </button>
        </div>
        {unsettled > 0 && (
          <p className="notice notice--error" role="alert">
            <span className="notice__title">Not saved:</span> {countOf(unsettled, 'field')} {unsettled === 1 ? 'needs' : 'need'} a
            change. See the {unsettled === 1 ? 'message' : 'messages'} beside {unsettled === 1 ? 'it' : 'them'}.
          </p>
        )}
        {refusal && (
          <FormRefusal error={refusal} general={fieldErrors.general} besideWhat="fields" action="The target was not saved" />
        )}
      </div>
    </form>
  );
}

function ScopeChoice({ value, onChange }: { value: TargetScope; onChange: (scope: TargetScope) => void }) {
  const options: { scope: TargetScope; label: string }[] = [
    { scope: 'month', label: 'One month' },
    { scope: 'range', label: 'A range of months' },
  ];
  return (
    <div className="field target-form__scope-choice" role="radiogroup" aria-labelledby="target-scope-label">
      <span id="target-scope-label" className="field__label">
        Set the target for
      </span>
      {options.map((option) => (
        <label key={option.scope}>
          <input
            type="radio"
            name="target-scope"
            value={option.scope}
            checked={value === option.scope}
            onChange={() => onChange(option.scope)}
          />{' '}
          {option.label}
        </label>
      ))}
    </div>
  );
}

function TextInput({ field, label, hint, value, errors, unit, onChange }: {
  field: Exclude<TargetFieldKey, 'reason'>;
  label: string;
  hint: string;
  value: string;
  errors: string[];
  unit?: string;
  onChange: (text: string) => void;
}) {
  const id = fieldId(field);
  const input = (
    <input
      id={id}
      name={field}
      type="text"
      inputMode={field === 'revenueTarget' ? 'decimal' : undefined}
      placeholder={field === 'revenueTarget' ? undefined : 'YYYY-MM'}
      autoComplete="off"
      value={value}
      {...describeInput(id, errors)}
      onChange={(event) => onChange(event.target.value)}
    />
  );
  return (
    <Field id={id} label={label} hint={hint} errors={errors} className="field figures-field" data-target-field={field}>
      {/* The figures' narrow input: a month or an amount is a few characters, not a line of text. */}
      <div className="input-with-unit">
        {input}
        {unit && <span className="input-with-unit__unit">{unit}</span>}
      </div>
    </Field>
  );
}

function ReasonInput({ value, errors, onChange }: { value: string; errors: string[]; onChange: (text: string) => void }) {
  const id = fieldId('reason');
  const left = MAX_TARGET_REASON_LENGTH - value.trim().length;
  return (
    <Field
      id={id}
      label="Reason"
      hint={`Why the target changes; kept in the history for everyone to read. ${left >= 0 ? `${countOf(left, 'character')} left.` : `${countOf(-left, 'character')} too many.`}`}
      errors={errors}
      className="field figures-field"
      data-target-field="reason"
    >
      <textarea
        id={id}
        name="reason"
        rows={2}
        value={value}
        {...describeInput(id, errors)}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );
}

/** Puts the cursor in the first field (in form order) with something to fix. */
function focusFirstError(errors: FieldErrors<TargetFieldKey>): void {
  const first = TARGET_FIELD_KEYS.find((key) => errors[key] !== undefined);
  if (first) document.getElementById(fieldId(first))?.focus();
}
