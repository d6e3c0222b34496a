import type { LinkedMention } from './use-linked-mention';

/** The detail pane when no mention is open: nothing waiting yet, a link still loading, or a link to nothing. */
export function DetailPlaceholder({ linked }: { linked: LinkedMention }) {
  switch (linked.state) {
    case 'none':
    case 'found':
      return <p className="empty">Waiting for the first mention…</p>;
    case 'loading':
      return (
        <p className="empty" role="status">
          Opening the mention…
        </p>
      );
    case 'missing':
      return (
        <div className="detail-missing" role="alert" data-testid="mention-not-found">
          <h2>Mention not found</h2>
          <p>No mention has the id in this link. Pick one from the queue.</p>
        </div>
      );
    case 'failed':
      return (
        <p className="banner banner-problem" role="alert" data-testid="mention-failed">
          Could not open the mention: {linked.message}
        </p>
      );
  }
}
