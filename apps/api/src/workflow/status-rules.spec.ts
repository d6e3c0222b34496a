import { decideStatusChange } from './status-rules';

const ada = { userId: 'ada', name: 'Ada' };
const agent = { id: 'bob', role: 'agent' as const };

describe('decideStatusChange', () => {
  it('lets an agent close a mention nobody holds, or one they hold', () => {
    expect(decideStatusChange({ status: 'new', holder: null }, agent, 'resolved')).toEqual({ kind: 'change' });
    expect(decideStatusChange({ status: 'claimed', holder: { userId: 'bob', name: 'Bob' } }, agent, 'ignored')).toEqual(
      { kind: 'change' },
    );
  });

  it('refuses an agent a mention someone else holds, naming the holder', () => {
    expect(decideStatusChange({ status: 'claimed', holder: ada }, agent, 'resolved')).toEqual({
      kind: 'held',
      holder: ada,
    });
  });

  it('lets managers and admins act on anyone’s mention', () => {
    for (const role of ['manager', 'admin'] as const) {
      expect(decideStatusChange({ status: 'claimed', holder: ada }, { id: 'm', role }, 'resolved')).toEqual({
        kind: 'change',
      });
    }
  });

  it('never lets a volunteer resolve or ignore, even their own or a free mention, but lets them reopen', () => {
    const volunteer = { id: 'v', role: 'volunteer' as const };
    expect(decideStatusChange({ status: 'new', holder: null }, volunteer, 'resolved').kind).toBe('forbidden');
    expect(
      decideStatusChange({ status: 'claimed', holder: { userId: 'v', name: 'V' } }, volunteer, 'ignored').kind,
    ).toBe('forbidden');
    expect(decideStatusChange({ status: 'claimed', holder: { userId: 'v', name: 'V' } }, volunteer, 'new').kind).toBe(
      'change',
    );
  });

  it('treats setting the current status as no change, but a claimed mention set to new as giving it back', () => {
    expect(decideStatusChange({ status: 'resolved', holder: null }, agent, 'resolved')).toEqual({ kind: 'unchanged' });
    expect(decideStatusChange({ status: 'new', holder: null }, agent, 'new')).toEqual({ kind: 'unchanged' });
    expect(decideStatusChange({ status: 'claimed', holder: null }, agent, 'new')).toEqual({ kind: 'change' });
    expect(decideStatusChange({ status: 'resolved', holder: null }, agent, 'new')).toEqual({ kind: 'change' });
  });
});
