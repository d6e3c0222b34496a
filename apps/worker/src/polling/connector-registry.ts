import type { Platform } from '@lp/domain';
import type { SourceConnector } from '@lp/connectors';

/** The connector for each platform this worker can poll. */
export class ConnectorRegistry {
  private readonly connectors = new Map<Platform, SourceConnector>();

  constructor(connectors: SourceConnector[]) {
    for (const c of connectors) this.connectors.set(c.platform, c);
  }

  get(platform: Platform): SourceConnector | undefined {
    return this.connectors.get(platform);
  }
}
