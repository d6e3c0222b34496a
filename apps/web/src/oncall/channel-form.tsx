import { CHANNEL_KINDS, type ChannelKind, type ChannelView } from '@lp/domain';
import {
  createBody,
  draftErrors,
  draftFromChannel,
  patchBody,
  usesField,
  type ChannelDraft,
  type DraftErrors,
} from './channel-draft';
import { FormField } from './form-field';
import { FormFooter } from './form-footer';
import { useDraftForm } from './use-draft-form';

interface Props {
  /** Given: the form edits this channel (PATCH); absent: it adds one (POST). */
  channel?: ChannelView;
  save: (body: Record<string, unknown>) => Promise<ChannelView>;
  onSaved: (saved: ChannelView) => void;
  onCancel?: () => void;
}

/**
 * Adds or edits a notification channel. The draft is state, so a refused save keeps everything
 * typed and shows each reason beside its input. Secrets are never shown: on edit the secret input
 * starts empty, and empty keeps the sealed one.
 */
export function ChannelForm({ channel, save, onSaved, onCancel }: Props) {
  const editing = channel !== undefined;
  const { draft, errors, busy, set, submit } = useDraftForm({
    initial: () => draftFromChannel(channel),
    send: (d: ChannelDraft) => save(editing ? patchBody(d) : createBody(d)),
    fieldErrors: (reasons, d): DraftErrors => draftErrors(reasons, d.kind),
    resetOnSave: !editing,
    onSaved,
  });

  const text = (key: 'name' | 'url' | 'host' | 'port' | 'from' | 'user' | 'to', label: string, type = 'text') => (
    <FormField label={label} error={errors[key]}>
      {(wiring) => (
        <input
          {...wiring}
          name={key}
          type={type}
          value={draft[key]}
          required={key === 'name'}
          onChange={(e) => set(key)(e.target.value)}
        />
      )}
    </FormField>
  );
  const title = editing ? `Edit channel ${channel.name}` : 'Add channel';
  const secretHint = editing && channel.hasSecret ? 'leave empty to keep' : undefined;

  return (
    <form
      onSubmit={submit}
      aria-label={title}
      className={editing ? 'channel-form channel-form-edit' : 'channel-form'}
      noValidate
    >
      <h3>{title}</h3>
      {text('name', 'Name')}
      {editing ? (
        <p className="field-hint">Kind: {channel.kind} (a different kind is a new channel)</p>
      ) : (
        <FormField label="Kind" error={errors.kind}>
          {(wiring) => (
            <select
              {...wiring}
              name="kind"
              value={draft.kind}
              onChange={(e) => set('kind')(e.target.value as ChannelKind)}
            >
              {CHANNEL_KINDS.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          )}
        </FormField>
      )}
      {editing && (
        <label>
          <input type="checkbox" checked={draft.enabled} onChange={(e) => set('enabled')(e.target.checked)} /> Enabled
          (off: kept in ladders, not paged)
        </label>
      )}
      {usesField(draft.kind, 'url') &&
        text('url', draft.kind === 'pagerduty' ? 'Events API URL (empty: PagerDuty’s own)' : 'URL', 'url')}
      {usesField(draft.kind, 'smtp') && (
        <>
          {text('host', 'SMTP host')}
          {text('port', 'SMTP port', 'number')}
          <label>
            <input type="checkbox" checked={draft.secure} onChange={(e) => set('secure')(e.target.checked)} /> TLS from
            the start (port 465)
          </label>
          {text('from', 'From', 'email')}
          {text('user', 'SMTP user')}
          {text('to', 'Fixed recipient', 'email')}
        </>
      )}
      {usesField(draft.kind, 'secret') && (
        <>
          <FormField
            label={draft.kind === 'pagerduty' ? 'Routing key' : 'SMTP password'}
            hint={secretHint ?? 'never shown again'}
            error={errors.secret}
          >
            {(wiring) => (
              <input
                {...wiring}
                name="secret"
                type="password"
                autoComplete="new-password"
                placeholder={secretHint}
                value={draft.secret}
                disabled={draft.removeSecret}
                onChange={(e) => set('secret')(e.target.value)}
              />
            )}
          </FormField>
          {editing && channel.hasSecret && draft.kind === 'email' && (
            <label>
              <input
                type="checkbox"
                checked={draft.removeSecret}
                onChange={(e) => set('removeSecret')(e.target.checked)}
              />{' '}
              Remove the stored password
            </label>
          )}
        </>
      )}
      {errors.form && (
        <p role="alert" className="field-error">
          {errors.form}
        </p>
      )}
      <FormFooter
        submitLabel={editing ? 'Save channel' : 'Add channel'}
        busy={busy}
        fieldsRefused={Object.keys(errors).length > 0 && !errors.form}
        onCancel={onCancel}
      />
    </form>
  );
}
