import { describe, expect, it } from 'vitest';
import { orderMyActionItems, type ActionItemLine } from './my-action-items.ts';

function item(id: string, overrides: Partial<ActionItemLine> = {}): ActionItemLine {
  return { id, reviewId: 'r-1', reviewMonth: '2026-10', title: `Item ${id}`, areaSlug: 'billing', dueOn: null, status: 'open', ...overrides };
}

describe('orderMyActionItems', () => {
  const items = [
    item('a', { dueOn: '2026-12-20', reviewMonth: '2026-09' }),
    item('b', { dueOn: '2026-10-01', status: 'done' }),
    item('c', { dueOn: '2026-10-01', status: 'dropped' }),
    item('d'),
    item('e', { dueOn: '2026-11-30' }),
    item('f', { dueOn: '2026-12-07' }),
    item('g', { dueOn: '2026-12-20', reviewMonth: '2026-08' }),
  ];

  it('keeps the open items only, soonest due first, undated last, older reviews first on the same day', () => {
    expect(orderMyActionItems(items, '2026-12-07').map((mine) => mine.item.id)).toEqual(['e', 'f', 'g', 'a', 'd']);
  });

  it('marks the ones past their due day as overdue, not those due today or undated', () => {
    const lines = orderMyActionItems(items, '2026-12-07');
    expect(lines.map((mine) => [mine.item.id, mine.overdue])).toEqual([
      ['e', true],
      ['f', false],
      ['g', false],
      ['a', false],
      ['d', false],
    ]);
  });

  it('is empty when the reader owns no open item', () => {
    expect(orderMyActionItems([], '2026-12-07')).toEqual([]);
    expect(orderMyActionItems([item('h', { status: 'done' })], '2026-12-07')).toEqual([]);
  });
});
