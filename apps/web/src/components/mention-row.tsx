import { memo } from 'react';
import type { MentionView, Platform } from '@lp/domain';

const PLATFORM_LABEL: Record<Platform, string> = { x: 'X', facebook: 'Facebook', youtube: 'YouTube', feed: 'Web' };

function timeAgo(iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h ago`;
  return `${Math.floor(seconds / 86_400)}d ago`;
}

/** Mention text and names are rendered as React text nodes only: never as HTML. */
export const MentionRow = memo(function MentionRow({ mention, now }: { mention: MentionView; now: number }) {
  return (
    <li className={`mention urgency-${mention.urgencyLevel}`} data-testid="mention" data-mention-id={mention.id}>
      <div className="mention-meta">
        <span className={`platform platform-${mention.platform}`}>{PLATFORM_LABEL[mention.platform]}</span>
        <span className="author-name">{mention.author.name}</span>
        <span className="author-handle">@{mention.author.handle}</span>
        <time dateTime={mention.postedAt} title={mention.postedAt}>
          {timeAgo(mention.postedAt, now)}
        </time>
      </div>
      <p className="mention-text">{mention.text}</p>
      <div className="mention-scores">
        <span className={`chip sentiment-${mention.sentiment}`} title={`sentiment ${mention.sentimentScore}`}>
          {mention.sentiment}
        </span>
        <span
          className={`chip level-${mention.urgencyLevel}`}
          title={mention.reasons.join(', ') || 'no urgency signals'}
        >
          {mention.urgencyLevel} · {mention.urgency}
        </span>
        <span className="chip topic">{mention.topic}</span>
        {mention.claim && <span className="chip claimed">claimed by {mention.claim.name}</span>}
      </div>
    </li>
  );
});
