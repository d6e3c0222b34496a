import { TrainedScorer } from '../libs/scoring/src/trained-scorer';
import { lfLines } from './lib/lf-lines';

/**
 * `npm run -s score`: one mention text per line on stdin (lines end at a line feed only: a carriage
 * return inside a post stays in it), one JSON object per line on stdout
 * (sentiment, sentimentScore, complaint, urgency, urgencyLevel, topic, lang, reasons). Language is
 * detected from the text; the author is unknown (no reach points). Streams: output is flushed every
 * few hundred lines and waits for stdout to drain.
 */
const FLUSH_EVERY = 500;
const AUTHOR = { externalId: '', handle: '', name: '', followers: 0, verified: false };

async function main(): Promise<void> {
  const scorer = new TrainedScorer();
  let buffer: string[] = [];
  const flush = async () => {
    if (buffer.length === 0) return;
    const chunk = buffer.join('');
    buffer = [];
    if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  };
  for await (const text of lfLines(process.stdin)) {
    const s = scorer.score({ text, author: AUTHOR, platformLang: null });
    buffer.push(
      `${JSON.stringify({
        sentiment: s.sentiment,
        sentimentScore: s.sentimentScore,
        complaint: s.complaint,
        urgency: s.urgency,
        urgencyLevel: s.urgencyLevel,
        topic: s.topic,
        lang: s.lang,
        reasons: s.reasons,
      })}\n`,
    );
    if (buffer.length >= FLUSH_EVERY) await flush();
  }
  await flush();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
