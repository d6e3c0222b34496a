import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A repository of @lp/persistence as a Nest provider: one instance per module, on the app's DataSource. */
export function repositoryProvider<T>(Repository: new (dataSource: DataSource) => T): Provider {
  return {
    provide: Repository,
    inject: [DataSource],
    useFactory: (dataSource: DataSource) => new Repository(dataSource),
  };
}
