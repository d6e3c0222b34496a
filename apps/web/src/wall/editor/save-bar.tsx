import type { WallLayout, WallLayoutView } from '@lp/domain';
import { describeField, type LayoutProblems } from './layout-problems';
import type { SaveOutcome } from './use-layout-editor';

interface SaveBarProps {
  draft: WallLayout;
  base: WallLayoutView;
  dirty: boolean;
  busy: boolean;
  problems: LayoutProblems;
  outcome: SaveOutcome | null;
  newerVersion: WallLayoutView | null;
  onSave: (over?: WallLayoutView) => void;
  onLoad: (version: WallLayoutView) => void;
}

const who = (v: WallLayoutView) =>
  `${v.createdByName ? ` by ${v.createdByName}` : ''}${v.createdAt ? ` at ${new Date(v.createdAt).toLocaleTimeString()}` : ''}`;

/**
 * Saving, and what came of it. A refusal says what to do next and never clears the draft: a 409
 * offers both ways out (keep mine on top, or take theirs), a 400 lists each field.
 */
export function SaveBar({ draft, base, dirty, busy, problems, outcome, newerVersion, onSave, onLoad }: SaveBarProps) {
  const conflict = outcome?.kind === 'conflict' ? outcome.latest : null;
  return (
    <div className="editor-save">
      <div className="editor-save-row">
        <button type="button" className="primary" disabled={!dirty || busy} onClick={() => onSave()}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <span className="editor-dirty" data-testid="editor-dirty">
          {dirty ? 'Unsaved changes' : 'No unsaved changes'} · based on{' '}
          {base.builtIn ? 'the built-in default' : `version ${base.version}`}
        </span>
      </div>
      <div role="status" aria-live="polite" data-testid="editor-outcome">
        {outcome?.kind === 'saved' && (
          <p className="editor-ok">
            {outcome.restoredFrom !== undefined
              ? `Restored version ${outcome.restoredFrom} as version ${outcome.version}.`
              : `Saved as version ${outcome.version}.`}{' '}
            Open walls showing this screen change now.
          </p>
        )}
        {outcome?.kind === 'failed' && (
          <p className="editor-error">Not saved: {outcome.message} Your changes are still here; try again.</p>
        )}
        {(outcome?.kind === 'not-sent' || outcome?.kind === 'invalid') && problems.count > 0 && (
          <p className="editor-error">Not saved: fix the problems below first.</p>
        )}
      </div>
      {conflict && (
        <div className="editor-conflict" role="alert" data-testid="editor-conflict">
          <p>
            Not saved: version {conflict.version} was saved{who(conflict)} after version {base.version}, which you
            started from. Your changes are still here.
          </p>
          <button type="button" disabled={busy} onClick={() => onSave(conflict)}>
            Save mine as version {conflict.version + 1}
          </button>
          <button type="button" disabled={busy} onClick={() => onLoad(conflict)}>
            Discard mine, load version {conflict.version}
          </button>
        </div>
      )}
      {!conflict && newerVersion && (
        <p className="editor-note" data-testid="editor-newer">
          Version {newerVersion.version} was saved{who(newerVersion)} while you were editing.{' '}
          <button type="button" onClick={() => onLoad(newerVersion)}>
            Load version {newerVersion.version}
          </button>
        </p>
      )}
      {problems.count > 0 && (
        <div className="editor-problems" data-testid="editor-problems">
          <p>{problems.count === 1 ? 'One problem' : `${problems.count} problems`} to fix before saving:</p>
          <ul>
            {problems.errors.map((e) => (
              <li key={e.field}>
                <strong>{describeField(e.field, draft)}</strong>: {e.messages.join('; ')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
