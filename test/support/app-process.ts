import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export type AppName = 'api' | 'worker' | 'simulator';

/**
 * One of the built apps running as a real child process, as in production. Its output is kept
 * so tests can assert on what it logged.
 */
export class AppProcess {
  readonly output: string[] = [];
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> | undefined;

  constructor(
    readonly name: AppName,
    private readonly env: Record<string, string>,
  ) {}

  start(): this {
    const entry = resolve(ROOT, `apps/${this.name}/dist/main.js`);
    if (!existsSync(entry))
      throw new Error(`${entry} is missing: run "npm run build:server" before the integration tests`);
    const child = spawn(process.execPath, [entry], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => this.output.push(...chunk.split('\n').filter(Boolean)));
    }
    this.exited = new Promise((done) => child.once('exit', (code) => done(code)));
    this.child = child;
    return this;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Graceful stop (SIGTERM), as an orchestrator does. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.child?.kill('SIGTERM');
    await this.exited;
  }

  /** Abrupt death (SIGKILL): no shutdown hooks run, as when a machine dies. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  logged(pattern: RegExp): string[] {
    return this.output.filter((line) => pattern.test(line));
  }
}
