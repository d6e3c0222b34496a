import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { SourceCredentialsAndHealth1764000000001 } from './1764000000001-source-credentials-and-health';
import { MentionSearchIndexes1764000000002 } from './1764000000002-mention-search-indexes';
import { UsersAndSessions1764000000003 } from './1764000000003-users-and-sessions';
import { MentionClaims1764000000004 } from './1764000000004-mention-claims';
import { Replies1764000000005 } from './1764000000005-replies';
import { AuditSlaLifecycle1764000000006 } from './1764000000006-audit-sla-lifecycle';
import { MentionAggregates1764000000007 } from './1764000000007-mention-aggregates';
import { WallLayouts1764000000008 } from './1764000000008-wall-layouts';
import { IncidentsEscalation1764000000009 } from './1764000000009-incidents-escalation';
import { Solutions1764000000010 } from './1764000000010-solutions';
import { ChannelEnabled1764000000011 } from './1764000000011-channel-enabled';
import { MentionLanguage1764000000012 } from './1764000000012-mention-language';
import { IncidentKeys1764000000013 } from './1764000000013-incident-keys';

/** In order. Listed explicitly (not globbed) so a bundled or renamed build still finds them. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  SourceCredentialsAndHealth1764000000001,
  MentionSearchIndexes1764000000002,
  UsersAndSessions1764000000003,
  MentionClaims1764000000004,
  Replies1764000000005,
  AuditSlaLifecycle1764000000006,
  MentionAggregates1764000000007,
  WallLayouts1764000000008,
  IncidentsEscalation1764000000009,
  Solutions1764000000010,
  ChannelEnabled1764000000011,
  MentionLanguage1764000000012,
  IncidentKeys1764000000013,
];
