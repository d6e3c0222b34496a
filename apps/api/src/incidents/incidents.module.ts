import { Module } from '@nestjs/common';
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
import { repositoryProvider } from '@lp/nest-core';

/** Incidents from early warning and from agents' escalations: reading, acknowledging, resolving, owners, signed links, detector settings. */
@Module({
  controllers: [IncidentsController, IncidentLinksController, MentionEscalationController],
  providers: [
    IncidentActionsService,
    EarlyWarningSettingsService,
    ManualEscalationService,
    repositoryProvider(MentionRepository),
    repositoryProvider(IncidentRepository),
    repositoryProvider(DeliveryRepository),
    repositoryProvider(EscalationConfigRepository),
    repositoryProvider(SettingsRepository),
    repositoryProvider(AuditRepository),
  ],
})
export class IncidentsModule {}
