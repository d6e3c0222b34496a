import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ChatterStream } from './chatter/chatter-stream';
import { MentionGenerator } from './chatter/mention-generator';
import { controlRouter } from './control.route';
import { FaultInjector } from './faults';
import { TweetStore } from './x/tweet-store';

describe('POST /__sim/mentions', () => {
  let server: http.Server;
  let base: string;
  const store = new TweetStore();

  beforeAll(async () => {
    const app = express();
    const chatter = new ChatterStream(new MentionGenerator(9), store, 0);
    app.use(controlRouter({ chatter, faults: new FaultInjector(), reset: () => undefined, state: () => ({}) }));
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const emit = (body: object) =>
    fetch(`${base}/__sim/mentions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const post = (id: string) => store.search({ maxResults: 100 }).tweets.find((t) => t.id === id)!.post;

  it('stamps the language and author reach it is given', async () => {
    const res = await emit({ text: 'el servicio se cayó otra vez', lang: 'es', followers: 250_000, verified: true });
    expect(res.status).toBe(201);
    const { firstId } = (await res.json()) as { firstId: string };
    expect(post(firstId)).toMatchObject({
      text: 'el servicio se cayó otra vez',
      lang: 'es',
      author: { followers: 250_000, verified: true },
    });
  });

  it("stamps scripted text without a language 'und', generated text 'en'", async () => {
    const scripted = (await (await emit({ text: 'hola' })).json()) as { firstId: string };
    expect(post(scripted.firstId).lang).toBe('und');
    const generated = (await (await emit({ mood: 'complaint' })).json()) as { firstId: string };
    expect(post(generated.firstId).lang).toBe('en');
    for (const lang of ['pt-BR', 'zh-Hant', 'und', 'nl']) expect((await emit({ text: 'x', lang })).status).toBe(201);
  });

  it.each([
    [{ lang: 'e' }, 'lang'],
    [{ lang: 'spanish-language' }, 'lang'],
    [{ lang: 'es_ES' }, 'lang'],
    [{ lang: 'e1' }, 'lang'],
    [{ lang: '-es' }, 'lang'],
    [{ lang: 12 }, 'lang'],
    [{ followers: -1 }, 'followers'],
    [{ followers: 1.5 }, 'followers'],
    [{ followers: '250000' }, 'followers'],
    [{ verified: 'yes' }, 'verified'],
  ])('refuses %j with a 400 naming %s', async (body, field) => {
    const res = await emit(body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { field: string }).field).toBe(field);
  });
});
