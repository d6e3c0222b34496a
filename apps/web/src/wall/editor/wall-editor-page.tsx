import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { canEditWallLayout, isWallLayoutName } from '@lp/domain';
import { useLive } from '../../live/live-data';
import '../wall.css';
import './editor.css';
import { LayoutEditor } from './layout-editor';

/**
 * `/wall/edit?layout=<name>`: managers and admins change a wall screen's layout. Others are told
 * why not (the api refuses their saves anyway).
 */
export function WallEditorPage() {
  const [params] = useSearchParams();
  const { user } = useLive();
  const name = params.get('layout') ?? 'default';
  return (
    <div className="page wall-editor">
      <header className="page-header">
        <h1>Wall layout</h1>
        <ScreenPicker key={name} current={name} />
      </header>
      {!canEditWallLayout(user.role) ? (
        <p className="editor-note" data-testid="editor-forbidden">
          Only managers and admins change wall layouts.{' '}
          <Link to={`/wall?layout=${encodeURIComponent(name)}`}>Back to the wall</Link>
        </p>
      ) : isWallLayoutName(name) ? (
        // Keyed: another screen starts a fresh draft.
        <LayoutEditor key={name} name={name} />
      ) : (
        <p className="editor-error">“{name}” is not a screen name: use lower-case letters, digits and “-”.</p>
      )}
    </div>
  );
}

/** Opens another screen's layout (a new name starts from the built-in default). */
function ScreenPicker({ current }: { current: string }) {
  const navigate = useNavigate();
  const [value, setValue] = useState(current);
  const valid = isWallLayoutName(value);
  const open = (e: FormEvent) => {
    e.preventDefault();
    if (valid) void navigate(`/wall/edit?layout=${encodeURIComponent(value)}`);
  };
  return (
    <form className="editor-screen" onSubmit={open}>
      <label>
        <span className="editor-field-label">Screen</span>
        <input value={value} onChange={(e) => setValue(e.currentTarget.value)} aria-invalid={!valid || undefined} />
      </label>
      <button type="submit" disabled={!valid || value === current}>
        Open
      </button>
    </form>
  );
}
