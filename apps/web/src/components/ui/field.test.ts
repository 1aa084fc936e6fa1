import { describe, expect, it } from 'vitest';
import { describedBy, describeInput } from './field.tsx';

describe('describedBy', () => {
  it('names the hint, and the error before it when there is one', () => {
    expect(describedBy('user-password', [])).toBe('user-password-hint');
    expect(describedBy('user-password', ['Too short.'])).toBe('user-password-error user-password-hint');
  });

  it('names any other lines under the input, and nothing for an input without any', () => {
    expect(describedBy('figure-revenueTarget', ['Enter a number.'], ['hint', 'note'])).toBe(
      'figure-revenueTarget-error figure-revenueTarget-hint figure-revenueTarget-note',
    );
    expect(describedBy('user-name', [], [])).toBeUndefined();
    expect(describedBy('user-name', ['Must not be empty.'], [])).toBe('user-name-error');
  });
});

describe('describeInput', () => {
  it('marks the input invalid exactly when it has errors', () => {
    expect(describeInput('new-user-email', [])).toEqual({ 'aria-invalid': false, 'aria-describedby': 'new-user-email-hint' });
    expect(describeInput('new-user-email', ['Taken.'])).toEqual({
      'aria-invalid': true,
      'aria-describedby': 'new-user-email-error new-user-email-hint',
    });
  });
});
