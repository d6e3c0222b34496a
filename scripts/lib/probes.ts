import net from 'node:net';
import { Client } from 'pg';
import { Redis } from 'ioredis';

export type Probe = { ok: true } | { ok: false; reason: string };

/** Connects and runs a trivial query, so "reachable" also means "accepts our credentials". */
export async function probePostgres(url: string, timeoutMs = 3_000): Promise<Probe> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: describe(error) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function probeRedis(url: string, timeoutMs = 3_000): Promise<Probe> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // ioredis reports the socket's error on the emitter and rejects connect() with a generic one.
  let socketError: unknown;
  redis.on('error', (error) => (socketError ??= error));
  try {
    await redis.connect();
    await redis.ping();
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: describe(socketError ?? error) };
  } finally {
    redis.disconnect();
  }
}

export function portIsFree(port: number, host = '0.0.0.0'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message;
  return String(error);
}
