import { EMPTY_ROTATION, rotationBody, rotationErrors } from './rotation-draft';

describe('rotationBody', () => {
  it('sends the picked ids in turn order, hours as seconds, and no manager as null', () => {
    const now = new Date('2025-03-01T08:00:00.000Z');
    expect(rotationBody({ ...EMPTY_ROTATION, name: 'Day', primaryUserIds: ['b', 'a'] }, now)).toEqual({
      name: 'Day',
      primaryUserIds: ['b', 'a'],
      secondaryUserIds: [],
      managerUserId: null,
      shiftS: 8 * 3600,
      startsAt: '2025-03-01T08:00:00.000Z',
    });
  });

  it('sends a start it cannot read as typed', () => {
    expect(rotationBody({ ...EMPTY_ROTATION, startsAt: 'soon' }).startsAt).toBe('soon');
  });
});

describe('rotationErrors', () => {
  it('puts each reason beside its input', () => {
    expect(
      rotationErrors({
        'primaryUserIds.0': 'no active user with this id',
        shiftS: 'shiftS must not be less than 3600',
      }),
    ).toEqual({ primaryUserIds: 'no active user with this id', shiftHours: 'shiftS must not be less than 3600' });
    expect(rotationErrors({ other: 'x' })).toEqual({ form: 'x' });
  });
});
