import { Link } from 'react-router';
import { DEFAULT_WALL_LAYOUT } from '@lp/domain';
import { AddPanel } from './add-panel';
import { GridSize } from './grid-size';
import { LayoutPreview } from './layout-preview';
import { PanelList } from './panel-list';
import { SaveBar } from './save-bar';
import { useLayoutEditor } from './use-layout-editor';
import { VersionHistory } from './version-history';

/** One screen's layout: the draft's grid and panels, a live preview, saving, and the history. */
export function LayoutEditor({ name }: { name: string }) {
  const editor = useLayoutEditor(name);
  const { base, draft, problems } = editor;
  if (editor.loadError) return <p className="editor-error">Could not load the layout: {editor.loadError}</p>;
  if (!base || !draft || !problems) return <p className="empty">Loading the layout…</p>;
  return (
    <div className="editor-columns">
      <section className="editor-draft" aria-labelledby="editor-draft-title">
        <h2 id="editor-draft-title">Panels</h2>
        <SaveBar
          draft={draft}
          base={base}
          dirty={editor.dirty}
          busy={editor.busy}
          problems={problems}
          outcome={editor.outcome}
          newerVersion={editor.newerVersion}
          onSave={editor.save}
          onLoad={(v) => editor.startFrom(v.layout, v)}
        />
        <GridSize draft={draft} problems={problems} edit={editor.edit} />
        <PanelList draft={draft} problems={problems} edit={editor.edit} />
        <AddPanel draft={draft} edit={editor.edit} />
        <button type="button" className="editor-reset" onClick={() => editor.startFrom(DEFAULT_WALL_LAYOUT)}>
          Start over from the built-in default
        </button>
      </section>
      <div className="editor-side">
        <section aria-labelledby="editor-preview-title">
          <h2 id="editor-preview-title">Preview</h2>
          <LayoutPreview layout={draft} />
          <p className="editor-note">
            <Link to={`/wall?layout=${encodeURIComponent(name)}`}>Open this wall</Link> (saved version)
          </p>
        </section>
        <section aria-labelledby="editor-history-title">
          <h2 id="editor-history-title">Versions</h2>
          <VersionHistory history={editor.history} busy={editor.busy} onRestore={editor.restore} />
        </section>
      </div>
    </div>
  );
}
