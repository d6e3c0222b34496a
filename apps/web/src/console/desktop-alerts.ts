import { useEffect, useRef, useState } from 'react';
import type { MentionView } from '@lp/domain';

const STORAGE_KEY = 'lp:desktop-alerts';
/** Remembered ids, so a mention alerts once; bounded so a console open for days stays small. */
const REMEMBERED = 5_000;

/** Opt-in desktop notifications for critical mentions (asked for with a click, as browsers require). */
export function useDesktopAlerts(mentions: readonly MentionView[]) {
  const supported = typeof Notification !== 'undefined';
  const [enabled, setEnabled] = useState(
    () => supported && Notification.permission === 'granted' && localStorage.getItem(STORAGE_KEY) === 'on',
  );
  const seen = useRef<Set<string> | undefined>(undefined);

  useEffect(() => {
    const critical = mentions.filter((m) => m.urgencyLevel === 'critical' && m.status === 'new');
    // The first pass only learns what is already there: no burst of alerts when the page opens.
    if (!seen.current) {
      seen.current = new Set(critical.map((m) => m.id));
      return;
    }
    for (const m of critical) {
      if (seen.current.has(m.id)) continue;
      seen.current.add(m.id);
      if (enabled)
        new Notification(`Critical: @${m.author.handle} on ${m.platform}`, { body: m.text.slice(0, 200), tag: m.id });
    }
    if (seen.current.size > REMEMBERED) seen.current = new Set([...seen.current].slice(-REMEMBERED / 2));
  }, [mentions, enabled]);

  const toggle = async () => {
    if (!supported) return;
    if (enabled) {
      localStorage.setItem(STORAGE_KEY, 'off');
      setEnabled(false);
      return;
    }
    const permission = await Notification.requestPermission();
    const on = permission === 'granted';
    localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
    setEnabled(on);
  };
  return { supported, enabled, toggle };
}
