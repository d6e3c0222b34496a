import { airlineSet, evaluate, LABELLED_DIR, simulatorSet } from './lib/followup-eval';

/**
 * `npm run eval:followups`: precision and recall per class (confirmed, failed, unclear) of the
 * follow-up classifier, on the simulator's phrasing and on held-out airline reactions from
 * ../shared/data/labelled (read, never copied). Without that folder only the first is measured.
 */
function main(): void {
  const simulator = simulatorSet();
  const airline = airlineSet();
  const figures: Record<string, unknown> = { simulatorPhrasing: evaluate(simulator) };
  if (airline) {
    figures.airlineHeldOutReactions = evaluate(airline);
    figures.combined = evaluate([...simulator, ...airline]);
  } else {
    figures.airlineHeldOutReactions = `skipped: ${LABELLED_DIR} not found`;
  }
  console.log(JSON.stringify(figures, null, 2));
}

main();
