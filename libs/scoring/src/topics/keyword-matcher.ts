import type { TopicRule } from '../topic-rules';
import type { WordRule } from './keyword-rules';

const isWordRule = (r: TopicRule): r is WordRule => Array.isArray((r as Partial<WordRule>).fragments);

/**
 * Tests an ordered rule list with one scan of the text instead of one per rule: the keyword rules'
 * fragments are folded into a single regex, one capture group per rule, run over the lower-cased
 * text; any other rule (a plain regex) is tested on its own, and only when it is reached.
 */
export class KeywordMatcher {
  private readonly combined: RegExp | null;
  private readonly groupRule: number[] = [];
  private readonly hit: Uint8Array;
  private readonly word: boolean[];

  constructor(readonly rules: readonly TopicRule[]) {
    this.word = rules.map(isWordRule);
    const groups: string[] = [];
    rules.forEach((r, i) => {
      if (!isWordRule(r)) return;
      groups.push(`(${r.fragments.join('|')})`);
      this.groupRule.push(i);
    });
    this.combined =
      groups.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${groups.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
    this.hit = new Uint8Array(rules.length);
  }

  /** Marks the keyword rules found in `lower` (the text, lower-cased); call before `matches`. */
  scan(lower: string): void {
    this.hit.fill(0);
    const re = this.combined;
    if (!re) return;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(lower)) !== null) {
      for (let g = 1; g < m.length; g++) {
        if (m[g] !== undefined) {
          this.hit[this.groupRule[g - 1]] = 1;
          break;
        }
      }
      if (m[0] === '') re.lastIndex++;
    }
  }

  /** Whether rule `i` matches: from the last scan for a keyword rule, else by testing `text`. */
  matches(i: number, text: string): boolean {
    return this.word[i] ? this.hit[i] === 1 : this.rules[i].pattern.test(text);
  }
}
