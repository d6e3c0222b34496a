import { createHmac } from 'node:crypto';
import { ConnectorPayloadError } from '../shared/connector-errors';
import { parseFeedWebhook, verifyWebhookChallenge, verifyWebhookSignature } from './facebook-webhook';

const PAGE_ID = '448000000000001';

/** The comment delivery of docs/platform-apis.md §2.7. */
const DOC_SAMPLE = {
  object: 'page',
  entry: [
    {
      id: '448000000000001',
      time: 1742667607,
      changes: [
        {
          field: 'feed',
          value: {
            item: 'comment',
            verb: 'add',
            comment_id: '1221_9991',
            post_id: '448000000000001_1221',
            parent_id: '448000000000001_1221',
            message: 'is this in stock?',
            created_time: 1742667604,
            from: { id: '555', name: 'Some Person' },
            post: {
              id: '448000000000001_1221',
              status_type: 'mobile_status_update',
              is_published: true,
              updated_time: '2025-03-22T18:20:04+0000',
              promotion_status: 'inactive',
            },
          },
        },
      ],
    },
  ],
};

function change(value: Record<string, unknown>) {
  return { object: 'page', entry: [{ id: PAGE_ID, time: 1, changes: [{ field: 'feed', value }] }] };
}

describe('verifyWebhookChallenge', () => {
  const query = { 'hub.mode': 'subscribe', 'hub.verify_token': 'let-me-in', 'hub.challenge': '1158201444' };

  it('echoes the challenge when the mode and token match', () => {
    expect(verifyWebhookChallenge(query, 'let-me-in')).toBe('1158201444');
  });

  it.each([
    ['a wrong token', { ...query, 'hub.verify_token': 'let-me-out' }],
    ['a longer token', { ...query, 'hub.verify_token': 'let-me-in-please' }],
    ['another mode', { ...query, 'hub.mode': 'unsubscribe' }],
    ['no token', { 'hub.mode': 'subscribe', 'hub.challenge': '1' }],
    ['no challenge', { 'hub.mode': 'subscribe', 'hub.verify_token': 'let-me-in' }],
    ['a repeated parameter', { ...query, 'hub.verify_token': ['let-me-in', 'let-me-in'] }],
  ])('refuses %s', (_name, q) => {
    expect(verifyWebhookChallenge(q, 'let-me-in')).toBeNull();
  });

  it('refuses everything when no verify token is configured', () => {
    expect(verifyWebhookChallenge({ ...query, 'hub.verify_token': '' }, '')).toBeNull();
  });
});

describe('verifyWebhookSignature', () => {
  const secret = 'app-secret';
  const raw = Buffer.from(JSON.stringify(DOC_SAMPLE));
  const sign = (body: Buffer) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

  it('accepts the HMAC of the raw bytes', () => {
    expect(verifyWebhookSignature(raw, sign(raw), secret)).toBe(true);
    expect(verifyWebhookSignature(raw, sign(raw).replace('sha256=', 'SHA256=').toUpperCase(), secret)).toBe(true);
  });

  it('rejects a tampered body', () => {
    const tampered = Buffer.from(raw.toString().replace('in stock', 'on sale'));
    expect(verifyWebhookSignature(tampered, sign(raw), secret)).toBe(false);
  });

  it('rejects the right body signed with another secret', () => {
    const other = `sha256=${createHmac('sha256', 'other').update(raw).digest('hex')}`;
    expect(verifyWebhookSignature(raw, other, secret)).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['legacy sha1', `sha1=${createHmac('sha1', secret).update(raw).digest('hex')}`],
    ['truncated', sign(raw).slice(0, 40)],
    ['not hex', `sha256=${'z'.repeat(64)}`],
  ])('rejects a %s header', (_name, header) => {
    expect(verifyWebhookSignature(raw, header, secret)).toBe(false);
  });
});

describe('parseFeedWebhook', () => {
  it('maps the documented comment delivery', () => {
    expect(parseFeedWebhook(DOC_SAMPLE, 'fb-source', PAGE_ID)).toEqual([
      {
        platform: 'facebook',
        externalId: '1221_9991',
        sourceId: 'fb-source',
        text: 'is this in stock?',
        url: 'https://www.facebook.com/448000000000001/posts/1221?comment_id=1221_9991',
        platformLang: null,
        author: { externalId: '555', handle: '555', name: 'Some Person', followers: 0, verified: false },
        postedAt: new Date(1742667604 * 1000).toISOString(),
        metrics: { likes: 0, replies: 0, reposts: 0, quotes: 0 },
        inReplyToExternalId: '448000000000001_1221',
      },
    ]);
  });

  it('maps new posts and statuses by visitors', () => {
    const mentions = parseFeedWebhook(
      change({
        item: 'status',
        verb: 'add',
        post_id: '555_77',
        message: 'Acme router died',
        created_time: '2025-03-22T18:20:04+0000',
        from: { id: '555', name: 'Some Person' },
      }),
      null,
      PAGE_ID,
    );
    expect(mentions).toHaveLength(1);
    expect(mentions[0]).toMatchObject({
      externalId: '555_77',
      url: 'https://www.facebook.com/555/posts/77',
      postedAt: '2025-03-22T18:20:04.000Z',
      inReplyToExternalId: null,
    });
  });

  it('ignores edits, removals, reactions, other fields, other objects and the Page itself', () => {
    const base = { post_id: '1_2', created_time: 1, from: { id: '9' }, comment_id: '2_3' };
    expect(parseFeedWebhook(change({ ...base, item: 'comment', verb: 'edited' }), null, PAGE_ID)).toEqual([]);
    expect(parseFeedWebhook(change({ ...base, item: 'comment', verb: 'remove' }), null, PAGE_ID)).toEqual([]);
    expect(parseFeedWebhook(change({ item: 'reaction', verb: 'add', reaction_type: 'like' }), null, PAGE_ID)).toEqual(
      [],
    );
    expect(
      parseFeedWebhook(change({ ...base, item: 'comment', verb: 'add', from: { id: PAGE_ID } }), null, PAGE_ID),
    ).toEqual([]);
    const otherField = { object: 'page', entry: [{ id: PAGE_ID, changes: [{ field: 'mention', value: {} }] }] };
    expect(parseFeedWebhook(otherField, null, PAGE_ID)).toEqual([]);
    expect(parseFeedWebhook({ object: 'instagram', entry: [] }, null, PAGE_ID)).toEqual([]);
  });

  it.each([
    ['not an object', 'hello'],
    ['no entry list', { object: 'page' }],
    ['a change without item', change({ verb: 'add' })],
    ['a comment without comment_id', change({ item: 'comment', verb: 'add', post_id: '1_2', created_time: 1 })],
    ['a bad time', change({ item: 'post', verb: 'add', post_id: '1_2', created_time: 'yesterday' })],
  ])('throws ConnectorPayloadError on %s', (_name, body) => {
    expect(() => parseFeedWebhook(body, null, PAGE_ID)).toThrow(ConnectorPayloadError);
  });
});
