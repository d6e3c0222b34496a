import type { WallLayoutView } from '@lp/domain';
import { PANEL_TITLE } from '../panel-titles';

interface VersionHistoryProps {
  history: readonly WallLayoutView[];
  busy: boolean;
  onRestore: (version: WallLayoutView) => void;
}

/** Every saved version, newest first; restoring one saves its layout again as the newest version. */
export function VersionHistory({ history, busy, onRestore }: VersionHistoryProps) {
  if (history.length === 0)
    return <p className="editor-note">Not saved yet: walls show the built-in default until the first save.</p>;
  return (
    <ol className="editor-versions" data-testid="editor-versions">
      {history.map((v, i) => (
        <li key={v.version} data-version={v.version}>
          <div className="editor-version-head">
            <strong>Version {v.version}</strong>
            {i === 0 && <span className="editor-current">showing now</span>}
          </div>
          <div className="editor-version-meta">
            {v.createdByName ?? 'someone'}
            {v.createdAt && (
              <>
                {' · '}
                <time dateTime={v.createdAt}>{new Date(v.createdAt).toLocaleString()}</time>
              </>
            )}
          </div>
          <div className="editor-version-panels">
            {v.layout.columns} × {v.layout.rows}: {v.layout.panels.map((p) => PANEL_TITLE[p.id] ?? p.id).join(', ')}
          </div>
          {i > 0 && (
            <button
              type="button"
              disabled={busy}
              aria-label={`Restore version ${v.version}`}
              onClick={() => onRestore(v)}
            >
              Restore
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
