import { draftSolution, draftTitle } from './solution-draft';

describe('draftTitle', () => {
  it('drops links and handles and collapses spacing', () => {
    expect(draftTitle('@acme   my router\n died https://t.co/x1 after the update')).toBe(
      'my router died after the update',
    );
  });

  it('cuts a long text at a word and marks the cut', () => {
    const title = draftTitle('the router keeps rebooting every few minutes since yesterday', 30);
    expect(title).toBe('the router keeps rebooting…');
    expect(title.length).toBeLessThanOrEqual(30);
  });

  it('cuts a text without spaces at the limit', () => {
    expect(draftTitle('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('draftSolution', () => {
  it('starts from the mention and the reply, as the server would', () => {
    expect(draftSolution({ text: 'router died @acme' }, { text: 'Hold reset for 10 s.' })).toEqual({
      title: 'router died',
      problem: 'router died @acme',
      fix: 'Hold reset for 10 s.',
    });
  });
});
