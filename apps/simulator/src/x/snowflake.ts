/** Twitter's epoch (2010-11-04), from which snowflake ids count milliseconds. */
const TWITTER_EPOCH = 1_288_834_974_657n;

/**
 * Issues ids shaped like X's snowflakes (time in the high bits), strictly increasing, so
 * `since_id` and newest-first ordering behave as they do on the real API.
 */
export class SnowflakeGenerator {
  private last = 0n;

  next(now = Date.now()): string {
    let id = (BigInt(now) - TWITTER_EPOCH) << 22n;
    if (id <= this.last) id = this.last + 1n;
    this.last = id;
    return id.toString();
  }
}
