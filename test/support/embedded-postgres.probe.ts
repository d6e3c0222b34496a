import { resolvePrerequisites, type PrerequisiteDefaults } from '../../scripts/lib/prerequisites';
import { probePostgres } from '../../scripts/lib/probes';

/**
 * Run by the launcher test with tsx: resolves prerequisites with DATABASE_URL unset and nothing on
 * the default port, connects to whatever was started, stops it, and prints a JSON report.
 */
async function main(): Promise<void> {
  const defaults = JSON.parse(process.argv[2] ?? '{}') as PrerequisiteDefaults;
  const result = await resolvePrerequisites({
    env: { REDIS_URL: 'redis://127.0.0.1:6379' },
    defaults,
    allowFallbacks: true,
  });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  try {
    const probe = await probePostgres(result.services.databaseUrl);
    console.log(
      JSON.stringify({
        databaseUrl: result.services.databaseUrl,
        probe,
        started: result.services.started.map((s) => s.what),
      }),
    );
  } finally {
    for (const s of result.services.started) await s.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
