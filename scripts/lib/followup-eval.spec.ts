import { airlineSet, evaluate, LABELLED_DIR, simulatorSet } from './followup-eval';

describe('follow-up classifier evaluation', () => {
  it('classifies the simulator phrasing with high precision for confirmed and failed', () => {
    const report = evaluate(simulatorSet());
    expect(report.n).toBeGreaterThan(60);
    expect(report.confirmed.precision).toBeGreaterThanOrEqual(0.9);
    expect(report.failed.precision).toBeGreaterThanOrEqual(0.9);
    expect(report.confirmed.recall).toBeGreaterThanOrEqual(0.8);
    expect(report.failed.recall).toBeGreaterThanOrEqual(0.8);
  });

  const airline = airlineSet();
  // ../shared/data/labelled is not part of a clone: say so instead of failing.
  (airline ? it : it.skip)(
    airline ? 'beats chance on held-out airline reactions' : `skipped: labelled data not found at ${LABELLED_DIR}`,
    () => {
      const report = evaluate(airline!);
      expect(report.n).toBeGreaterThan(100);
      expect(report.confirmed.precision).toBeGreaterThan(0.5);
      expect(report.failed.precision).toBeGreaterThan(0.5);
    },
  );
});
