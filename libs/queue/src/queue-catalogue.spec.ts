import { createHash } from 'node:crypto';
import { ingestJobId } from './queue-catalogue';

describe('ingestJobId', () => {
  it('keeps plain ids readable', () => {
    expect(ingestJobId('x', '1790000000000000001')).toBe('x-1790000000000000001');
    expect(ingestJobId('youtube', 'dQw4w9WgXcQ')).toBe('youtube-dQw4w9WgXcQ');
    expect(ingestJobId('facebook', '123_456.7-8')).toBe('facebook-123_456.7-8');
  });

  it('hashes ids with unsafe characters', () => {
    const url = 'https://example.com/blog/post?id=1#top';
    const id = ingestJobId('feed', url);
    expect(id).toBe(`feed-~${createHash('sha256').update(url).digest('base64url')}`);
    expect(id).toMatch(/^feed-~[A-Za-z0-9_-]{43}$/);
    expect(id).not.toContain('example.com');
    expect(ingestJobId('x', 'abc:def')).toMatch(/^x-~[A-Za-z0-9_-]{43}$/);
  });

  it('hashes ids that are empty or longer than 200 characters', () => {
    expect(ingestJobId('feed', '')).toMatch(/^feed-~[A-Za-z0-9_-]{43}$/);
    expect(ingestJobId('feed', 'a'.repeat(200))).toBe(`feed-${'a'.repeat(200)}`);
    expect(ingestJobId('feed', 'a'.repeat(201))).toMatch(/^feed-~[A-Za-z0-9_-]{43}$/);
  });

  it('never lets a plain id collide with a hashed one', () => {
    const url = 'https://a/b';
    const hashedBody = ingestJobId('feed', url).slice('feed-~'.length);
    // A crafted plain id that spells out the hash must not alias the hashed id.
    expect(ingestJobId('feed', `h${hashedBody}`)).not.toBe(ingestJobId('feed', url));
    expect(ingestJobId('feed', `~${hashedBody}`)).not.toBe(ingestJobId('feed', url));
  });

  it('is deterministic', () => {
    const url = 'tag:example.com,2025:post/42';
    expect(ingestJobId('feed', url)).toBe(ingestJobId('feed', url));
  });

  it('never contains ":" (BullMQ refuses it)', () => {
    const samples = ['1', 'a:b', '::', 'https://x.com/a/status/1', 'urn:uuid:1234', 'tag:a,2025:b', ' spaced ', 'é'];
    for (const platform of ['x', 'facebook', 'youtube', 'feed'] as const) {
      for (const s of samples) expect(ingestJobId(platform, s)).not.toContain(':');
    }
  });

  it('gives different ids different job ids across a sample', () => {
    const ids: string[] = [];
    for (let i = 0; i < 500; i++) {
      ids.push(String(1_790_000_000_000_000_000n + BigInt(i)));
      ids.push(`https://example.com/posts/${i}`);
      ids.push(`https://example.com/posts/${i}?utm=x`);
      ids.push(`urn:item:${i}`);
    }
    const jobIds = ids.map((id) => ingestJobId('feed', id));
    expect(new Set(jobIds).size).toBe(ids.length);
  });

  it('keeps the same external id apart across platforms', () => {
    expect(ingestJobId('x', '42')).not.toBe(ingestJobId('facebook', '42'));
    expect(ingestJobId('feed', 'https://a/b')).not.toBe(ingestJobId('youtube', 'https://a/b'));
  });
});
