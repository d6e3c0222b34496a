import type { PinoLogger } from 'nestjs-pino';
import type { AppConfig } from '@lp/config';
import type { OutcomeInput, PendingFollowUp, ReplyOutcomeRepository } from '@lp/persistence';
import { FollowUpSweeper } from './follow-up.sweeper';

describe('FollowUpSweeper', () => {
  const config = { solutions: { publicBaseUrl: 'https://help.acme.test' } } as AppConfig;
  const logger = { info: jest.fn(), error: jest.fn() } as unknown as PinoLogger;
  const followUp = (over: Partial<PendingFollowUp>): PendingFollowUp => ({
    mentionId: 'm1',
    text: 'thanks, that fixed it',
    sentiment: 'positive',
    sentimentScore: 0.6,
    replyId: 'r1',
    replyText: 'Sorry! Try this.',
    solutionId: null,
    ...over,
  });

  function sweeperWith(pending: PendingFollowUp[], slugs: Record<string, string> = {}) {
    const recorded: OutcomeInput[] = [];
    const repo = {
      pending: jest.fn(async () => pending),
      record: jest.fn(async (input: OutcomeInput) => (recorded.push(input), true)),
      solutionIdBySlug: jest.fn(async (slug: string) => slugs[slug] ?? null),
    } as unknown as ReplyOutcomeRepository;
    return { sweeper: new FollowUpSweeper(config, repo, logger), recorded };
  }

  it('judges each follow-up and credits the linked solution, or the one whose link the reply carried', async () => {
    const { sweeper, recorded } = sweeperWith(
      [
        followUp({ mentionId: 'm1', solutionId: 's-linked' }),
        followUp({
          mentionId: 'm2',
          replyId: 'r2',
          text: 'still broken',
          sentiment: 'negative',
          replyText: 'Try https://help.acme.test/s/wifi-fix-a1b2c3 please',
        }),
        followUp({ mentionId: 'm3', replyId: 'r3', text: 'will try tonight', sentiment: 'neutral', sentimentScore: 0 }),
      ],
      { 'wifi-fix-a1b2c3': 's-from-text' },
    );
    await sweeper.sweep();
    expect(recorded.map((r) => [r.followUpMentionId, r.outcome, r.solutionId])).toEqual([
      ['m1', 'confirmed', 's-linked'],
      ['m2', 'failed', 's-from-text'],
      ['m3', 'unclear', null],
    ]);
    expect(recorded[1]!.reasons).toContain('still "broken"');
  });

  it('survives a failing database and does not overlap sweeps', async () => {
    const repo = {
      pending: jest.fn(async () => {
        throw new Error('db down');
      }),
    } as unknown as ReplyOutcomeRepository;
    const sweeper = new FollowUpSweeper(config, repo, logger);
    await expect(Promise.all([sweeper.sweep(), sweeper.sweep()])).resolves.toBeDefined();
    expect(repo.pending).toHaveBeenCalledTimes(1);
    expect(logger.error).toHaveBeenCalled();
  });
});
