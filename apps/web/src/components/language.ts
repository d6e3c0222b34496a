import { UNKNOWN_LANGUAGE } from '@lp/domain';

let names: Intl.DisplayNames | null | undefined;

/** The language's English name ("Spanish" for "es"), or undefined when unknown or not a language. */
export function languageName(code: string): string | undefined {
  if (!code || code === UNKNOWN_LANGUAGE) return undefined;
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    } catch {
      names = null;
    }
  }
  try {
    return names?.of(code) ?? undefined;
  } catch {
    return undefined;
  }
}

/** A filter option's text: "Spanish (es)", "Unknown language" for "und", the bare code when nameless. */
export function languageLabel(code: string): string {
  if (code === UNKNOWN_LANGUAGE) return 'Unknown language';
  const name = languageName(code);
  return name ? `${name} (${code})` : code;
}

/**
 * The options of a language filter: the languages given (the server's recent ones, the screen's
 * own) once each, by name, unknown last.
 */
export function languageOptions(...sources: ReadonlyArray<Iterable<string>>): Array<{ value: string; label: string }> {
  const codes = new Set<string>();
  for (const source of sources) for (const code of source) if (code) codes.add(code);
  return [...codes]
    .map((code) => ({ value: code, label: languageLabel(code) }))
    .sort((a, b) =>
      a.value === UNKNOWN_LANGUAGE ? 1 : b.value === UNKNOWN_LANGUAGE ? -1 : a.label.localeCompare(b.label, 'en'),
    );
}
