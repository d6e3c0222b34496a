import type { EscalationTrigger, UrgencyLevel } from '@lp/domain';
import { URGENCY_LEVELS } from '@lp/domain';
import type { SignalMention } from '@lp/persistence';

const rank = (level: UrgencyLevel) => URGENCY_LEVELS.indexOf(level);

/** Whether one mention satisfies a mention-level rule. Urgency matches that level or above. */
export function matchesMention(trigger: EscalationTrigger, mention: SignalMention): boolean {
  switch (trigger.kind) {
    case 'urgency':
      return rank(mention.urgencyLevel) >= rank(trigger.level);
    case 'vip':
      return mention.authorFollowers >= trigger.minFollowers || (trigger.minFollowers <= 0 && mention.authorVerified);
    case 'keyword': {
      const text = mention.text.toLowerCase();
      return trigger.keywords.some((k) => k.trim() !== '' && text.includes(k.toLowerCase()));
    }
    case 'sla_breach':
      return true;
    case 'incident':
    case 'volume':
      return false;
  }
}
