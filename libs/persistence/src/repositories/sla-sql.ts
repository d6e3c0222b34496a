/** The settings row holding the first-response targets: `{ "firstResponseTargetsS": { "critical": 900, … } }`. */
export const SLA_SETTINGS_KEY = 'sla';

/**
 * A mention's first-response deadline in SQL: posted time plus its level's target, where `targets`
 * is a jsonb expression of seconds per level. Ingest and a target edit use this one rule.
 */
export function slaDueAtSql(postedAt: string, urgencyLevel: string, targets: string): string {
  return `${postedAt} + make_interval(secs => (${targets} ->> ${urgencyLevel})::double precision)`;
}

/** Open for the SLA: waiting for a first answer and nobody closed it. */
export const SLA_OPEN_SQL = `status IN ('new', 'claimed') AND first_response_at IS NULL`;
