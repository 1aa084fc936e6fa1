/** As the API allows (contracts: actionItemNoteSchema). */
export const ACTION_ITEM_NOTE_MAX = 2000;

/** What is wrong with a progress note before it is sent, or null: the API says the same, this only says it sooner. */
export function noteProblem(text: string): string | null {
  const note = text.trim();
  if (note === '') return 'Write how it is going.';
  if (note.length > ACTION_ITEM_NOTE_MAX) {
    return `Keep it to ${ACTION_ITEM_NOTE_MAX.toLocaleString('en-GB')} characters (now ${note.length.toLocaleString('en-GB')}).`;
  }
  return null;
}
