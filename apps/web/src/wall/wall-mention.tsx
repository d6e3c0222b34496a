import { memo } from 'react';
import type { MentionView } from '@lp/domain';
import { LanguageBadge } from '../components/language-badge';
import { PLATFORM_LABEL, secondsSince, shortDuration } from './data/format';
import { shownAuthor, shownClaim, shownText } from './data/privacy';

interface WallMentionProps {
  mention: MentionView;
  now: number;
  privateMode: boolean;
  /** "waiting 4m" for the queue; "4m ago" for the stream. */
  age: 'waiting' | 'ago';
}

/** A mention in big type. Text and names are React text nodes only, never HTML. */
export const WallMention = memo(function WallMention({ mention, now, privateMode, age }: WallMentionProps) {
  const author = shownAuthor(mention, privateMode);
  const claim = shownClaim(mention, privateMode);
  const seconds = shortDuration(secondsSince(mention.postedAt, now));
  return (
    <div className={`wall-mention urgency-${mention.urgencyLevel}`}>
      <div className="wall-mention-meta">
        <span className={`platform platform-${mention.platform}`}>{PLATFORM_LABEL[mention.platform]}</span>
        <LanguageBadge lang={mention.lang} />
        <span className="author-name">{author.name}</span>
        {author.handle !== null && <span className="author-handle">@{author.handle}</span>}
        <span className={`wall-chip level-${mention.urgencyLevel}`}>{mention.urgencyLevel}</span>
        {claim && <span className="wall-chip claimed">{claim}</span>}
        <time dateTime={mention.postedAt}>{age === 'waiting' ? `waiting ${seconds}` : `${seconds} ago`}</time>
      </div>
      <p className="mention-text">{shownText(mention, privateMode)}</p>
    </div>
  );
});
