import type { RawMention } from '@lp/domain';
import { type LinearModel } from '../linear-model';
import { TrainedScorer } from '../trained-scorer';
import { predictSentiment } from './evaluate';
import { type Example, UMSAB_LANGUAGES, type UmsabLanguage } from './labelled-data';
import { macroF1Classes } from './metrics';

/** Figures of the whole scorer (language detection, windows, model) as mentions get it. */

/**
 * UMSAB validation, per language, as the product reads it: the model with the data set's language
 * (`model`), and the full scorer with the language it detects itself (`product`), which is what a
 * mention without a platform language gets. English is TweetEval validation tweets (see
 * UMSAB_TRAINED_LANGUAGES); no language's validation tweets were trained on.
 */
export function umsabFigures(
  model: LinearModel,
  val: Record<UmsabLanguage, Example[]>,
): { perLanguage: Record<string, { model: number; product: number }>; meanModel: number; meanProduct: number } {
  const scorer = new TrainedScorer({ model });
  const label = { negative: 0, neutral: 1, positive: 2 } as const;
  const perLanguage: Record<string, { model: number; product: number }> = {};
  for (const [language, examples] of Object.entries(val)) {
    const gold = examples.map((e) => e.label);
    const viaModel = predictSentiment(model, examples);
    const viaProduct = examples.map((e) => label[scorer.score(mention(e.text, null)).sentiment]);
    perLanguage[UMSAB_LANGUAGES[language as UmsabLanguage]] = {
      model: round2(macroF1Classes(gold, viaModel)),
      product: round2(macroF1Classes(gold, viaProduct)),
    };
  }
  const scores = Object.values(perLanguage);
  return {
    perLanguage,
    meanModel: round2(scores.reduce((sum, s) => sum + s.model, 0) / scores.length),
    meanProduct: round2(scores.reduce((sum, s) => sum + s.product, 0) / scores.length),
  };
}

/**
 * The length check: TweetEval's neutral validation tweets, one at a time and joined eight at a time
 * into one post (in their file order), and the share of each scored negative by the full scorer.
 * A post should be scored as the post it is: the two shares should be close.
 */
export function lengthCheck(tweeteval: Example[]): { single: number; joinedEight: number; posts: number } {
  const scorer = new TrainedScorer();
  const neutral = tweeteval.filter((e) => e.label === 1).map((e) => e.text);
  const negativeShare = (texts: string[]) =>
    round2((100 * texts.filter((t) => scorer.score(mention(t, 'en')).sentiment === 'negative').length) / texts.length);
  const joined: string[] = [];
  for (let i = 0; i + 8 <= neutral.length; i += 8) joined.push(neutral.slice(i, i + 8).join(' '));
  return { single: negativeShare(neutral), joinedEight: negativeShare(joined), posts: joined.length };
}

const round2 = (v: number) => Number(v.toFixed(2));

function mention(text: string, platformLang: string | null): Pick<RawMention, 'text' | 'author' | 'platformLang'> {
  return {
    text,
    platformLang,
    author: { externalId: '1', handle: 'someone', name: 'Some One', followers: 120, verified: false },
  };
}
