import type { OncallRotationView } from '@lp/domain';
import { draftFromRotation, EMPTY_ROTATION, localInput, rotationBody, rotationErrors } from './rotation-draft';

const saved: OncallRotationView = {
  id: 'r1',
  name: 'Night',
  primaryUserIds: ['a', 'b'],
  secondaryUserIds: ['c'],
  managerUserId: null,
  shiftS: 12 * 3600,
  startsAt: '2025-03-01T20:00:05.123Z',
  createdAt: '2025-03-01T00:00:00.000Z',
};

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

describe('draftFromRotation', () => {
  it('prefills every input from the saved rotation, and is empty for a new one', () => {
    expect(draftFromRotation(saved)).toEqual({
      name: 'Night',
      primaryUserIds: ['a', 'b'],
      secondaryUserIds: ['c'],
      managerUserId: '',
      shiftHours: '12',
      startsAt: localInput(saved.startsAt),
    });
    expect(new Date(localInput(saved.startsAt)).toISOString()).toBe('2025-03-01T20:00:05.000Z');
    expect(draftFromRotation()).toBe(EMPTY_ROTATION);
  });

  it('sends an untouched start exactly as saved, and a changed one as typed', () => {
    const draft = draftFromRotation(saved);
    expect(rotationBody({ ...draft, name: 'Late' }, new Date(), saved)).toEqual({
      name: 'Late',
      primaryUserIds: ['a', 'b'],
      secondaryUserIds: ['c'],
      managerUserId: null,
      shiftS: 12 * 3600,
      startsAt: '2025-03-01T20:00:05.123Z',
    });
    const moved = localInput('2025-03-02T20:00:00.000Z');
    expect(rotationBody({ ...draft, startsAt: moved }, new Date(), saved).startsAt).toBe('2025-03-02T20:00:00.000Z');
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
