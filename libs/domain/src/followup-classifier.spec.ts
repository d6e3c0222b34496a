import { classifyFollowUp } from './followup-classifier';

describe('classifyFollowUp', () => {
  it.each([
    'thanks, that fixed it!',
    'works now, cheers',
    '@acme that did the trick, all good',
    'No longer crashing after the update, thank you',
    'Restarted the router as you said and it connects fine now',
    "it's back to normal, appreciate it",
  ])('confirmed: %s', (text) => {
    expect(classifyFollowUp(text).outcome).toBe('confirmed');
  });

  it.each([
    'still broken',
    "didn't help at all",
    'that did not work, same problem',
    'not fixed. tried that already',
    "@acme nope, it still won't connect",
    "Thanks but it's still crashing",
    'no luck, the printer is still offline',
  ])('failed: %s', (text) => {
    expect(classifyFollowUp(text).outcome).toBe('failed');
  });

  it.each(['ok, will try tonight and let you know', 'what do you mean by firmware?', 'hmm'])('unclear: %s', (text) => {
    expect(classifyFollowUp(text).outcome).toBe('unclear');
  });

  it('lets confident sentiment decide when the rules find only weak evidence, and explains itself', () => {
    expect(classifyFollowUp('you guys rock', { label: 'positive', score: 0.8 }).outcome).toBe('confirmed');
    expect(classifyFollowUp('ugh', { label: 'negative', score: -0.7 }).outcome).toBe('failed');
    expect(classifyFollowUp('ugh', { label: 'negative', score: -0.2 }).outcome).toBe('unclear');
    // Strong rules win over sentiment.
    const verdict = classifyFollowUp('finally fixed it, what a terrible week', { label: 'negative', score: -0.9 });
    expect(verdict.outcome).toBe('confirmed');
    expect(verdict.reasons).toContain('"fixed"');
  });
});
