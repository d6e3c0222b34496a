import type { OncallPerson } from '@lp/domain';
import { labelOf, nameOf, notChosen, personLabel } from './people';

const people: OncallPerson[] = [
  { id: 'a', name: 'Ada', role: 'oncall' },
  { id: 'b', name: 'Bo', role: 'manager' },
];

describe('people', () => {
  it('labels a person with name and role', () => {
    expect(personLabel(people[1]!)).toBe('Bo (manager)');
  });

  it('names an id, and says when nobody has it', () => {
    expect(nameOf(people, 'a')).toBe('Ada');
    expect(nameOf(people, 'zz')).toBe('unknown user');
    expect(labelOf(people, 'a')).toBe('Ada (oncall)');
    expect(labelOf(people, 'zz')).toBe('unknown user');
  });

  it('offers only those not chosen yet', () => {
    expect(notChosen(people, ['a']).map((p) => p.id)).toEqual(['b']);
  });
});
