import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { prettyFactory } from 'pino-pretty';

export interface ServiceSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

const COLORS: Record<string, string> = { simulator: '35', api: '36', worker: '33' };
const prettify = prettyFactory({
  colorize: process.stdout.isTTY,
  ignore: 'pid,hostname,service,context,req,res',
  translateTime: 'HH:MM:ss',
});

/** Runs the services as one tree: prefixed output, and if one dies the rest are stopped too. */
export class Supervisor {
  private readonly children = new Map<string, ChildProcess>();
  private stopping = false;

  constructor(private readonly onUnexpectedExit: (name: string, code: number | null) => void) {}

  start(spec: ServiceSpec): void {
    const child = spawn(spec.command, spec.args, { env: spec.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.children.set(spec.name, child);
    const tag = process.stdout.isTTY ? `\u001b[${COLORS[spec.name] ?? '37'}m[${spec.name}]\u001b[0m` : `[${spec.name}]`;
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${tag} ${formatLine(line)}`));
    }
    child.once('exit', (code) => {
      this.children.delete(spec.name);
      if (!this.stopping) this.onUnexpectedExit(spec.name, code);
    });
  }

  /** SIGTERM to every child (they drain their queues), SIGKILL to any still running after the grace period. */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const exits = [...this.children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    );
    await Promise.all(exits);
  }
}

function formatLine(line: string): string {
  if (!line.startsWith('{')) return `${line}\n`;
  try {
    return prettify(line);
  } catch {
    return `${line}\n`;
  }
}
