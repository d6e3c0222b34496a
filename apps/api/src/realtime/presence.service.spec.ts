import { parsePresenceUpdate } from './presence.service';

describe('parsePresenceUpdate', () => {
  const id = '0b6f7c52-3f4e-4a5b-9c1d-2e3f4a5b6c7d';

  it('accepts a mention id or null, and reads typing as a strict boolean', () => {
    expect(parsePresenceUpdate({ mentionId: id, typing: true })).toEqual({ mentionId: id, typing: true });
    expect(parsePresenceUpdate({ mentionId: null })).toEqual({ mentionId: null, typing: false });
    expect(parsePresenceUpdate({ mentionId: id, typing: 'yes' })).toEqual({ mentionId: id, typing: false });
  });

  it('ignores anything that is not a report', () => {
    for (const junk of [undefined, null, 'x', 42, {}, { mentionId: 'abc' }, { mentionId: `${id}; DROP` }]) {
      expect(parsePresenceUpdate(junk)).toBeUndefined();
    }
  });
});
