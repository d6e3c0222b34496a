import { UNKNOWN_LANGUAGE } from '@lp/domain';
import { languageName } from './language';

/**
 * A mention's language as a compact badge: "ES", named in full ("Spanish") for a tooltip and screen
 * readers; "?" for a language that could not be told. Text only.
 */
export function LanguageBadge({ lang, className = '' }: { lang: string; className?: string }) {
  const unknown = !lang || lang === UNKNOWN_LANGUAGE;
  const name = unknown ? 'language unknown' : (languageName(lang) ?? lang);
  return (
    <span
      role="img"
      aria-label={name}
      title={name}
      className={`lang-badge${unknown ? ' lang-unknown' : ''}${className ? ` ${className}` : ''}`}
      data-testid="lang-badge"
      data-lang={unknown ? UNKNOWN_LANGUAGE : lang}
    >
      {unknown ? '?' : lang.toUpperCase()}
    </span>
  );
}
