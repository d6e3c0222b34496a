import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

// Deletes the key only if we still hold it, so an expired lock taken over by another worker is left alone.
const RELEASE_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * Elects one poller per source across all workers: the worker that sets the key polls, the others
 * skip. The TTL bounds how long a crashed worker can keep a source from being polled.
 */
export class PollLock {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async acquire(name: string, ttlMs: number): Promise<(() => Promise<void>) | undefined> {
    const key = `${this.prefix}:lock:${name}`;
    const token = randomUUID();
    const ok = await this.redis.set(key, token, 'PX', ttlMs, 'NX');
    if (ok !== 'OK') return undefined;
    return async () => {
      await this.redis.eval(RELEASE_SCRIPT, 1, key, token);
    };
  }
}
