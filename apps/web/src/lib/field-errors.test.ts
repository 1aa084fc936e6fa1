import { describe, expect, it } from 'vitest';
import { fieldOfPath, issuesByField, placeFieldErrors } from './field-errors.ts';

const FIELDS = ['name', 'tags'] as const;
const fieldOf = (path: string) => fieldOfPath(path, FIELDS);
const shout = (message: string) => `${message.toUpperCase()}!`;

describe('fieldOfPath', () => {
  it('reads the field from the API’s and the schema’s ways of writing a path', () => {
    expect(['name', '/name', '.name', 'body.name', '/body/name', 'tags.1', '/tags/0'].map(fieldOf)).toEqual([
      'name',
      'name',
      'name',
      'name',
      'name',
      'tags',
      'tags',
    ]);
  });

  it('names no field for the whole body or one the form does not have', () => {
    expect(['', 'slug', 'names'].map(fieldOf)).toEqual([null, null, null]);
  });
});

describe('placeFieldErrors', () => {
  it('puts each error beside its field in the form’s words, and the rest with their path under the form', () => {
    expect(
      placeFieldErrors(
        [
          { path: 'tags.0', message: 'too long' },
          { path: '/tags/1', message: 'taken' },
          { path: 'slug', message: 'bad' },
          { path: '', message: 'must change at least one field' },
        ],
        fieldOf,
        shout,
      ),
    ).toEqual({ byField: { tags: ['TOO LONG!', 'TAKEN!'] }, general: ['slug: bad', 'must change at least one field'] });
  });
});

describe('issuesByField', () => {
  it('words each schema issue beside the field it names, and leaves out the others', () => {
    const issues = [
      { path: ['name'], message: 'empty' },
      { path: ['tags', 2], message: 'too long' },
      { path: [], message: 'whole body' },
    ];
    expect(issuesByField(issues, fieldOf, (issue) => shout(issue.message))).toEqual({ name: ['EMPTY!'], tags: ['TOO LONG!'] });
  });
});
