import { secondsSince, shortDuration } from './format';

describe('shortDuration', () => {
  it('says seconds, minutes, hours and days briefly', () => {
    expect(shortDuration(-3)).toBe('0s');
    expect(shortDuration(45.9)).toBe('45s');
    expect(shortDuration(240)).toBe('4m');
    expect(shortDuration(7200)).toBe('2h');
    expect(shortDuration(7500)).toBe('2h 5m');
    expect(shortDuration(3 * 86_400 + 4 * 3600)).toBe('3d 4h');
  });

  it('never counts negative time', () => {
    expect(secondsSince('2026-01-01T00:00:10.000Z', Date.UTC(2026, 0, 1))).toBe(0);
  });
});
