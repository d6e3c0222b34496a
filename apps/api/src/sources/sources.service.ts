import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { validateSourceSettings } from '@lp/connectors';
import type { Platform, SourceView } from '@lp/domain';
import { EventPublisher } from '@lp/events';
import { CredentialCipher, SourceRepository, toSourceView, type SourceEntity } from '@lp/persistence';
import type { CreateSourceDto, UpdateSourceDto } from './source.dto';
import { fieldError, validationError } from '../validation.pipe';

const DEFAULT_INTERVAL_MS: Record<Platform, number> = { x: 5_000, facebook: 60_000, youtube: 300_000, feed: 300_000 };

/** Admin management of what the team listens to. Credentials go in sealed and never come back out. */
@Injectable()
export class SourcesService {
  constructor(
    private readonly sources: SourceRepository,
    private readonly cipher: CredentialCipher,
    private readonly events: EventPublisher,
  ) {}

  async list(): Promise<SourceView[]> {
    return (await this.sources.list()).map((s) => this.view(s));
  }

  async get(id: string): Promise<SourceView> {
    return this.view(await this.find(id));
  }

  async create(dto: CreateSourceDto): Promise<SourceView> {
    const settings = this.checkSettings(dto.platform, dto.settings, dto.credentials);
    const id = randomUUID();
    const created = await this.sources.create({
      id,
      platform: dto.platform,
      name: dto.name,
      settings,
      enabled: dto.enabled ?? true,
      pollIntervalMs: dto.pollIntervalMs ?? DEFAULT_INTERVAL_MS[dto.platform],
      credentials: this.seal(dto.credentials, id),
    });
    return this.changed(created);
  }

  async update(id: string, dto: UpdateSourceDto): Promise<SourceView> {
    const existing = await this.find(id);
    const settings =
      dto.settings !== undefined || dto.credentials
        ? this.checkSettings(existing.platform, dto.settings ?? existing.settings, dto.credentials)
        : undefined;
    const updated = await this.sources.update(id, {
      name: dto.name,
      settings,
      enabled: dto.enabled,
      pollIntervalMs: dto.pollIntervalMs,
      credentials: dto.credentials === undefined ? undefined : this.seal(dto.credentials, id),
    });
    if (!updated) throw new NotFoundException(`no source ${id}`);
    return this.changed(updated);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.sources.delete(id))) throw new NotFoundException(`no source ${id}`);
  }

  private async find(id: string): Promise<SourceEntity> {
    const source = await this.sources.findById(id);
    if (!source) throw new NotFoundException(`no source ${id}`);
    return source;
  }

  private checkSettings(
    platform: Platform,
    settings: unknown,
    credentials: Record<string, unknown> | null | undefined,
  ) {
    const result = validateSourceSettings(platform, settings, credentials);
    if (!result.ok) {
      throw validationError(result.problems.map((p) => ({ field: p.field, messages: [p.message] })));
    }
    return result.settings;
  }

  private seal(credentials: Record<string, string> | null | undefined, id: string): string | null {
    if (!credentials || Object.keys(credentials).length === 0) return null;
    if (!this.cipher.available) {
      throw fieldError('credentials', 'the server has no CREDENTIALS_KEY, so credentials cannot be stored');
    }
    return this.cipher.seal(credentials, id);
  }

  private view(source: SourceEntity): SourceView {
    let keys: string[] = [];
    if (source.credentials) {
      try {
        keys = Object.keys(this.cipher.open(source.credentials, source.id)).sort();
      } catch {
        keys = ['(unreadable: check CREDENTIALS_KEY)'];
      }
    }
    return toSourceView(source, keys);
  }

  /** Screens learn of a new, edited or paused source as they learn of a health change. */
  private async changed(source: SourceEntity): Promise<SourceView> {
    const view = this.view(source);
    await this.events.publish([
      {
        type: 'source.health',
        id: `source.health:${source.id}:${Date.now()}`,
        at: new Date().toISOString(),
        payload: view,
      },
    ]);
    return view;
  }
}
