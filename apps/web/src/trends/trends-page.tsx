import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { languageOptions } from '../components/language';
import { useLive } from '../live/live-data';
import { AgentActivityTable } from './charts/agent-activity-table';
import { NegativeShareChart } from './charts/negative-share-chart';
import { PlatformVolumeChart } from './charts/platform-volume-chart';
import { ReplyOutcomeChart } from './charts/reply-outcome-chart';
import { ResponseTimeChart } from './charts/response-time-chart';
import { RisingTermsList } from './charts/rising-terms-list';
import { SentimentChart } from './charts/sentiment-chart';
import { SlaBreachChart } from './charts/sla-breach-chart';
import { TopicVolumeChart } from './charts/topic-volume-chart';
import { TrendPanel } from './trend-panel';
import { fetchLanguages } from './trends-api';
import { RANGE_PRESETS, resolveChoice, toLocalInput, type RangeChoice } from './time-range';
import './trends.css';

/** Trends are minutes behind at most; refreshing more often would only load the database. */
const REFRESH_MS = 30_000;

/** The managers' screen: sentiment, volume, response times and outcomes over a chosen range. */
export function TrendsPage() {
  const [choice, setChoice] = useState<RangeChoice>({ preset: '24h' });
  const [lang, setLang] = useState<string | undefined>(undefined);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  // A new range object on each tick or choice is what makes every panel reload.
  const resolved = useMemo(() => resolveChoice(choice, new Date()), [choice, tick]);
  const range = 'error' in resolved ? undefined : resolved;

  return (
    <div className="page trends-page">
      <div className="page-header">
        <h1>Trends</h1>
        <div className="trend-controls">
          <LanguagePicker lang={lang} onChoose={setLang} />
          <RangePicker choice={choice} onChoose={setChoice} />
        </div>
      </div>
      {'error' in resolved && (
        <p role="alert" className="trend-error">
          {resolved.error}
        </p>
      )}
      <div className="trend-grid">
        <TrendPanel name="sentiment" title="Sentiment over time" range={range} lang={lang} wide>
          {(v) => <SentimentChart data={v.items} bucket={v.bucket} width={v.width} height={v.height} />}
        </TrendPanel>
        <TrendPanel name="platforms" title="Volume by platform" range={range} lang={lang}>
          {(v) => <PlatformVolumeChart data={v.items} bucket={v.bucket} width={v.width} height={v.height} />}
        </TrendPanel>
        <TrendPanel name="topics" title="Volume by topic" range={range} lang={lang}>
          {(v) => <TopicVolumeChart data={v.items} width={v.width} height={v.height} />}
        </TrendPanel>
        <TrendPanel name="negative-share" title="Share of negative mentions" range={range} lang={lang}>
          {(v) => <NegativeShareChart data={v.items} bucket={v.bucket} width={v.width} height={v.height} />}
        </TrendPanel>
        <TrendPanel name="rising-terms" title="Top rising terms" range={range} lang={lang}>
          {(v) => <RisingTermsList data={v.items} />}
        </TrendPanel>
        <TrendPanel name="response-times" title="First-response time" range={range} lang={lang}>
          {(v) => <ResponseTimeChart data={v.items} bucket={v.bucket} width={v.width} height={v.height} />}
        </TrendPanel>
        <TrendPanel name="sla-breaches" title="SLA breaches" range={range} lang={lang}>
          {(v) => <SlaBreachChart data={v.items} bucket={v.bucket} width={v.width} height={v.height} />}
        </TrendPanel>
        <TrendPanel name="replies" title="Reply outcomes" range={range} lang={lang}>
          {(v) => <ReplyOutcomeChart data={v.items} bucket={v.bucket} width={v.width} height={v.height} />}
        </TrendPanel>
        <TrendPanel name="agents" title="Agent activity" range={range} lang={lang}>
          {(v) => <AgentActivityTable data={v.items} />}
        </TrendPanel>
      </div>
    </div>
  );
}

/** Every series narrowed to one language; the options are the languages of the last 30 days. */
function LanguagePicker({
  lang,
  onChoose,
}: {
  lang: string | undefined;
  onChoose: (lang: string | undefined) => void;
}) {
  const { session } = useLive();
  const [recent, setRecent] = useState<readonly string[]>([]);
  useEffect(() => {
    const abort = new AbortController();
    fetchLanguages(session, abort.signal).then(setRecent, () => undefined);
    return () => abort.abort();
  }, [session]);
  const options = languageOptions(recent, lang ? [lang] : []);
  return (
    <label className="trend-language">
      Language
      <select value={lang ?? 'all'} onChange={(e) => onChoose(e.target.value === 'all' ? undefined : e.target.value)}>
        <option value="all">Every language</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Preset buttons (a toggle group: Tab to it, Enter or Space to pick) and a custom from/to form. */
function RangePicker({ choice, onChoose }: { choice: RangeChoice; onChoose: (c: RangeChoice) => void }) {
  const [custom, setCustom] = useState(() => ({
    from: toLocalInput(new Date(Date.now() - 7 * 86_400_000)),
    to: toLocalInput(new Date()),
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChoose({ preset: 'custom', ...custom });
  };
  return (
    <div className="range-picker">
      <div role="group" aria-label="Time range" className="range-presets">
        {RANGE_PRESETS.map((p) => (
          <button
            key={p.id}
            type="button"
            aria-pressed={choice.preset === p.id}
            className={choice.preset === p.id ? 'range active' : 'range'}
            onClick={() => onChoose({ preset: p.id })}
          >
            {p.label}
          </button>
        ))}
      </div>
      <form className="range-custom" onSubmit={submit} aria-label="Custom range">
        <label>
          From
          <input
            type="datetime-local"
            value={custom.from}
            onChange={(e) => setCustom((c) => ({ ...c, from: e.target.value }))}
          />
        </label>
        <label>
          To
          <input
            type="datetime-local"
            value={custom.to}
            onChange={(e) => setCustom((c) => ({ ...c, to: e.target.value }))}
          />
        </label>
        <button
          type="submit"
          aria-pressed={choice.preset === 'custom'}
          className={choice.preset === 'custom' ? 'range active' : 'range'}
        >
          Custom
        </button>
      </form>
    </div>
  );
}
