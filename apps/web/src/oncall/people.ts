import type { OncallPerson } from '@lp/domain';

/** "Name (role)", as the picker and the rotation list show a person. */
export function personLabel(person: OncallPerson): string {
  return `${person.name} (${person.role})`;
}

/** A name for an id; an id nobody knows (a deactivated user) shows as such, not as a blank. */
export function nameOf(people: readonly OncallPerson[], id: string): string {
  return people.find((p) => p.id === id)?.name ?? 'unknown user';
}

/** "Name (role)" for an id, or "unknown user". */
export function labelOf(people: readonly OncallPerson[], id: string): string {
  const person = people.find((p) => p.id === id);
  return person ? personLabel(person) : 'unknown user';
}

/** The ones not yet chosen, in the server's order, for the "add" list. */
export function notChosen(people: readonly OncallPerson[], chosen: readonly string[]): OncallPerson[] {
  return people.filter((p) => !chosen.includes(p.id));
}
