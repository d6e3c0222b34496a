import { compileQuery } from './youtube-query';

describe('compileQuery', () => {
  it('matches every word of one alternative, case-insensitively', () => {
    const q = compileQuery('acme router');
    expect(q('My ACME Router died')).toBe(true);
    expect(q('My Acme phone')).toBe(false);
  });

  it('supports | alternatives, -exclusions and quoted phrases', () => {
    const q = compileQuery('acme|"acme widgets" -job');
    expect(q('acme is great')).toBe(true);
    expect(q('acme job opening')).toBe(true);
    expect(compileQuery('"acme widgets" -job')('acme widgets job')).toBe(false);
    expect(compileQuery('"acme widgets"')('widgets by acme')).toBe(false);
  });

  it('matches everything without a query', () => {
    expect(compileQuery(undefined)('anything')).toBe(true);
  });
});
