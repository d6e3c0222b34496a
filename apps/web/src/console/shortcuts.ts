/** The console's keyboard: one table, shown by "?" and used by the key handler. */
export const SHORTCUTS = [
  { key: 'j', does: 'next mention' },
  { key: 'k', does: 'previous mention' },
  { key: 'c', does: 'claim the mention' },
  { key: 'r', does: 'reply (focus the composer)' },
  { key: 'e', does: 'escalate to on-call (opens an incident)' },
  { key: 'Ctrl+Enter', does: 'send the reply' },
  { key: 'Esc', does: 'leave the composer, close this help' },
  { key: '?', does: 'show or hide these shortcuts' },
] as const;

export type ConsoleCommand = 'next' | 'previous' | 'claim' | 'reply' | 'escalate' | 'help' | 'close';

/** Which command a key press means, unless the person is typing in a field. */
export function commandFor(key: string, typingInField: boolean): ConsoleCommand | undefined {
  if (typingInField) return undefined;
  switch (key) {
    case 'j':
      return 'next';
    case 'k':
      return 'previous';
    case 'c':
      return 'claim';
    case 'r':
      return 'reply';
    case 'e':
      return 'escalate';
    case '?':
      return 'help';
    case 'Escape':
      return 'close';
    default:
      return undefined;
  }
}
