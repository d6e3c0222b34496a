import { resolve } from 'node:path';
import { LinearModel } from '../linear-model';
import { evalComplaint, evalSentiment } from './evaluate';
import {
  AIRLINE_HELD_OUT_PERCENT,
  COMPLAINTS_HELD_OUT_PERCENT,
  isHeldOut,
  loadAirline,
  loadComplaints,
  loadTweetEval,
  loadUmsab,
  missingFiles,
  parseCsv,
  UMSAB_LANGUAGES,
  type UmsabLanguage,
} from './labelled-data';
import { lengthCheck, umsabFigures } from './evaluate-product';
import { f1, macroF1, macroRecall, rocAuc } from './metrics';

const LABELLED_DIR = resolve(__dirname, '../../../../../shared/data/labelled');
const missing = missingFiles(LABELLED_DIR);

describe('parseCsv', () => {
  it('handles quotes, doubled quotes and newlines inside fields', () => {
    expect(parseCsv('a,b\n1,"x, ""y""\nz"\r\n2,w')).toEqual([
      ['a', 'b'],
      ['1', 'x, "y"\nz'],
      ['2', 'w'],
    ]);
  });
});

describe('metrics', () => {
  it('computes macro recall, F1 and ROC-AUC', () => {
    expect(macroRecall([0, 1, 2, 2], [0, 1, 2, 0])).toBeCloseTo(((1 + 1 + 0.5) / 3) * 100);
    expect(f1([1, 1, 0, 0], [1, 0, 1, 0])).toBeCloseTo(0.5);
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.75);
  });

  it('computes macro-F1 as the complaint benchmark does: calling nothing a complaint scores 39.1 there', () => {
    // The benchmark's data: 64.2% not complaints. F1 of that class 2(.642)/(1.642) = .782; complaints 0.
    const gold = Array.from({ length: 1000 }, (_, i) => (i < 642 ? 0 : 1));
    expect(
      macroF1(
        gold,
        gold.map(() => 0),
      ),
    ).toBeCloseTo(0.391, 3);
    expect(macroF1([1, 1, 0, 0], [1, 0, 1, 0])).toBeCloseTo(0.5);
  });
});

if (missing.length > 0) {
  describe('labelled data', () => {
    it('is absent: the data checks need ../shared/data/labelled', () => {
      console.warn(`../shared/data/labelled not found: ${LABELLED_DIR} (missing ${missing.join(', ')})`);
      expect(missing.length).toBeGreaterThan(0);
    });
  });
} else {
  describe('labelled data and the committed weights', () => {
    const airline = loadAirline(LABELLED_DIR);
    const complaints = loadComplaints(LABELLED_DIR);

    it('loads every labelled row', () => {
      expect(airline.length).toBeGreaterThan(11_000);
      expect(complaints.length).toBeGreaterThan(2_000);
      expect(loadTweetEval(LABELLED_DIR)).toHaveLength(2_000);
    });

    it('holds out about the intended share, by id', () => {
      const share = airline.filter((e) => isHeldOut(e.id, AIRLINE_HELD_OUT_PERCENT)).length / airline.length;
      expect(share).toBeGreaterThan(0.12);
      expect(share).toBeLessThan(0.18);
    });

    it('keeps the measured airline and complaint figures on the held-out parts', () => {
      const model = LinearModel.load();
      const air = evalSentiment(
        model,
        airline.filter((e) => isHeldOut(e.id, AIRLINE_HELD_OUT_PERCENT)),
      );
      const comp = evalComplaint(
        model,
        complaints.filter((e) => isHeldOut(e.id, COMPLAINTS_HELD_OUT_PERCENT)),
      );
      // The committed weights measure 79.33: the support domain did not pay for the general one.
      expect(air.macroRecall).toBeGreaterThanOrEqual(79);
      // Macro-F1, the published benchmark's measure (its majority baseline scores 39.1): 0.8106 now.
      expect(comp.macroF1).toBeGreaterThanOrEqual(0.8);
      expect(comp.rocAuc).toBeGreaterThan(0.89);
    });

    it('reads general tweets (TweetEval validation, never trained on) as well as the published baselines', () => {
      // 68.94 with the SemEval tweets in training; 60.3 when only airline tweets were.
      expect(evalSentiment(LinearModel.load(), loadTweetEval(LABELLED_DIR)).macroRecall).toBeGreaterThanOrEqual(66);
    });

    it('scores tweets in the languages it covers (UMSAB validation, never trained on)', () => {
      const val = Object.fromEntries(
        (Object.keys(UMSAB_LANGUAGES) as UmsabLanguage[]).map((l) => [l, loadUmsab(LABELLED_DIR, l, 'val')]),
      ) as Record<UmsabLanguage, ReturnType<typeof loadUmsab>>;
      const figures = umsabFigures(LinearModel.load(), val);
      // 58.08 (the target is 60); romanised Hindi is the weak one at 32.9.
      expect(figures.meanModel).toBeGreaterThanOrEqual(57.5);
      for (const lang of ['ar', 'en', 'fr', 'de', 'it', 'pt', 'es']) {
        expect(figures.perLanguage[lang].model).toBeGreaterThanOrEqual(55);
      }
    });

    it('scores eight neutral tweets joined into one post about as it scores them one by one', () => {
      const { single, joinedEight } = lengthCheck(loadTweetEval(LABELLED_DIR));
      // 18.5% negative one by one, 9.3% joined (before windows: 40 and 90).
      expect(Math.abs(single - joinedEight)).toBeLessThanOrEqual(10);
    });
  });
}
