import { useCallback, useEffect, useMemo, useState } from 'react';
import type { WallLayout, WallLayoutChange, WallLayoutFieldError, WallLayoutView } from '@lp/domain';
import { useLive } from '../../live/live-data';
import { useWallLayoutSaved } from '../use-wall-layout-saved';
import { fetchWallLayout, fetchWallLayoutVersions, saveWallLayout, type SaveResult } from '../wall-api';
import { sameLayout } from './layout-draft';
import { problemsOf, type LayoutProblems } from './layout-problems';

/** What the last save (or restore) came to; the draft is never touched by a refusal. */
export type SaveOutcome =
  | { kind: 'saved'; version: number; restoredFrom?: number }
  | { kind: 'invalid'; sent: WallLayout; errors: WallLayoutFieldError[] }
  | { kind: 'not-sent' }
  | { kind: 'conflict'; latest: WallLayoutView }
  | { kind: 'failed'; message: string };

export interface LayoutEditor {
  /** The version the draft started from; null until loaded. */
  base: WallLayoutView | null;
  draft: WallLayout | null;
  loadError: string | null;
  history: readonly WallLayoutView[];
  problems: LayoutProblems | null;
  dirty: boolean;
  busy: boolean;
  outcome: SaveOutcome | null;
  /** A version newer than the base exists (someone else saved while this draft was open). */
  newerVersion: WallLayoutView | null;
  edit: (change: (draft: WallLayout) => WallLayout) => void;
  /** Saves the draft; `over` saves it on top of that version (after a 409 the manager chose to keep theirs). */
  save: (over?: WallLayoutView) => void;
  restore: (version: WallLayoutView) => void;
  /** Replaces the draft with a version (the latest after a 409, or the built-in default). */
  startFrom: (layout: WallLayout, base?: WallLayoutView) => void;
}

/**
 * One screen's layout being edited: the draft, what it is based on, the history, and saves. A
 * 409 or 400 keeps the draft as it was, so nothing the manager did is lost.
 */
export function useLayoutEditor(name: string): LayoutEditor {
  const { session } = useLive();
  const [base, setBase] = useState<WallLayoutView | null>(null);
  const [draft, setDraft] = useState<WallLayout | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [history, setHistory] = useState<readonly WallLayoutView[]>([]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);

  const reloadHistory = useCallback(() => {
    fetchWallLayoutVersions(session, name).then(setHistory, () => undefined);
  }, [session, name]);

  useEffect(() => {
    const controller = new AbortController();
    fetchWallLayout(session, name, controller.signal).then(
      (view) => {
        setBase(view);
        setDraft(view.layout);
      },
      (error: Error) => !controller.signal.aborted && setLoadError(error.message),
    );
    reloadHistory();
    return () => controller.abort();
  }, [session, name, reloadHistory]);

  // Saves from anywhere (this editor too) refresh the history; a newer one than the base is flagged below.
  const onSaved = useCallback(
    (change: WallLayoutChange | undefined) => {
      if (!change || change.name === name) reloadHistory();
    },
    [name, reloadHistory],
  );
  useWallLayoutSaved(onSaved);

  const dirty = !!(base && draft && !sameLayout(base.layout, draft));
  const problems = useMemo(
    () =>
      draft ? problemsOf(draft, outcome?.kind === 'invalid' && outcome.sent === draft ? outcome.errors : []) : null,
    [draft, outcome],
  );

  const apply = useCallback(
    (result: SaveResult, sent: WallLayout, restoredFrom?: number) => {
      switch (result.kind) {
        case 'saved':
          setBase(result.view);
          setDraft(result.view.layout);
          setOutcome({ kind: 'saved', version: result.view.version, restoredFrom });
          reloadHistory();
          return;
        case 'invalid':
          setOutcome({ kind: 'invalid', sent, errors: result.errors });
          return;
        case 'conflict':
          setOutcome({ kind: 'conflict', latest: result.conflict.latest });
          reloadHistory();
          return;
        case 'refused':
          setOutcome({ kind: 'failed', message: result.message });
          return;
      }
    },
    [reloadHistory],
  );

  const send = useCallback(
    (layout: WallLayout, baseVersion: number, restoredFrom?: number) => {
      setBusy(true);
      saveWallLayout(session, name, layout, baseVersion)
        .then(
          (result) => apply(result, layout, restoredFrom),
          () => setOutcome({ kind: 'failed', message: 'The server could not be reached.' }),
        )
        .finally(() => setBusy(false));
    },
    [session, name, apply],
  );

  const save = useCallback(
    (over?: WallLayoutView) => {
      if (!draft || !base || busy) return;
      // The same rules as the api: no request for a draft it would refuse.
      if (problemsOf(draft).count > 0) return setOutcome({ kind: 'not-sent' });
      if (over) setBase(over);
      send(draft, (over ?? base).version);
    },
    [draft, base, busy, send],
  );

  const restore = useCallback(
    (version: WallLayoutView) => {
      if (!base || busy) return;
      if (dirty && !window.confirm(`Restoring version ${version.version} replaces your unsaved changes. Restore it?`))
        return;
      send(version.layout, history[0]?.version ?? base.version, version.version);
    },
    [base, busy, dirty, history, send],
  );

  const startFrom = useCallback((layout: WallLayout, next?: WallLayoutView) => {
    if (next) setBase(next);
    setDraft(layout);
    setOutcome(null);
  }, []);

  const edit = useCallback((change: (draft: WallLayout) => WallLayout) => {
    setDraft((d) => (d ? change(d) : d));
    // "Saved as version N" would read as if this new change were saved too; refusals stay until acted on.
    setOutcome((o) => (o?.kind === 'saved' ? null : o));
  }, []);

  const newest = history[0];
  const newerVersion = !busy && base && newest && newest.version > base.version ? newest : null;
  // With nothing unsaved there is nothing to lose: follow someone else's save (a conflict stays on screen).
  const following = newerVersion && !dirty && outcome?.kind !== 'conflict' ? newerVersion : null;
  useEffect(() => {
    if (following) startFrom(following.layout, following);
  }, [following, startFrom]);

  return {
    base,
    draft,
    loadError,
    history,
    problems,
    dirty,
    busy,
    outcome,
    newerVersion,
    edit,
    save,
    restore,
    startFrom,
  };
}
