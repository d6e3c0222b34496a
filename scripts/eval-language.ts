import { resolve } from 'node:path';
import { evalLanguageId, missingLanguageFiles } from '../libs/scoring/src/training/evaluate-language';

/** `npx tsx scripts/eval-language.ts`: language-identification accuracy on UMSAB validation tweets. */
const LABELLED_DIR = resolve(__dirname, '../../shared/data/labelled');
const missing = missingLanguageFiles(LABELLED_DIR);
if (missing.length > 0) {
  console.error(`../shared/data/labelled not found or incomplete at ${LABELLED_DIR}: missing ${missing.join(', ')}`);
  process.exit(1);
}
console.log(JSON.stringify(evalLanguageId(LABELLED_DIR)));
