import { PLATFORMS, URGENCY_LEVELS } from '@lp/domain';
import { languageOptions } from '../components/language';
import { PLATFORM_LABEL } from '../components/platform-label';
import type { QueueFilters as Filters } from './agent-queue';

interface Choice {
  value: string;
  label: string;
}

/** One filter menu: "all" first, then the choices. */
function FilterSelect({
  label,
  value,
  all,
  choices,
  onChange,
}: {
  label: string;
  value: string;
  all: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
}) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="all">{all}</option>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

const SCOPES: readonly Choice[] = [
  { value: 'unclaimed', label: 'Unclaimed' },
  { value: 'mine', label: 'Mine' },
];
const same = (v: string): Choice => ({ value: v, label: v });

/** The queue's filters: scope, platform, topic, urgency, language. */
export function QueueFilterBar({
  filters,
  topics,
  languages,
  onChange,
}: {
  filters: Filters;
  topics: readonly string[];
  /** Language codes to offer: recent ones from the server and those on screen. */
  languages: readonly string[];
  onChange: (filters: Filters) => void;
}) {
  // The chosen one stays offered even when nothing in it is left.
  const langChoices = languageOptions(languages, filters.lang === 'all' ? [] : [filters.lang]);
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <>
      <FilterSelect
        label="Show"
        value={filters.scope}
        all="All open"
        choices={SCOPES}
        onChange={(v) => set({ scope: v as Filters['scope'] })}
      />
      <FilterSelect
        label="Platform"
        value={filters.platform}
        all="Every platform"
        choices={PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABEL[p] }))}
        onChange={(v) => set({ platform: v as Filters['platform'] })}
      />
      <FilterSelect
        label="Topic"
        value={filters.topic}
        all="Every topic"
        choices={topics.map(same)}
        onChange={(v) => set({ topic: v })}
      />
      <FilterSelect
        label="Urgency"
        value={filters.level}
        all="Any urgency"
        choices={URGENCY_LEVELS.map(same)}
        onChange={(v) => set({ level: v as Filters['level'] })}
      />
      <FilterSelect
        label="Language"
        value={filters.lang}
        all="Every language"
        choices={langChoices}
        onChange={(v) => set({ lang: v })}
      />
    </>
  );
}
