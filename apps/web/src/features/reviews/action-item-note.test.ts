import { describe, expect, it } from 'vitest';
import { actionItemNoteSchema } from '@autonomy/contracts';
import { ACTION_ITEM_NOTE_MAX, noteProblem } from './action-item-note.ts';

describe('noteProblem', () => {
  it('asks for words when the note is empty or blank', () => {
    expect(noteProblem('')).toBe('Write how it is going.');
    expect(noteProblem(' \n\t ')).toBe('Write how it is going.');
  });

  it('counts the note as sent, trimmed, against the limit the API keeps', () => {
    expect(noteProblem(`  ${'x'.repeat(ACTION_ITEM_NOTE_MAX)}  `)).toBeNull();
    expect(noteProblem('x'.repeat(ACTION_ITEM_NOTE_MAX + 1))).toBe('Keep it to 2,000 characters (now 2,001).');
  });

  it('agrees with the contract on every note it lets through or stops', () => {
    for (const note of ['', '  ', 'On track', ` ${'y'.repeat(2000)} `, 'y'.repeat(2001)]) {
      expect(noteProblem(note) === null, JSON.stringify(note.slice(0, 12))).toBe(actionItemNoteSchema.safeParse(note).success);
    }
  });
});
