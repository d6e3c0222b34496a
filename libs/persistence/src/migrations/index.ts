import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { SourceCredentialsAndHealth1764000000001 } from './1764000000001-source-credentials-and-health';
import { MentionSearchIndexes1764000000002 } from './1764000000002-mention-search-indexes';
import { UsersAndSessions1764000000003 } from './1764000000003-users-and-sessions';
import { MentionClaims1764000000004 } from './1764000000004-mention-claims';

/** In order. Listed explicitly (not globbed) so a bundled or renamed build still finds them. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  SourceCredentialsAndHealth1764000000001,
  MentionSearchIndexes1764000000002,
  UsersAndSessions1764000000003,
  MentionClaims1764000000004,
];
