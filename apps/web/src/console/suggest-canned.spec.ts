import type { CannedResponseView, MentionView } from '@lp/domain';
import { suggestCanned } from './suggest-canned';

const canned = (name: string, body: string) =>
  ({ id: name, name, body, platforms: [] }) as unknown as CannedResponseView;

describe('suggestCanned', () => {
  const responses = [
    canned('Known outage', 'Hi {{customer.name}}, the outage is being fixed'),
    canned('Billing refund', 'We will refund the charge'),
    canned('Router reset', 'Please reset your router: hold the button'),
  ];

  it('ranks the topic first, then shared words, and leaves out what shares nothing', () => {
    const mention = { topic: 'outage', text: 'my router is down again' } as MentionView;
    expect(suggestCanned(responses, mention, 3).map((c) => c.id)).toEqual(['Known outage', 'Router reset']);
  });

  it('suggests nothing for an unrelated mention', () => {
    expect(suggestCanned(responses, { topic: 'praise', text: 'love it' } as MentionView, 3)).toEqual([]);
  });
});
