import { useEffect, useState, type RefObject } from 'react';
import type { MentionNoteView, MentionView, ReplyView } from '@lp/domain';
import { useLive, useNow, usePresence, useReplies } from '../live/live-data';
import { authorHistory, waited } from './agent-queue';
import { languageLabel } from '../components/language';
import { LanguageBadge } from '../components/language-badge';
import { PLATFORM_LABEL } from '../components/platform-label';
import { mergeReply } from '../live/merge-reply';
import { consoleApi } from './console-api';
import { claimable, composerState, slaLine } from './mention-state';
import { ReplyComposer } from './reply-composer';
import { SaveSolution } from './save-solution';

const REVIEWERS = new Set(['agent', 'manager', 'oncall', 'admin']);
/** The api's solution writers (agent, manager, oncall) plus admin, whom it lets call every route. */
const SOLUTION_WRITERS = new Set(['agent', 'manager', 'oncall', 'admin']);

interface Props {
  mention: MentionView;
  all: readonly MentionView[];
  composerRef: RefObject<HTMLTextAreaElement | null>;
  onAction: (action: () => Promise<unknown>) => void;
}

/** One mention opened: its thread, its author, its scores with reasons, who else is here, and the work on it. */
export function MentionDetail({ mention, all, composerRef, onAction }: Props) {
  const { session, user, replies, mentions: store } = useLive();
  const now = useNow(1_000);
  const viewers = usePresence(mention.id).filter((v) => v.userId !== user.id);
  const threadReplies = useReplies(mention.id);
  const [notes, setNotes] = useState<MentionNoteView[]>([]);
  const [note, setNote] = useState('');
  const mine = mention.claim?.userId === user.id;
  const waiting = claimable(mention);
  const parent = mention.inReplyToExternalId
    ? all.find((m) => m.platform === mention.platform && m.externalId === mention.inReplyToExternalId)
    : undefined;
  const history = authorHistory(all, mention, 10);
  const composer = composerState(mention, user.id);
  const sla = slaLine(mention, now);

  useEffect(() => {
    void consoleApi.replies(session, mention.id).then(
      (items) => items.forEach((r) => replies.update(r.mentionId, (known = []) => mergeReply(known, r))),
      () => undefined,
    );
    void consoleApi.notes(session, mention.id).then(setNotes, () => setNotes([]));
    // Older contacts may predate what this screen holds: load them into the store.
    void consoleApi.authorMentions(session, mention).then(
      (items) => store.upsertMany(items),
      () => undefined,
    );
  }, [session, replies, store, mention]);

  const addNote = () =>
    onAction(async () => {
      const created = await consoleApi.addNote(session, mention.id, note);
      setNotes((n) => [...n, created]);
      setNote('');
    });

  return (
    <article className="detail" data-testid="mention-detail" data-mention-id={mention.id} aria-label="Mention">
      <header className="detail-author">
        <span className={`platform platform-${mention.platform}`}>{PLATFORM_LABEL[mention.platform]}</span>
        <LanguageBadge lang={mention.lang} />
        <strong className="author-name">{mention.author.name}</strong>
        <span className="author-handle">@{mention.author.handle}</span>
        <span className="reach">
          {mention.author.followers.toLocaleString()} followers{mention.author.verified ? ' · verified' : ''}
        </span>
        <a href={mention.url} target="_blank" rel="noreferrer noopener">
          open on platform
        </a>
      </header>
      {parent && (
        <blockquote className="thread-parent" aria-label="In reply to">
          <span className="author-name">{parent.author.name}</span>: {parent.text}
        </blockquote>
      )}
      <p className="detail-text">{mention.text}</p>
      <dl className="detail-facts">
        <dt>Waiting</dt>
        <dd>{waited(mention.postedAt, now)}</dd>
        <dt>Urgency</dt>
        <dd className={`level-${mention.urgencyLevel}`}>
          {mention.urgencyLevel} · {mention.urgency}
        </dd>
        <dt>Sentiment</dt>
        <dd>
          {mention.sentiment} ({mention.sentimentScore.toFixed(2)})
        </dd>
        <dt>Complaint</dt>
        <dd>{Math.round(mention.complaint * 100)}%</dd>
        <dt>Topic</dt>
        <dd>{mention.topic}</dd>
        <dt>Language</dt>
        <dd data-testid="detail-language">{languageLabel(mention.lang)}</dd>
        {sla && (
          <>
            <dt>SLA</dt>
            <dd className={sla.breached ? 'sla-breached' : undefined} data-testid="sla-line">
              {sla.text}
            </dd>
          </>
        )}
      </dl>
      {mention.reasons.length > 0 && (
        <ul className="reasons" aria-label="Why this urgency">
          {mention.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {mention.tags.length > 0 && (
        <p className="tags">
          {mention.tags.map((t) => (
            <span key={t} className="chip">
              #{t}
            </span>
          ))}
        </p>
      )}

      <div className="presence" data-testid="presence" aria-live="polite">
        {viewers.length > 0 &&
          `Also here: ${viewers.map((v) => (v.typing ? `${v.name} (typing…)` : v.name)).join(', ')}`}
      </div>

      <div className="detail-actions">
        <span data-testid="claim-state">{claimState(mention, mine)}</span>
        {!mine && waiting && (
          <button type="button" onClick={() => onAction(() => consoleApi.claim(session, mention.id))}>
            Claim (c)
          </button>
        )}
        {mine && (
          <button type="button" onClick={() => onAction(() => consoleApi.release(session, mention.id))}>
            Release
          </button>
        )}
        {user.role !== 'volunteer' && (
          <>
            {mention.status !== 'resolved' && (
              <button
                type="button"
                onClick={() => onAction(() => consoleApi.setStatus(session, mention.id, 'resolved'))}
              >
                Resolve
              </button>
            )}
            {waiting && (
              <button
                type="button"
                onClick={() => onAction(() => consoleApi.setStatus(session, mention.id, 'ignored'))}
              >
                Ignore
              </button>
            )}
            {!waiting && (
              // Answered or closed: back to the queue, so it can be claimed and answered again.
              <button type="button" onClick={() => onAction(() => consoleApi.setStatus(session, mention.id, 'new'))}>
                Reopen
              </button>
            )}
          </>
        )}
      </div>

      <section aria-label="Replies" className="thread-replies" data-testid="replies">
        {threadReplies.map((r) => (
          <ReplyLine
            key={r.id}
            reply={r}
            mention={mention}
            canReview={REVIEWERS.has(user.role) && r.authorId !== user.id}
            canSaveSolution={SOLUTION_WRITERS.has(user.role)}
            onAction={onAction}
          />
        ))}
      </section>

      <ReplyComposer mention={mention} state={composer} composerRef={composerRef} />

      <section aria-label="Internal notes" className="notes">
        <h3>Notes</h3>
        {notes.map((n) => (
          <p key={n.id} className="note">
            <strong>{n.authorName ?? 'someone'}</strong>: {n.body}
          </p>
        ))}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (note.trim()) addNote();
          }}
        >
          <input
            aria-label="Add a note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="Add a note…"
          />
        </form>
      </section>

      {history.length > 0 && (
        <section aria-label="Earlier mentions by this author" className="history">
          <h3>Earlier from @{mention.author.handle}</h3>
          <ul>
            {history.map((h) => (
              <li key={h.id}>
                <span className="chip">{h.status}</span> <LanguageBadge lang={h.lang} /> {h.text}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

/** What the mention's state is, in a few words. */
function claimState(mention: MentionView, mine: boolean): string {
  if (mention.status === 'replied' || mention.status === 'resolved' || mention.status === 'ignored') {
    return mention.status[0]!.toUpperCase() + mention.status.slice(1);
  }
  if (!mention.claim) return 'Unclaimed';
  return mine ? 'You hold this mention' : `Claimed by ${mention.claim.name}`;
}

/**
 * One reply in the thread, with what can be done about it (retry a failed one, approve a volunteer's,
 * save a sent one as a solution).
 */
function ReplyLine({
  reply,
  mention,
  canReview,
  canSaveSolution,
  onAction: act,
}: {
  reply: ReplyView;
  mention: MentionView;
  canReview: boolean;
  canSaveSolution: boolean;
  onAction: Props['onAction'];
}) {
  const { session } = useLive();
  return (
    <div className={`reply reply-${reply.status}`} data-testid="reply" data-reply-status={reply.status}>
      <span className="reply-author">{reply.authorName}</span>
      <span className="reply-text">{reply.text}</span>
      <span className="chip">{reply.status.replace('_', ' ')}</span>
      {reply.platformUrl && (
        <a href={reply.platformUrl} target="_blank" rel="noreferrer noopener">
          view
        </a>
      )}
      {reply.failureReason && <span className="reply-reason">{reply.failureReason}</span>}
      {reply.status === 'failed' && (
        <button
          type="button"
          onClick={() =>
            act(() =>
              reply.outcomeUnknown &&
              !window.confirm('It may already be posted. Checked the platform and it is not there?')
                ? Promise.resolve()
                : consoleApi.retryReply(session, reply.id, reply.outcomeUnknown),
            )
          }
        >
          Retry
        </button>
      )}
      {reply.status === 'pending_approval' && canReview && (
        <button type="button" onClick={() => act(() => consoleApi.approveReply(session, reply.id))}>
          Approve
        </button>
      )}
      {reply.status === 'sent' && canSaveSolution && <SaveSolution reply={reply} mention={mention} />}
    </div>
  );
}
