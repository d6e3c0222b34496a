import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

// Both act only if we still hold the lock, so a lock that expired and was taken over is left alone.
const RELEASE_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

export interface HeldLock {
  /** Pushes the expiry out by the lock's TTL again; false if the lock was lost. */
  extend(): Promise<boolean>;
  release(): Promise<void>;
}

/**
 * Elects one poller per source across all workers: the worker that sets the key polls, the others
 * skip. The TTL bounds how long a crashed worker can keep a source from being polled.
 */
export class PollLock {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async acquire(name: string, ttlMs: number): Promise<HeldLock | undefined> {
    const key = `${this.prefix}:lock:${name}`;
    const token = randomUUID();
    const ok = await this.redis.set(key, token, 'PX', ttlMs, 'NX');
    if (ok !== 'OK') return undefined;
    return {
      extend: async () => (await this.redis.eval(EXTEND_SCRIPT, 1, key, token, ttlMs)) === 1,
      release: async () => {
        await this.redis.eval(RELEASE_SCRIPT, 1, key, token);
      },
    };
  }
}
