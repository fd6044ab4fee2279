import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../core/config/app-config.service.js';
import { fitSms } from '../channels/sms/sms-segments.js';
import { NOTIFICATION_LOCALES, type NotificationEvent } from '../channels/notification-channel.js';
import { templateInvalid, templateOverrideNotFound } from '../templates.errors.js';
import { genericTemplate, RENDERED_CHANNELS, shippedTemplate, type TemplateSource } from './defaults/index.js';
import type { PreviewTemplateDto, RenderedTemplateDto, SaveTemplateDto, TemplateDto } from './dto/template.dto.js';
import type { ListTemplatesQueryDto, TemplateKeyParamDto } from './dto/template-key.dto.js';
import { NotificationTemplatesRepository, type TemplateRow } from './notification-templates.repository.js';
import { DIGEST_SAMPLE_TYPES, TemplateCompiler } from './template-compiler.js';
import { DIGEST_TEMPLATE, isCatalogueType, TEMPLATE_EVENT_TYPES } from './template-context.js';
import { TemplateOverrides, templateKey } from './template-overrides.service.js';
import { TemplateService } from './template.service.js';
import { EventType } from '../../core/events/event-catalogue.js';
import { sampleEvent } from './sample-events.js';

const describeKey = (key: TemplateKeyParamDto) => `${key.event_type} ${key.channel} ${key.locale}`;

/** The template behind a key when nothing is stored: the type's own, else the generic one. */
function defaultOf(key: TemplateKeyParamDto): TemplateSource {
  return shippedTemplate(key.event_type, key.channel, key.locale) ?? genericTemplate(key.channel, key.locale);
}

const fromDefault = (key: TemplateKeyParamDto): TemplateDto => {
  const source = defaultOf(key);
  return {
    ...key,
    source: 'default',
    subject: source.subject,
    body_text: source.text,
    body_html: source.html,
    updated_by: null,
    updated_at: null,
  };
};

const fromRow = (row: TemplateRow): TemplateDto => ({
  event_type: row.event_type,
  channel: row.channel,
  locale: row.locale,
  source: 'override',
  subject: row.subject,
  body_text: row.body_text,
  body_html: row.body_html,
  updated_by: row.updated_by,
  updated_at: row.updated_at.toISOString(),
});

const sourceOf = (dto: SaveTemplateDto): TemplateSource => ({
  subject: dto.subject,
  text: dto.body_text,
  html: dto.body_html ?? null,
});

/** The templates API: what is in effect per key, saving and dropping overrides, previews. */
@Injectable()
export class TemplatesAdminService {
  constructor(
    private readonly repository: NotificationTemplatesRepository,
    private readonly compiler: TemplateCompiler,
    private readonly overrides: TemplateOverrides,
    private readonly renderer: TemplateService,
    private readonly config: AppConfig,
  ) {}

  /** Every key (catalogue types, `*`, `digest` × channel × locale) with the template in effect. */
  async list(filter: ListTemplatesQueryDto): Promise<TemplateDto[]> {
    const stored = new Map((await this.repository.all()).map((row) => [templateKey(row), row]));
    const items: TemplateDto[] = [];
    for (const event_type of TEMPLATE_EVENT_TYPES) {
      for (const channel of RENDERED_CHANNELS) {
        for (const locale of NOTIFICATION_LOCALES) {
          const key = { event_type, channel, locale };
          if (filter.event_type && filter.event_type !== event_type) continue;
          if (filter.channel && filter.channel !== channel) continue;
          if (filter.locale && filter.locale !== locale) continue;
          const row = stored.get(templateKey(key));
          const item = row ? fromRow(row) : fromDefault(key);
          if (!filter.source || filter.source === item.source) items.push(item);
        }
      }
    }
    return items;
  }

  async get(key: TemplateKeyParamDto): Promise<TemplateDto> {
    const row = await this.repository.find(key);
    return row ? fromRow(row) : fromDefault(key);
  }

  async save(key: TemplateKeyParamDto, dto: SaveTemplateDto, updatedBy: string | null): Promise<TemplateDto> {
    const source = sourceOf(dto);
    const problems = this.compiler.problems(key.event_type, key.channel, source);
    if (problems.length > 0) throw templateInvalid(describeKey(key), problems);
    const row = await this.repository.save(
      key,
      { subject: source.subject, body_text: source.text, body_html: source.html },
      updatedBy,
    );
    this.overrides.invalidate();
    return fromRow(row);
  }

  /** Drops the override; answers the default now in effect. */
  async remove(key: TemplateKeyParamDto): Promise<TemplateDto> {
    if (!(await this.repository.delete(key))) throw templateOverrideNotFound(describeKey(key));
    this.overrides.invalidate();
    return fromDefault(key);
  }

  /** Renders a template without saving it, checked exactly as a save checks it. */
  async preview(dto: PreviewTemplateDto): Promise<RenderedTemplateDto> {
    const key = { event_type: dto.event_type, channel: dto.channel, locale: dto.locale };
    const source = sourceOf(dto);
    const problems = this.compiler.problems(key.event_type, key.channel, source);
    if (problems.length > 0) throw templateInvalid(describeKey(key), problems);
    const rendered = await this.renderer.preview(
      dto.channel,
      dto.locale,
      this.compiler.compile(source),
      this.events(dto),
    );
    // An SMS previews as it would be sent: cut to SMS_MAX_SEGMENTS, typography made plain.
    const text =
      dto.channel === 'sms' ? fitSms(rendered.text, this.config.get('SMS_MAX_SEGMENTS')).text : rendered.text;
    return { subject: rendered.subject, text, html: rendered.html ?? null };
  }

  private events(dto: PreviewTemplateDto): NotificationEvent[] {
    if (dto.event_type === DIGEST_TEMPLATE)
      return DIGEST_SAMPLE_TYPES.map((t, i) => sampleEvent(t, undefined, 1042 + i));
    const type = isCatalogueType(dto.event_type) ? dto.event_type : EventType.RobotCompleted;
    return [sampleEvent(type, dto.data)];
  }
}
