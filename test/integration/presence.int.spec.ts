import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, MentionPresence, RealtimeEvent, ServerToClientEvents } from '@lp/events';
import { createUser, newMention } from '../support/actors';
import { usePipelineWithClient } from '../support/pipeline';
import { query, TEST_DATABASE_URL } from '../support/services';
import { waitFor } from '../support/wait';

type ScreenSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('presence: who views and who types on a mention, live for everyone', () => {
  const { pipeline, client } = usePipelineWithClient({ suite: 'presence', env: { CLAIM_LEASE_S: '20' } });
  const sockets: ScreenSocket[] = [];
  afterAll(() => sockets.forEach((s) => s.close()));

  const connect = async (token: string) => {
    const socket: ScreenSocket = io(pipeline.apiUrl, { transports: ['websocket'], auth: { token } });
    sockets.push(socket);
    await waitFor('socket connection', () => socket.connected, 10_000);
    return socket;
  };
  const latestPresence = (mentionId: string): MentionPresence | undefined =>
    client()
      .events.filter((e): e is Extract<RealtimeEvent, { type: 'presence.changed' }> => e.type === 'presence.changed')
      .filter((e) => e.payload.mentionId === mentionId)
      .at(-1)?.payload;

  it('shows viewers and typers to other screens, renews the holder’s lease while typing, and drops a closed screen', async () => {
    const [ana, ben] = [await createUser(pipeline, 'ana'), await createUser(pipeline, 'ben')];
    const mentionId = await newMention(pipeline);
    expect((await pipeline.apiFetch(`/api/mentions/${mentionId}/claim`, { method: 'POST' }, ana.token)).status).toBe(
      200,
    );
    const [anaScreen, benScreen] = [await connect(ana.token), await connect(ben.token)];

    anaScreen.emit('presence', { mentionId, typing: false });
    benScreen.emit('presence', { mentionId, typing: false });
    await waitFor('both viewers', () => latestPresence(mentionId)?.viewers.length === 2);
    expect(latestPresence(mentionId)!.viewers).toEqual([
      { userId: ana.id, name: ana.name, typing: false },
      { userId: ben.id, name: ben.name, typing: false },
    ]);

    const leaseBefore = await leaseOf(mentionId);
    await new Promise((r) => setTimeout(r, 1_100));
    anaScreen.emit('presence', { mentionId, typing: true });
    await waitFor('ana typing', () => latestPresence(mentionId)?.viewers.find((v) => v.userId === ana.id)?.typing);
    await waitFor('lease renewed by typing', async () => (await leaseOf(mentionId)) > leaseBefore, 5_000);

    // Junk is ignored, not trusted.
    (benScreen.emit as (event: string, body: unknown) => void)('presence', { mentionId: 'not-a-uuid', typing: 1 });
    benScreen.close();
    await waitFor('ben gone', () => latestPresence(mentionId)?.viewers.every((v) => v.userId !== ben.id));
    expect(latestPresence(mentionId)!.viewers).toEqual([{ userId: ana.id, name: ana.name, typing: true }]);

    anaScreen.emit('presence', { mentionId: null, typing: false });
    await waitFor('nobody viewing', () => latestPresence(mentionId)?.viewers.length === 0);
  });

  it('refuses a socket without a valid token', async () => {
    const socket: ScreenSocket = io(pipeline.apiUrl, { transports: ['websocket'], auth: { token: 'forged' } });
    sockets.push(socket);
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(error.message).toBe('unauthorized');
  });
});

async function leaseOf(mentionId: string): Promise<number> {
  const [row] = await query<{ claim_expires_at: Date }>(
    TEST_DATABASE_URL,
    'SELECT claim_expires_at FROM mentions WHERE id = $1',
    [mentionId],
  );
  return new Date(row!.claim_expires_at).getTime();
}
