import { createInterface } from 'node:readline';
import { TrainedScorer } from '../libs/scoring/src/trained-scorer';

/**
 * `npm run -s score`: one mention text per line on stdin, one JSON object per line on stdout
 * (sentiment, sentimentScore, complaint, urgency, urgencyLevel, topic, lang, reasons). Language is
 * detected from the text; the author is unknown (no reach points). Streams: output is flushed every
 * few hundred lines and waits for stdout to drain.
 */
const FLUSH_EVERY = 500;
const AUTHOR = { externalId: '', handle: '', name: '', followers: 0, verified: false };

async function main(): Promise<void> {
  const scorer = new TrainedScorer();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let buffer: string[] = [];
  const flush = async () => {
    if (buffer.length === 0) return;
    const chunk = buffer.join('');
    buffer = [];
    if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  };
  for await (const text of lines) {
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
