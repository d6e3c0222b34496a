import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AuditRepository,
  DeliveryRepository,
  EscalationConfigRepository,
  IncidentRepository,
  MentionRepository,
  SettingsRepository,
} from '@lp/persistence';
import { EarlyWarningSettingsService } from './early-warning-settings.service';
import { IncidentActionsService } from './incident-actions.service';
import { IncidentLinksController } from './incident-links.controller';
import { IncidentsController } from './incidents.controller';
import { ManualEscalationService } from './manual-escalation.service';
import { MentionEscalationController } from './mention-escalation.controller';

const repository = <T>(type: new (ds: DataSource) => T) => ({
  provide: type,
  inject: [DataSource],
  useFactory: (ds: DataSource) => new type(ds),
});

/** Incidents from early warning and from agents' escalations: reading, acknowledging, resolving, owners, signed links, detector settings. */
@Module({
  controllers: [IncidentsController, IncidentLinksController, MentionEscalationController],
  providers: [
    IncidentActionsService,
    EarlyWarningSettingsService,
    ManualEscalationService,
    repository(MentionRepository),
    repository(IncidentRepository),
    repository(DeliveryRepository),
    repository(EscalationConfigRepository),
    repository(SettingsRepository),
    repository(AuditRepository),
  ],
})
export class IncidentsModule {}
