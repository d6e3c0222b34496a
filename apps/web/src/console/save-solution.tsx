import { useEffect, useId, useRef, useState } from 'react';
import type { MentionView, ReplySolution, ReplyView } from '@lp/domain';
import { useLive } from '../live/live-data';
import { ApiError, consoleApi } from './console-api';
import { draftSolution, type SolutionDraft } from './solution-draft';

interface Props {
  reply: ReplyView;
  mention: MentionView;
}

/**
 * "Save as solution" for one sent reply: a button, then an inline form, then the public link.
 * The link comes from the reply itself, so it survives a reload and shows on every open console.
 * The draft lives here, not in the form, so closing and reopening the form keeps what was typed.
 */
export function SaveSolution({ reply, mention }: Props) {
  const { replies } = useLive();
  const slug = reply.solution?.slug;
  const [draft, setDraft] = useState<SolutionDraft>(() => draftSolution(mention, reply));
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const linkRef = useRef<HTMLAnchorElement>(null);
  const wasOpen = useRef(false);

  // Keyboard users keep their place: focus returns to what replaced the form (the link, or the button).
  useEffect(() => {
    if (!wasOpen.current || open) return;
    (slug ? linkRef : buttonRef).current?.focus();
    wasOpen.current = false;
  }, [open, slug]);

  if (slug) {
    return (
      <a
        ref={linkRef}
        className="solution-link"
        href={solutionPath(slug)}
        target="_blank"
        rel="noreferrer noopener"
        data-testid="solution-link"
      >
        Solution: {solutionPath(slug)}
      </a>
    );
  }
  if (!open) {
    return (
      <button
        type="button"
        ref={buttonRef}
        onClick={() => {
          wasOpen.current = true;
          setOpen(true);
        }}
        data-testid="save-solution"
      >
        Save as solution
      </button>
    );
  }
  return (
    <SaveSolutionForm
      replyId={reply.id}
      draft={draft}
      onChange={setDraft}
      onSaved={(saved) => {
        // The link shows at once, without waiting for the reply.updated event that carries the same.
        replies.update(reply.mentionId, (known = []) => withSolution(known, reply.id, saved));
        setOpen(false);
      }}
      onCancel={() => setOpen(false)}
    />
  );
}

/** The public page customers read; the api serves it outside /api. */
function solutionPath(slug: string): string {
  return `/s/${encodeURIComponent(slug)}`;
}

/** The thread with one reply marked as saved; the same whether or not its event came first. */
function withSolution(known: readonly ReplyView[], replyId: string, solution: ReplySolution): ReplyView[] {
  return known.map((r) => (r.id === replyId ? { ...r, solution } : r));
}

interface FormProps {
  replyId: string;
  draft: SolutionDraft;
  onChange: (draft: SolutionDraft) => void;
  onSaved: (solution: ReplySolution) => void;
  onCancel: () => void;
}

interface Refusal {
  text: string;
  field?: keyof SolutionDraft;
}

const FIELDS: ReadonlyArray<keyof SolutionDraft> = ['title', 'problem', 'fix'];

/** The inline form: edits the draft, posts it, and on a refusal says why while keeping every word typed. */
function SaveSolutionForm({ replyId, draft, onChange, onSaved, onCancel }: FormProps) {
  const { session } = useLive();
  const id = useId();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  const save = async () => {
    if (saving) return;
    setSaving(true);
    setRefusal(null);
    try {
      const { id, slug } = await consoleApi.saveSolution(session, replyId, draft);
      onSaved({ id, slug });
    } catch (error) {
      setRefusal(refusalOf(error));
      setSaving(false);
    }
  };

  const errorId = `${id}-error`;
  const fieldProps = (field: keyof SolutionDraft) => ({
    id: `${id}-${field}`,
    name: field,
    value: draft[field],
    'aria-invalid': refusal?.field === field || undefined,
    'aria-describedby': refusal?.field === field ? errorId : undefined,
    onChange: (e: { target: { value: string } }) => onChange({ ...draft, [field]: e.target.value }),
  });

  return (
    <form
      className="solution-form"
      aria-label="Save as solution"
      data-testid="solution-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label htmlFor={`${id}-title`}>Title</label>
      <input ref={titleRef} {...fieldProps('title')} />
      <label htmlFor={`${id}-problem`}>Problem</label>
      <textarea rows={3} {...fieldProps('problem')} />
      <label htmlFor={`${id}-fix`}>Fix</label>
      <textarea rows={4} {...fieldProps('fix')} />
      <div className="solution-form-bar">
        <button type="submit" disabled={saving} data-testid="save-solution-submit">
          {saving ? 'Saving…' : 'Save solution'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {refusal && (
        <p id={errorId} className="solution-form-error" role="alert" data-testid="solution-error">
          {refusal.text}
        </p>
      )}
    </form>
  );
}

/** What to tell the agent about a failed save, and which input it concerns. */
function refusalOf(error: unknown): Refusal {
  if (!(error instanceof ApiError)) return { text: 'No answer from the server: save again, your text is kept.' };
  const field = FIELDS.find((f) => f === error.field);
  switch (error.status) {
    case 400:
      return { text: error.message, field };
    case 403:
      return { text: `Not allowed: ${error.message}.` };
    case 409:
      return { text: `Not saved: ${error.message}.` };
    default:
      return { text: `Not saved (${error.status}): ${error.message}` };
  }
}
