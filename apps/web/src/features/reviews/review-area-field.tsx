import type { ReviewSnapshot } from '@autonomy/contracts';
import { describeInput, Field } from '../../components/ui/field.tsx';
import { snapshotAreaOptions } from './review-items.ts';

/**
 * "Area (optional)": which of the review's areas a decision or an action item is about. Offers the
 * areas in the frozen snapshot, the ones the meeting walked.
 */
export function ReviewAreaField({
  id,
  hint,
  areas,
  value,
  errors,
  onChange,
}: {
  id: string;
  hint: string;
  areas: ReviewSnapshot['areas'];
  value: string;
  errors: readonly string[];
  onChange: (areaSlug: string) => void;
}) {
  return (
    <Field id={id} label="Area (optional)" hint={hint} errors={errors} data-field="areaSlug">
      <select id={id} value={value} {...describeInput(id, errors)} onChange={(event) => onChange(event.target.value)}>
        <option value="">No particular area</option>
        {snapshotAreaOptions(areas).map((area) => (
          <option key={area.slug} value={area.slug}>
            {area.name}
          </option>
        ))}
      </select>
    </Field>
  );
}
