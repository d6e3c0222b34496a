import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { probeRedis } from './probes';

export interface PrivateRedisHandle {
  url: string;
  stop(): Promise<void>;
}

/** The first executable called `name` on `path`, like the shell's `command -v`. */
export function findExecutable(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/**
 * A redis-server of our own on a side port when none answers on the standard one. noeviction
 * because BullMQ loses jobs under any other policy; nothing written to disk, as it is a dev aid.
 */
export async function startPrivateRedis(
  executable: string,
  dataRoot: string,
  port: number,
): Promise<PrivateRedisHandle> {
  const dir = resolve(dataRoot, 'redis');
  mkdirSync(dir, { recursive: true });
  const child: ChildProcess = spawn(
    executable,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'noeviction',
      '--dir',
      dir,
    ],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 50; attempt++) {
    if ((await probeRedis(url, 500)).ok) {
      return {
        url,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      };
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not start on port ${port}`);
}
