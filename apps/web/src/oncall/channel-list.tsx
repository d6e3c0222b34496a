import { useState } from 'react';
import type { ChannelView } from '@lp/domain';
import { ChannelForm } from './channel-form';

interface Props {
  channels: ChannelView[];
  canEdit: boolean;
  update: (id: string, body: Record<string, unknown>) => Promise<ChannelView>;
  onSaved: (saved: ChannelView) => void;
}

/** The channels, each with "Edit" opening the add form prefilled in place (ladders keep pointing at it). */
export function ChannelList({ channels, canEdit, update, onSaved }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <ul className="channel-list">
      {channels.map((c) => (
        <li key={c.id}>
          {c.name} ({c.kind}){c.enabled ? '' : ', off'}
          {c.hasSecret ? ', secret stored' : ''}
          {canEdit && editing !== c.id && (
            <button type="button" aria-label={`Edit channel ${c.name}`} onClick={() => setEditing(c.id)}>
              Edit
            </button>
          )}
          {editing === c.id && (
            <ChannelForm
              channel={c}
              save={(body) => update(c.id, body)}
              onSaved={(saved) => {
                setEditing(null);
                onSaved(saved);
              }}
              onCancel={() => setEditing(null)}
            />
          )}
        </li>
      ))}
    </ul>
  );
}
