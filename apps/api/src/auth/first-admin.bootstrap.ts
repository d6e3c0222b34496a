import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { AppConfig } from '@lp/config';
import { APP_CONFIG } from '@lp/nest-core';
import { UserRepository } from '@lp/persistence';
import { AuthService } from './auth.service';

/** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD while the users table is empty; never afterwards. */
@Injectable()
export class FirstAdminBootstrap implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserRepository,
    @InjectPinoLogger(FirstAdminBootstrap.name) private readonly logger: PinoLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.auth.firstAdmin;
    if (!admin || (await this.users.count()) > 0) return;
    try {
      await this.users.create({
        ...admin,
        role: 'admin',
        passwordHash: await AuthService.hashPassword(admin.password),
      });
      this.logger.info({ email: admin.email }, 'created the first admin');
    } catch (error) {
      // Another api node created it at the same moment: the unique email decides, nothing to do.
      this.logger.debug({ error: String(error) }, 'first admin already created');
    }
  }
}
