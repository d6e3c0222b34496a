import { ago, fixtureMention, T0 } from './mention-fixture';
import { sentimentGauge } from './sentiment-gauge';

const options = { windowMs: 15 * 60_000, baselineMs: 60 * 60_000, minCount: 2 };

describe('sentimentGauge', () => {
  it('compares the last 15 minutes with the hour before, and ignores older and future mentions', () => {
    const mentions = [
      fixtureMention({ id: 'future', postedAt: ago(-2), sentimentScore: 1, sentiment: 'positive' }),
      fixtureMention({ id: 'r1', postedAt: ago(1), sentimentScore: -0.8, sentiment: 'negative' }),
      fixtureMention({ id: 'r2', postedAt: ago(14), sentimentScore: -0.4, sentiment: 'negative' }),
      fixtureMention({ id: 'u1', postedAt: ago(20), sentimentScore: 0.2, sentiment: 'positive' }),
      fixtureMention({ id: 'u2', postedAt: ago(70), sentimentScore: -0.2, sentiment: 'negative' }),
      fixtureMention({ id: 'old', postedAt: ago(80), sentimentScore: -1, sentiment: 'negative' }),
    ];
    const gauge = sentimentGauge(mentions, T0, options);
    expect(gauge.recent).toEqual({ count: 2, mean: expect.closeTo(-0.6) as number, negativeShare: 1 });
    expect(gauge.usual).toEqual({ count: 2, mean: expect.closeTo(0) as number, negativeShare: 0.5 });
    expect(gauge.trend).toBe('worse');
  });

  it('says nothing about a trend without enough mentions on both sides', () => {
    const gauge = sentimentGauge([fixtureMention({ id: 'r1', postedAt: ago(1) })], T0, options);
    expect(gauge.recent.count).toBe(1);
    expect(gauge.usual).toEqual({ count: 0, mean: null, negativeShare: null });
    expect(gauge.trend).toBe('unknown');
  });

  it('calls a small change steady', () => {
    const mentions = [
      fixtureMention({ id: 'r1', postedAt: ago(1), sentimentScore: 0.1 }),
      fixtureMention({ id: 'r2', postedAt: ago(2), sentimentScore: 0.1 }),
      fixtureMention({ id: 'u1', postedAt: ago(30), sentimentScore: 0.05 }),
      fixtureMention({ id: 'u2', postedAt: ago(31), sentimentScore: 0.05 }),
    ];
    expect(sentimentGauge(mentions, T0, options).trend).toBe('steady');
  });
});
