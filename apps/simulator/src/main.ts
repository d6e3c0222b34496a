import { loadConfig } from '@lp/config';
import { createLogger } from '@lp/logging';
import { createSimulator } from './simulator.app';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger('simulator', config.logLevel);
  const simulator = createSimulator({ rate: config.simulator.rate, xRateLimit: config.simulator.xRateLimit });
  const port = await simulator.listen(config.simulator.port, config.simulator.host);
  log.info({ port, rate: config.simulator.rate }, `simulator listening on http://${config.simulator.host}:${port}`);

  const shutdown = (signal: string) => {
    log.info({ signal }, 'simulator stopping');
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`simulator failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
