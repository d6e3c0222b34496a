import type { ReplyView } from '@lp/domain';
import { createUser, newMention, type TestUser } from '../support/actors';
import { usePipelineWithClient } from '../support/pipeline';
import { query, TEST_DATABASE_URL } from '../support/services';
import { waitFor } from '../support/wait';

interface SimReply {
  id: string;
  text: string;
  inReplyToTweetId: string;
}

describe('replies: exactly one platform post per reply, approval, refusals and retries', () => {
  // A short queue lock, so a killed worker's reply job is handed to the next worker within seconds.
  const { pipeline, client } = usePipelineWithClient({
    suite: 'replies',
    workerEnv: { QUEUE_LOCK_DURATION_MS: '2000' },
  });
  let agent: TestUser;
  let otherAgent: TestUser;
  let volunteer: TestUser;
  let manager: TestUser;

  beforeAll(async () => {
    [agent, otherAgent, volunteer, manager] = [
      await createUser(pipeline, 1, 'agent'),
      await createUser(pipeline, 2, 'agent'),
      await createUser(pipeline, 3, 'volunteer'),
      await createUser(pipeline, 4, 'manager'),
    ];
  });

  let keys = 0;
  const newKey = () => `test-key-${Date.now()}-${++keys}`;
  const claim = async (mentionId: string, user: TestUser) => {
    const res = await pipeline.apiFetch(`/api/mentions/${mentionId}/claim`, { method: 'POST' }, user.token);
    expect(res.status).toBe(200);
  };
  const sendReply = (mentionId: string, user: TestUser, body: object, key: string, signal?: AbortSignal) =>
    pipeline.apiFetch(
      `/api/mentions/${mentionId}/replies`,
      { method: 'POST', body: JSON.stringify(body), headers: { 'idempotency-key': key }, signal },
      user.token,
    );
  const reply = async (id: string): Promise<ReplyView> => {
    const res = await pipeline.apiFetch(`/api/replies?limit=500`);
    const found = ((await res.json()) as { items: ReplyView[] }).items.find((r) => r.id === id);
    if (!found) throw new Error(`reply ${id} not listed`);
    return found;
  };
  const replyReaches = (id: string, status: ReplyView['status']) =>
    waitFor(`reply ${id} ${status}`, async () => ((await reply(id)).status === status ? reply(id) : undefined), 15_000);
  const simReplies = async (): Promise<SimReply[]> =>
    ((await (await fetch(`${pipeline.simulatorUrl}/__sim/x/replies`)).json()) as { items: SimReply[] }).items;
  const externalIdOf = async (mentionId: string) =>
    (
      await query<{ external_id: string }>(TEST_DATABASE_URL, 'SELECT external_id FROM mentions WHERE id = $1', [
        mentionId,
      ])
    )[0]!.external_id;

  it('posts one reply on the platform for 5 concurrent sends and a resend after a client timeout', async () => {
    const mentionId = await newMention(pipeline);
    await claim(mentionId, agent);
    const key = newKey();
    const body = { text: 'Sorry about that! A fix is rolling out now.' };

    const responses = await Promise.all(Array.from({ length: 5 }, () => sendReply(mentionId, agent, body, key)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 201]);
    const ids = new Set(((await Promise.all(responses.map((r) => r.json()))) as ReplyView[]).map((r) => r.id));
    expect(ids.size).toBe(1);
    const [replyId] = [...ids] as [string];

    // The client gives up before an answer arrives, then sends again with the same key.
    await sendReply(mentionId, agent, body, key, AbortSignal.timeout(1)).catch((error: Error) => {
      expect(error.name).toMatch(/TimeoutError|AbortError/);
    });
    const again = await sendReply(mentionId, agent, body, key);
    expect(again.status).toBe(200);
    expect(((await again.json()) as ReplyView).id).toBe(replyId);

    const sent = await replyReaches(replyId, 'sent');
    const externalId = await externalIdOf(mentionId);
    const posted = (await simReplies()).filter((r) => r.inReplyToTweetId === externalId);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ text: body.text, id: sent.platformReplyId });
    expect(sent.platformUrl).toContain(sent.platformReplyId!);
    const [row] = await query<{ status: string; first_response_at: Date | null; claimed_by: string | null }>(
      TEST_DATABASE_URL,
      'SELECT status, first_response_at, claimed_by FROM mentions WHERE id = $1',
      [mentionId],
    );
    expect(row).toMatchObject({ status: 'replied', claimed_by: null });
    expect(row!.first_response_at).not.toBeNull();
    await waitFor('reply.updated sent on the socket', () =>
      client().events.some(
        (e) => e.type === 'reply.updated' && e.payload.id === replyId && e.payload.status === 'sent',
      ),
    );
    // Once sent, the same key still answers with the same reply and posts nothing more.
    expect((await sendReply(mentionId, agent, body, key)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect((await simReplies()).filter((r) => r.inReplyToTweetId === externalId)).toHaveLength(1);
  });

  it('refuses a key reused for another text, a reply without the claim, and bad input', async () => {
    const mentionId = await newMention(pipeline);
    // Not claimed yet: 409 asking to claim it.
    const unclaimed = await sendReply(mentionId, agent, { text: 'hello' }, newKey());
    expect(unclaimed.status).toBe(409);
    await claim(mentionId, agent);
    const held = await sendReply(mentionId, otherAgent, { text: 'hello' }, newKey());
    expect(held.status).toBe(409);
    expect(((await held.json()) as { holder: { userId: string } }).holder.userId).toBe(agent.id);

    const missingKey = await pipeline.apiFetch(
      `/api/mentions/${mentionId}/replies`,
      { method: 'POST', body: JSON.stringify({ text: 'hi' }) },
      agent.token,
    );
    expect(missingKey.status).toBe(400);
    expect(((await missingKey.json()) as { fields: Array<{ field: string }> }).fields[0]!.field).toBe(
      'Idempotency-Key',
    );

    const tooLong = await sendReply(mentionId, agent, { text: 'x'.repeat(281) }, newKey());
    expect(tooLong.status).toBe(400);
    const tooLongBody = (await tooLong.json()) as { fields: Array<{ field: string; messages: string[] }> };
    expect(tooLongBody.fields[0]).toMatchObject({ field: 'text' });
    expect(tooLongBody.fields[0]!.messages[0]).toMatch(/280/);
    // X counts a link as 23 whatever its length: 250 letters and a 200-character link fit.
    const preview = await pipeline.apiFetch(
      `/api/mentions/${mentionId}/replies/preview`,
      { method: 'POST', body: JSON.stringify({ text: `${'a'.repeat(250)} https://example.com/${'p'.repeat(180)}` }) },
      agent.token,
    );
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ check: { length: 274, limit: 280, valid: true }, refusal: null });

    expect((await sendReply(mentionId, agent, { text: 42 }, newKey())).status).toBe(400);
    expect((await sendReply(mentionId, agent, {}, newKey())).status).toBe(400);
    expect((await sendReply('00000000-0000-4000-8000-000000000000', agent, { text: 'hi' }, newKey())).status).toBe(404);

    // The console's lists: what an agent holds, and an author's history.
    const holding = (await (await pipeline.apiFetch(`/api/mentions?claimedBy=${agent.id}`)).json()) as {
      items: Array<{ id: string; author: { externalId: string } }>;
    };
    expect(holding.items.map((m) => m.id)).toContain(mentionId);
    const author = holding.items.find((m) => m.id === mentionId)!.author.externalId;
    const history = (await (
      await pipeline.apiFetch(`/api/mentions?platform=x&authorExternalId=${encodeURIComponent(author)}`)
    ).json()) as { items: Array<{ author: { externalId: string } }> };
    expect(history.items.length).toBeGreaterThan(0);
    expect(history.items.every((m) => m.author.externalId === author)).toBe(true);
    expect((await pipeline.apiFetch('/api/mentions?claimedBy=not-a-uuid')).status).toBe(400);

    const key = newKey();
    expect((await sendReply(mentionId, agent, { text: 'first text' }, key)).status).toBe(201);
    const reused = await sendReply(mentionId, agent, { text: 'another text' }, key);
    expect(reused.status).toBe(409);
    expect(((await reused.json()) as { message: string }).message).toMatch(/Idempotency-Key/);
  });

  it("refuses up front a reply X would refuse: the post does not mention the source's account", async () => {
    const [source] = await query<{ id: string }>(TEST_DATABASE_URL, `SELECT id FROM sources WHERE platform = 'x'`);
    const patch = await pipeline.apiFetch(`/api/sources/${source!.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ settings: { query: 'acme', accountHandle: 'AcmeSupport' } }),
    });
    expect(patch.status).toBe(200);
    try {
      const mentionId = await newMention(pipeline, { text: 'my acme router keeps dropping wifi' });
      await claim(mentionId, agent);
      const before = (await simReplies()).length;
      const refused = await sendReply(mentionId, agent, { text: 'Sorry! DM us?' }, newKey());
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { message: string }).message).toMatch(/mention or quote @AcmeSupport/);
      const summoned = await newMention(pipeline, { text: '@AcmeSupport my router keeps dropping wifi' });
      await claim(summoned, agent);
      const ok = await sendReply(summoned, agent, { text: 'Sorry! Which model is it?' }, newKey());
      expect(ok.status).toBe(201);
      await replyReaches(((await ok.json()) as ReplyView).id, 'sent');
      expect((await simReplies()).length).toBe(before + 1);
    } finally {
      await pipeline.apiFetch(`/api/sources/${source!.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ settings: { query: 'acme' } }),
      });
    }
  });

  it("holds a volunteer's reply until an agent approves it, and a rejected draft is never posted", async () => {
    const mentionId = await newMention(pipeline);
    await claim(mentionId, volunteer);
    const externalId = await externalIdOf(mentionId);
    const res = await sendReply(mentionId, volunteer, { text: 'Have you tried restarting it?' }, newKey());
    expect(res.status).toBe(201);
    const draft = (await res.json()) as ReplyView;
    expect(draft.status).toBe('pending_approval');
    const queue = (await (await pipeline.apiFetch('/api/replies?status=pending_approval', {}, agent.token)).json()) as {
      items: ReplyView[];
    };
    expect(queue.items.map((r) => r.id)).toContain(draft.id);

    await new Promise((r) => setTimeout(r, 1_000));
    expect((await simReplies()).filter((r) => r.inReplyToTweetId === externalId)).toHaveLength(0);
    expect(
      (await pipeline.apiFetch(`/api/replies/${draft.id}/approve`, { method: 'POST' }, volunteer.token)).status,
    ).toBe(403);
    const approved = await pipeline.apiFetch(`/api/replies/${draft.id}/approve`, { method: 'POST' }, agent.token);
    expect(approved.status).toBe(200);
    expect((await approved.json()) as ReplyView).toMatchObject({ status: 'queued', approvedBy: agent.id });
    await replyReaches(draft.id, 'sent');
    expect((await simReplies()).filter((r) => r.inReplyToTweetId === externalId)).toHaveLength(1);
    // Approving twice is a conflict, not a second post.
    expect(
      (await pipeline.apiFetch(`/api/replies/${draft.id}/approve`, { method: 'POST' }, manager.token)).status,
    ).toBe(409);

    const second = await newMention(pipeline);
    await claim(second, volunteer);
    const rejectedDraft = (await (await sendReply(second, volunteer, { text: 'lol' }, newKey())).json()) as ReplyView;
    const rejected = await pipeline.apiFetch(
      `/api/replies/${rejectedDraft.id}/reject`,
      { method: 'POST', body: JSON.stringify({ reason: 'off-brand tone' }) },
      manager.token,
    );
    expect(rejected.status).toBe(200);
    expect((await rejected.json()) as ReplyView).toMatchObject({
      status: 'rejected',
      rejectedReason: 'off-brand tone',
    });
    const reject400 = await pipeline.apiFetch(
      `/api/replies/${rejectedDraft.id}/reject`,
      { method: 'POST', body: JSON.stringify({}) },
      manager.token,
    );
    expect(reject400.status).toBe(400);
    const secondExternal = await externalIdOf(second);
    expect((await simReplies()).filter((r) => r.inReplyToTweetId === secondExternal)).toHaveLength(0);
  });

  it('marks a refused reply failed with the reason, waits out a 429, and retries only when a person asks', async () => {
    // The platform refuses: failed, nothing posted, and nothing unknown about it.
    const refusedMention = await newMention(pipeline);
    await claim(refusedMention, agent);
    await pipeline.fault('forbidden', 1, 'x.reply');
    const refused = (await (await sendReply(refusedMention, agent, { text: 'Sorry!' }, newKey())).json()) as ReplyView;
    const failed = await replyReaches(refused.id, 'failed');
    expect(failed.failureReason).toMatch(/X refused the reply \(HTTP 403\)/);
    expect(failed.outcomeUnknown).toBe(false);
    const retried = await pipeline.apiFetch(`/api/replies/${refused.id}/retry`, { method: 'POST' }, agent.token);
    expect(retried.status).toBe(200);
    await replyReaches(refused.id, 'sent');

    // A server error may or may not have posted: a person must say they checked before it is sent again.
    const doubtful = await newMention(pipeline);
    await claim(doubtful, agent);
    await pipeline.fault('server-error', 1, 'x.reply');
    const unsure = (await (await sendReply(doubtful, agent, { text: 'On it.' }, newKey())).json()) as ReplyView;
    expect(await replyReaches(unsure.id, 'failed')).toMatchObject({ outcomeUnknown: true });
    const unchecked = await pipeline.apiFetch(`/api/replies/${unsure.id}/retry`, { method: 'POST' }, agent.token);
    expect(unchecked.status).toBe(409);
    const checked = await pipeline.apiFetch(
      `/api/replies/${unsure.id}/retry`,
      { method: 'POST', body: JSON.stringify({ checkedNotPosted: true }) },
      agent.token,
    );
    expect(checked.status).toBe(200);
    await replyReaches(unsure.id, 'sent');
    const doubtfulExternal = await externalIdOf(doubtful);
    expect((await simReplies()).filter((r) => r.inReplyToTweetId === doubtfulExternal)).toHaveLength(1);

    // A 429 means nothing was posted: the reply waits for the reset and goes out by itself.
    const limited = await newMention(pipeline);
    await claim(limited, agent);
    await pipeline.fault('rate-limit', 1, 'x.reply');
    const waiting = (await (await sendReply(limited, agent, { text: 'Checking now.' }, newKey())).json()) as ReplyView;
    const sent = await replyReaches(waiting.id, 'sent');
    expect(sent.attempts).toBe(2);
    const limitedExternal = await externalIdOf(limited);
    expect((await simReplies()).filter((r) => r.inReplyToTweetId === limitedExternal)).toHaveLength(1);
    // Retrying a sent reply is a conflict.
    expect((await pipeline.apiFetch(`/api/replies/${waiting.id}/retry`, { method: 'POST' }, agent.token)).status).toBe(
      409,
    );
  });

  it('never posts twice when the worker dies mid-post: the reply stops for a person, outcome unknown', async () => {
    const mentionId = await newMention(pipeline);
    await claim(mentionId, agent);
    await pipeline.fault('slow', 1, 'x.reply');
    const pending = (await (
      await sendReply(mentionId, agent, { text: 'Looking into it.' }, newKey())
    ).json()) as ReplyView;
    // The platform has the post but has not answered yet: the worker dies waiting for the answer.
    const externalId = await externalIdOf(mentionId);
    await waitFor('the slow post on the platform', async () =>
      (await simReplies()).some((r) => r.inReplyToTweetId === externalId),
    );
    expect((await reply(pending.id)).status).toBe('sending');
    await pipeline.worker.kill();
    pipeline.worker = pipeline.newWorker().start();

    const stopped = await replyReaches(pending.id, 'failed');
    expect(stopped.outcomeUnknown).toBe(true);
    expect(stopped.failureReason).toMatch(/interrupted; check the platform/);
    // The restarted worker did not post again.
    expect((await simReplies()).filter((r) => r.inReplyToTweetId === externalId)).toHaveLength(1);
  });

  it('fills canned responses, which only managers write and whose unknown variables are refused', async () => {
    const template = {
      name: 'Known outage',
      body: 'Hi {{customer.name}}, sorry! We are fixing it: {{mention.url}} ^{{agent.name}}',
      platforms: ['x'],
    };
    const asAgent = await pipeline.apiFetch(
      '/api/canned-responses',
      { method: 'POST', body: JSON.stringify(template) },
      agent.token,
    );
    expect(asAgent.status).toBe(403);
    const bad = await pipeline.apiFetch(
      '/api/canned-responses',
      { method: 'POST', body: JSON.stringify({ ...template, body: 'Hi {{customer.nmae}}' }) },
      manager.token,
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/customer\.nmae/);
    const created = await pipeline.apiFetch(
      '/api/canned-responses',
      { method: 'POST', body: JSON.stringify(template) },
      manager.token,
    );
    expect(created.status).toBe(201);
    const canned = (await created.json()) as { id: string };
    const twin = await pipeline.apiFetch(
      '/api/canned-responses',
      { method: 'POST', body: JSON.stringify(template) },
      manager.token,
    );
    expect(twin.status).toBe(409);

    const mentionId = await newMention(pipeline, { authorName: 'Dana <b>Bold</b>' });
    await claim(mentionId, agent);
    const res = await sendReply(mentionId, agent, { cannedResponseId: canned.id }, newKey());
    expect(res.status).toBe(201);
    const [mention] = await query<{ url: string }>(TEST_DATABASE_URL, 'SELECT url FROM mentions WHERE id = $1', [
      mentionId,
    ]);
    expect(((await res.json()) as ReplyView).text).toBe(
      `Hi Dana <b>Bold</b>, sorry! We are fixing it: ${mention!.url} ^agent 1`,
    );
    const listed = (await (await pipeline.apiFetch('/api/canned-responses?platform=x', {}, agent.token)).json()) as {
      items: Array<{ id: string }>;
    };
    expect(listed.items.map((c) => c.id)).toContain(canned.id);
  });
});
