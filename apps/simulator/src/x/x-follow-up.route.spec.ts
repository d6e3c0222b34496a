import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { MentionGenerator } from '../chatter/mention-generator';
import { FaultInjector } from '../faults';
import { FixedWindowRateLimiter } from './rate-limiter';
import { TweetStore } from './tweet-store';
import { BRAND_ACCOUNT_ID, xFollowUpRouter } from './x-follow-up.route';
import type { RecordedReply } from './x-reply.route';
import { xSearchRouter } from './x-search.route';

describe('xFollowUpRouter', () => {
  let server: http.Server;
  let base: string;
  const store = new TweetStore();
  const replies: RecordedReply[] = [];
  const generator = new MentionGenerator(7);

  beforeAll(async () => {
    const app = express();
    app.use(
      xSearchRouter({
        store,
        limiter: new FixedWindowRateLimiter(1_000),
        faults: new FaultInjector(),
        stats: { searchRequests: 0 },
      }),
    );
    app.use(xFollowUpRouter({ store, replies, generator }));
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const followUp = (body: object) =>
    fetch(`${base}/__sim/x/follow-ups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it("posts the customer's answer to our reply, in X v2's replied_to shape", async () => {
    const original = store.add(generator.next('complaint'));
    replies.push({ id: '1900000000000000001', text: 'try this', inReplyToTweetId: original.id, receivedAt: '' });
    const res = await followUp({ replyId: '1900000000000000001', outcome: 'confirmed' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; authorId: string; text: string };
    expect(created.authorId).toBe(original.post.author.id);
    expect(created.text).toMatch(/^@acme /);

    const search = (await (
      await fetch(`${base}/2/tweets/search/recent?query=acme`, { headers: { authorization: 'Bearer t' } })
    ).json()) as { data: Array<{ id: string; referenced_tweets?: unknown; in_reply_to_user_id?: string }> };
    const tweet = search.data.find((t) => t.id === created.id)!;
    expect(tweet.referenced_tweets).toEqual([{ type: 'replied_to', id: '1900000000000000001' }]);
    expect(tweet.in_reply_to_user_id).toBe(BRAND_ACCOUNT_ID);
    expect(search.data.find((t) => t.id === original.id)).not.toHaveProperty('referenced_tweets');
  });

  it('refuses an unknown reply, bad text and an unknown outcome', async () => {
    expect((await followUp({ replyId: 'nope', text: 'hi' })).status).toBe(404);
    expect((await followUp({ replyId: '1900000000000000001', text: '' })).status).toBe(400);
    expect((await followUp({ replyId: '1900000000000000001', outcome: 'meh' })).status).toBe(400);
  });
});
