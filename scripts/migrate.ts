import 'dotenv/config';
import { loadConfig } from '@lp/config';
import { runMigrations } from '@lp/persistence';
import { ensureDatabase } from './lib/database';

/** `npm run migrate`: creates the database if needed and applies pending migrations. */
async function main(): Promise<void> {
  const { database } = loadConfig();
  if (await ensureDatabase(database.url)) console.log('created database');
  const ran = await runMigrations(database.url);
  console.log(ran.length ? `applied ${ran.join(', ')}` : 'schema up to date');
}

main().catch((error: unknown) => {
  console.error(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
