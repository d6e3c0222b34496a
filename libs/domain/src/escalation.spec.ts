import { onCallAt } from './escalation';

describe('onCallAt', () => {
  const rotation = {
    primaryUserIds: ['ann', 'bob', 'cy'],
    secondaryUserIds: ['dee', 'eve'],
    shiftS: 8 * 3600,
    startsAt: '2026-01-01T00:00:00.000Z',
  };

  it('hands each shift to the next person, wrapping around', () => {
    expect(onCallAt(rotation, new Date('2026-01-01T01:00:00Z'))).toEqual({ primary: 'ann', secondary: 'dee' });
    expect(onCallAt(rotation, new Date('2026-01-01T09:00:00Z'))).toEqual({ primary: 'bob', secondary: 'eve' });
    expect(onCallAt(rotation, new Date('2026-01-01T17:00:00Z'))).toEqual({ primary: 'cy', secondary: 'dee' });
    expect(onCallAt(rotation, new Date('2026-01-02T01:00:00Z'))).toEqual({ primary: 'ann', secondary: 'eve' });
  });

  it('gives the first shift before the rotation starts, and nobody for an empty list', () => {
    expect(onCallAt(rotation, new Date('2025-12-31T00:00:00Z')).primary).toBe('ann');
    expect(onCallAt({ ...rotation, secondaryUserIds: [] }, new Date()).secondary).toBeNull();
  });
});
