import { useEffect, useMemo, useRef, useState } from 'react';
import { checkReplyText, type CannedResponseView, type MentionView, type SolutionSuggestion } from '@lp/domain';
import { useLive } from '../live/live-data';
import { ApiError, consoleApi } from './console-api';
import type { ComposerState } from './mention-state';
import { suggestCanned } from './suggest-canned';

/** After this long without a keystroke the others stop seeing "typing…". */
const TYPING_IDLE_MS = 3_000;

interface Props {
  mention: MentionView;
  /** Only the claim holder of a mention still waiting may reply; others see why not. */
  state: ComposerState;
  composerRef: React.RefObject<HTMLTextAreaElement | null>;
}

/**
 * Writes one reply. A draft keeps one idempotency key until it is accepted, so a double click, a
 * retry after a network error or a resend after a timeout all post it once.
 */
export function ReplyComposer({ mention, state, composerRef }: Props) {
  const { session, connection } = useLive();
  const [text, setText] = useState('');
  const [cannedId, setCannedId] = useState<string | undefined>();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [canned, setCanned] = useState<CannedResponseView[]>([]);
  const [solutions, setSolutions] = useState<SolutionSuggestion[]>([]);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [sending, setSending] = useState(false);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const check = useMemo(() => checkReplyText(mention.platform, text), [mention.platform, text]);
  const suggestions = useMemo(() => suggestCanned(canned, mention, 3), [canned, mention]);

  useEffect(() => {
    setText('');
    setCannedId(undefined);
    setKey(crypto.randomUUID());
    setMessage(null);
    void consoleApi.cannedResponses(session, mention.platform).then(setCanned, () => setCanned([]));
    setSolutions([]);
    void consoleApi.solutions(session, mention.id).then(setSolutions, () => setSolutions([]));
  }, [session, mention.id, mention.platform]);

  useEffect(() => () => clearTimeout(typingTimer.current), []);

  const typed = (value: string) => {
    setText(value);
    connection.reportPresence({ mentionId: mention.id, typing: true });
    clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(
      () => connection.reportPresence({ mentionId: mention.id, typing: false }),
      TYPING_IDLE_MS,
    );
  };

  const insertCanned = async (id: string) => {
    try {
      const preview = await consoleApi.preview(session, mention.id, { cannedResponseId: id });
      setText(preview.text);
      setCannedId(id);
      composerRef.current?.focus();
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  /** A solution's short answer (with its public link) replaces the draft, ready to edit and send. */
  const insertSolution = (suggestion: SolutionSuggestion) => {
    setText(suggestion.shortAnswer);
    setCannedId(undefined);
    composerRef.current?.focus();
  };

  const send = async () => {
    if (!check.valid || sending) return;
    setSending(true);
    setMessage(null);
    try {
      await consoleApi.sendReply(session, mention.id, text, key, cannedId);
      setText('');
      setCannedId(undefined);
      setKey(crypto.randomUUID());
      connection.reportPresence({ mentionId: mention.id, typing: false });
      setMessage({ kind: 'info', text: 'Reply queued.' });
    } catch (error) {
      // A lost answer keeps the key: sending again is safe and posts at most once.
      setMessage({
        kind: 'error',
        text:
          error instanceof ApiError ? error.message : 'No answer from the server: send again, it will not post twice.',
      });
    } finally {
      setSending(false);
    }
  };

  if (state.kind === 'locked') {
    return (
      <p className="composer-locked" data-testid="composer-locked">
        {state.text}
      </p>
    );
  }
  return (
    <form
      className="composer"
      data-testid="reply-composer"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      {solutions.length > 0 && (
        <div className="suggestions" aria-label="Suggested solutions">
          {solutions.map((sol, i) => (
            <button
              type="button"
              key={sol.solution.id}
              className="suggestion"
              data-testid="solution-suggestion"
              title={`${sol.reasons.join(', ')} (Alt+${i + 1})`}
              onClick={() => insertSolution(sol)}
            >
              {sol.solution.title} · worked for {sol.solution.workedCount}
            </button>
          ))}
        </div>
      )}
      {suggestions.length > 0 && (
        <div className="suggestions" aria-label="Suggested replies">
          {suggestions.map((c) => (
            <button type="button" key={c.id} className="suggestion" onClick={() => void insertCanned(c.id)}>
              {c.name}
            </button>
          ))}
        </div>
      )}
      <label className="composer-label">
        Reply
        <textarea
          ref={composerRef}
          name="reply"
          rows={4}
          value={text}
          onChange={(e) => typed(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void send();
            if (e.key === 'Escape') e.currentTarget.blur();
            // Alt+1..3 inserts the matching suggested solution without leaving the keyboard.
            const pick = e.altKey ? solutions[Number(e.key) - 1] : undefined;
            if (pick) {
              e.preventDefault();
              insertSolution(pick);
            }
          }}
        />
      </label>
      <div className="composer-bar">
        <select
          aria-label="Canned responses"
          value=""
          onChange={(e) => e.target.value && void insertCanned(e.target.value)}
        >
          <option value="">Canned responses…</option>
          {canned.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <span className={check.length > check.limit ? 'counter over' : 'counter'} data-testid="char-counter">
          {check.length} / {check.limit}
        </span>
        <button type="submit" disabled={!check.valid || sending} data-testid="send-reply">
          {sending ? 'Sending…' : 'Send (Ctrl+Enter)'}
        </button>
      </div>
      {text.length > 0 && check.problem && <p className="composer-problem">{check.problem}</p>}
      {message && (
        <p className={`composer-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
