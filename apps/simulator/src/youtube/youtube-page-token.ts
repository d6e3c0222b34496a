/**
 * Opaque page tokens carrying the position of the last item served (so items arriving meanwhile do not
 * shift pages) and a generation, so a test can make every outstanding token invalid, as YouTube's expire.
 */
export class PageTokens {
  private generation = 1;

  encode(resource: string, beforeSeq: number): string {
    return Buffer.from(`${resource}:${this.generation}:${beforeSeq}`).toString('base64url');
  }

  /** The position a token stands for, or undefined when it is malformed, stale or for another resource. */
  decode(resource: string, token: string): number | undefined {
    const match = /^([a-zA-Z]+):(\d+):(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
    if (!match || match[1] !== resource || Number(match[2]) !== this.generation) return undefined;
    return Number(match[3]);
  }

  expireAll(): void {
    this.generation += 1;
  }
}
