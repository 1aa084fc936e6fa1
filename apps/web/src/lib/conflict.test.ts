import { describe, expect, it } from 'vitest';
import { conflictRows, keepMyChanges, type ConflictFields } from './conflict.ts';

interface Contact {
  name: string;
  phone: string;
  tags: string[];
}

type ContactKey = keyof Contact;

const KEYS: readonly ContactKey[] = ['name', 'phone', 'tags'];

// Names compare trimmed, as a form whose API trims them would: a trailing space is no change.
const diffContacts = (a: Contact, b: Contact): ContactKey[] =>
  KEYS.filter((key) => (key === 'name' ? a.name.trim() !== b.name.trim() : String(a[key]) !== String(b[key])));

const CONTACT_FIELDS: ConflictFields<Contact, ContactKey> = {
  diff: diffContacts,
  label: (key) => ({ name: 'Name', phone: 'Phone', tags: 'Tags' })[key],
  format: (key, contact) => (key === 'tags' ? contact.tags.join(', ') || 'none' : contact[key].trim()),
};

const opened: Contact = { name: 'Ada', phone: '0101', tags: ['a'] };

describe('conflictRows', () => {
  it('sets their saved value beside mine for each field that differs, in form order, saying which I changed', () => {
    const theirs: Contact = { ...opened, name: 'Ada L.', tags: [] };
    const mine: Contact = { ...opened, phone: '0202' };
    expect(conflictRows(CONTACT_FIELDS, opened, mine, theirs)).toEqual([
      { key: 'name', label: 'Name', theirs: 'Ada L.', mine: 'Ada', changedByMe: false },
      { key: 'phone', label: 'Phone', theirs: '0101', mine: '0202', changedByMe: true },
      { key: 'tags', label: 'Tags', theirs: 'none', mine: 'a', changedByMe: false },
    ]);
  });

  it('is empty when they saved what I was about to, by the form’s own sense of the same', () => {
    const mine: Contact = { ...opened, name: 'Ada Lovelace' };
    expect(conflictRows(CONTACT_FIELDS, opened, mine, { ...mine, name: 'Ada Lovelace ' })).toEqual([]);
  });
});

describe('keepMyChanges ("Keep mine")', () => {
  const theirs: Contact = { ...opened, name: 'Ada L.', phone: '0303' };

  it('lays the fields I changed over theirs and keeps theirs where I changed nothing', () => {
    const mine: Contact = { ...opened, phone: '0202', tags: ['a', 'b'] };
    expect(keepMyChanges(diffContacts, opened, mine, theirs)).toEqual({ name: 'Ada L.', phone: '0202', tags: ['a', 'b'] });
  });

  it('gives back their version when I changed nothing, without touching it', () => {
    const merged = keepMyChanges(diffContacts, opened, opened, theirs);
    expect(merged).toEqual(theirs);
    expect(merged).not.toBe(theirs);
  });
});
