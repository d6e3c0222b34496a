import { commandFor, SHORTCUTS } from './shortcuts';

describe('console shortcuts', () => {
  it('maps the documented keys to commands', () => {
    expect(['j', 'k', 'c', 'r', 'e', '?', 'Escape'].map((k) => commandFor(k, false))).toEqual([
      'next',
      'previous',
      'claim',
      'reply',
      'escalate',
      'help',
      'close',
    ]);
    expect(SHORTCUTS.map((s) => s.key)).toEqual(expect.arrayContaining(['j', 'k', 'c', 'r', 'e', '?']));
  });

  it('leaves keys alone while the person types, and ignores others', () => {
    expect(commandFor('j', true)).toBeUndefined();
    expect(commandFor('x', false)).toBeUndefined();
  });
});
