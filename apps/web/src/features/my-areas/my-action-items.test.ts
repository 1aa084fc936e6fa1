import { describe, expect, it } from 'vitest';
import { myOpenActionItems, type ActionItemLine } from './my-action-items.ts';

const PRIYA = { id: 'u-priya', email: 'priya@example.com', name: 'Priya' };
const MARCUS = { id: 'u-marcus', email: 'marcus@example.com', name: 'Marcus' };

function item(id: string, overrides: Partial<ActionItemLine> = {}): ActionItemLine {
  return { id, reviewId: 'r-1', title: `Item ${id}`, areaSlug: 'billing', owner: PRIYA, dueOn: null, status: 'open', ...overrides };
}

describe('myOpenActionItems', () => {
  const reviews = [
    {
      month: '2026-09',
      actionItems: [
        item('a', { dueOn: '2026-12-20' }),
        item('b', { dueOn: '2026-10-01', status: 'done' }),
        item('c', { owner: MARCUS, dueOn: '2026-10-01' }),
      ],
    },
    { month: '2026-10', actionItems: [item('d'), item('e', { dueOn: '2026-11-30' }), item('f', { dueOn: '2026-12-07' })] },
  ];

  it('keeps the reader’s open items only: not someone else’s, not a done one', () => {
    const ids = myOpenActionItems(reviews, PRIYA.id, '2026-12-07').map((mine) => mine.item.id);
    expect(ids).toEqual(['e', 'f', 'a', 'd']);
  });

  it('marks the ones past their due day as overdue, not those due today or undated', () => {
    const lines = myOpenActionItems(reviews, PRIYA.id, '2026-12-07');
    expect(lines.map((mine) => [mine.item.id, mine.overdue, mine.reviewMonth])).toEqual([
      ['e', true, '2026-10'],
      ['f', false, '2026-10'],
      ['a', false, '2026-09'],
      ['d', false, '2026-10'],
    ]);
  });

  it('skips items whose owner’s account is gone, and is empty without reviews', () => {
    expect(myOpenActionItems([{ month: '2026-10', actionItems: [item('g', { owner: null })] }], PRIYA.id, '2026-12-07')).toEqual([]);
    expect(myOpenActionItems([], PRIYA.id, '2026-12-07')).toEqual([]);
  });
});
