import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useLive, useMentions, useNow } from '../live/live-data';
import { agentQueue, DEFAULT_FILTERS, languagesOf, topicsOf, type QueueFilters } from './agent-queue';
import { consoleApi } from './console-api';
import { DetailPlaceholder } from './detail-placeholder';
import { useDesktopAlerts } from './desktop-alerts';
import { MentionDetail } from './mention-detail';
import { linkedMentionId, withMention } from './mention-link';
import { claimable } from './mention-state';
import { QueueFilterBar } from './queue-filters';
import { QueueList } from './queue-list';
import { commandFor, SHORTCUTS } from './shortcuts';
import { useLinkedMention } from './use-linked-mention';
import './console.css';

/** The agent's console: the queue by urgency then waiting time, one mention open, keyboard first. */
export function ConsolePage() {
  const { session, user, mentions: store, connection } = useLive();
  const mentions = useDeferredValue(useMentions());
  const now = useNow(5_000);
  const [filters, setFilters] = useState<QueueFilters>(DEFAULT_FILTERS);
  // The open mention is also in the address (`?mention=<id>`), so it can be copied, shared and reloaded.
  const [selectedId, setSelectedId] = useState(() => linkedMentionId(window.location.search));
  const linked = useLinkedMention(selectedId);
  const [help, setHelp] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const alerts = useDesktopAlerts(mentions);

  const queue = useMemo(() => agentQueue(mentions, filters, user.id), [mentions, filters, user.id]);
  const topics = useMemo(() => topicsOf(mentions), [mentions]);
  const [recentLanguages, setRecentLanguages] = useState<readonly string[]>([]);
  const languages = useMemo(() => [...recentLanguages, ...languagesOf(mentions)], [recentLanguages, mentions]);
  // A link opens its mention whatever its status; until one is picked, the most urgent in the queue is open.
  const selected = selectedId === undefined ? queue[0] : linked.state === 'found' ? linked.mention : undefined;
  const select = useCallback((id: string) => {
    setSelectedId(id);
    // Replaced, not pushed: moving through the queue should not fill the back button. Not through the
    // router either: its updates are transitions, and a quick "j j" must move twice, at once.
    window.history.replaceState(window.history.state, '', withMention(window.location.href, id));
  }, []);

  // The live page loads only the latest mentions; the queue needs every open one.
  useEffect(() => {
    void consoleApi.openMentions(session).then(
      (open) => store.upsertMany(open),
      () => undefined,
    );
    void consoleApi.languages(session).then(setRecentLanguages, () => undefined);
  }, [session, store]);
  // Narrowed to a language, load all of its open mentions: the first load stops at 500 of each status.
  useEffect(() => {
    if (filters.lang === 'all') return;
    void consoleApi.openMentions(session, filters.lang).then(
      (open) => store.upsertMany(open),
      () => undefined,
    );
  }, [session, store, filters.lang]);

  useEffect(() => {
    connection.reportPresence({ mentionId: selected?.id ?? null, typing: false });
  }, [connection, selected?.id]);
  useEffect(() => () => connection.reportPresence({ mentionId: null, typing: false }), [connection]);

  const act = useCallback((action: () => Promise<unknown>) => {
    setProblem(null);
    setNotice(null);
    action().catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  }, []);

  const move = useCallback(
    (step: number) => {
      if (queue.length === 0) return;
      const at = queue.findIndex((m) => m.id === selected?.id);
      // From a linked mention outside the queue, either way goes to the top of the queue.
      const to = at < 0 ? 0 : Math.min(queue.length - 1, Math.max(0, at + step));
      select(queue[to]!.id);
    },
    [queue, selected?.id, select],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing =
        !!target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
      const command = commandFor(event.key, typing && event.key !== 'Escape');
      if (!command || event.metaKey || event.ctrlKey || event.altKey) return;
      event.preventDefault();
      switch (command) {
        case 'next':
          return move(1);
        case 'previous':
          return move(-1);
        case 'claim':
          // Same rule as the Claim button: a closed mention is not claimed (the api would answer 409).
          if (selected && claimable(selected)) act(() => consoleApi.claim(session, selected.id));
          return;
        case 'reply':
          composerRef.current?.focus();
          return;
        case 'escalate':
          if (selected)
            act(async () => {
              const incident = await consoleApi.escalate(session, selected.id);
              setNotice(`Escalated to on-call: ${incident.title}`);
            });
          return;
        case 'help':
          setHelp((h) => !h);
          return;
        case 'close':
          setHelp(false);
          (document.activeElement as HTMLElement | null)?.blur();
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [act, move, selected, session]);

  return (
    <div className="console" data-testid="console">
      <section className="console-queue" aria-label="Queue">
        <div className="filters" role="group" aria-label="Filters">
          <QueueFilterBar filters={filters} topics={topics} languages={languages} onChange={setFilters} />
          <span className="queue-count" data-testid="queue-count">
            {queue.length} waiting
          </span>
        </div>
        <QueueList queue={queue} selectedId={selected?.id} now={now} onSelect={select} />
        <footer className="console-footer">
          <button type="button" onClick={() => setHelp(true)}>
            Shortcuts (?)
          </button>
          {alerts.supported && (
            <button type="button" aria-pressed={alerts.enabled} onClick={() => void alerts.toggle()}>
              {alerts.enabled ? 'Desktop alerts on' : 'Desktop alerts for critical'}
            </button>
          )}
        </footer>
      </section>
      <section className="console-detail" aria-label="Open mention">
        {problem && (
          <p className="banner banner-problem" role="alert" data-testid="console-problem">
            {problem}
          </p>
        )}
        {notice && (
          <p className="banner banner-notice" role="status" data-testid="console-notice">
            {notice}
          </p>
        )}
        {selected ? (
          <MentionDetail key={selected.id} mention={selected} all={mentions} composerRef={composerRef} onAction={act} />
        ) : (
          <DetailPlaceholder linked={linked} />
        )}
      </section>
      {help && (
        <div className="shortcuts" role="dialog" aria-label="Keyboard shortcuts" data-testid="shortcuts">
          <h2>Keyboard</h2>
          <dl>
            {SHORTCUTS.map((s) => (
              <div key={s.key}>
                <dt>
                  <kbd>{s.key}</kbd>
                </dt>
                <dd>{s.does}</dd>
              </div>
            ))}
          </dl>
          <button type="button" onClick={() => setHelp(false)}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}
