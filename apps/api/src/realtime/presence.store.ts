import type { Redis } from 'ioredis';
import { PRESENCE_TTL_MS, type PresenceViewer } from '@lp/events';

interface Entry extends PresenceViewer {
  expiresAt: number;
}

/**
 * Who has which mention open, kept in Redis so every api node sees every screen. One hash per
 * mention, a field per socket; an entry lives PRESENCE_TTL_MS unless its screen repeats it, so a
 * screen whose api node died drops out by itself.
 */
export class PresenceStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlMs = PRESENCE_TTL_MS,
  ) {}

  async set(mentionId: string, socketId: string, viewer: PresenceViewer, now = Date.now()): Promise<PresenceViewer[]> {
    const key = this.key(mentionId);
    const entry: Entry = { ...viewer, expiresAt: now + this.ttlMs };
    await this.redis.multi().hset(key, socketId, JSON.stringify(entry)).pexpire(key, this.ttlMs).exec();
    return this.viewers(mentionId, now);
  }

  async remove(mentionId: string, socketId: string, now = Date.now()): Promise<PresenceViewer[]> {
    await this.redis.hdel(this.key(mentionId), socketId);
    return this.viewers(mentionId, now);
  }

  /** One line per person (several tabs of one person count once; typing in any of them counts). */
  async viewers(mentionId: string, now = Date.now()): Promise<PresenceViewer[]> {
    const key = this.key(mentionId);
    const fields = await this.redis.hgetall(key);
    const byUser = new Map<string, PresenceViewer>();
    const expired: string[] = [];
    for (const [socketId, raw] of Object.entries(fields)) {
      const entry = parseEntry(raw);
      if (!entry || entry.expiresAt <= now) {
        expired.push(socketId);
        continue;
      }
      const seen = byUser.get(entry.userId);
      byUser.set(entry.userId, {
        userId: entry.userId,
        name: entry.name,
        typing: entry.typing || (seen?.typing ?? false),
      });
    }
    if (expired.length > 0) await this.redis.hdel(key, ...expired);
    return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  private key(mentionId: string): string {
    return `${this.prefix}:presence:${mentionId}`;
  }
}

function parseEntry(raw: string): Entry | undefined {
  try {
    const value = JSON.parse(raw) as Partial<Entry>;
    return typeof value.userId === 'string' && typeof value.expiresAt === 'number' ? (value as Entry) : undefined;
  } catch {
    return undefined;
  }
}
