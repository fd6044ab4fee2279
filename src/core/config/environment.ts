import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationError } from 'class-validator';
import { backupRules, BackupSettings } from './settings/backup.settings.js';
import { CacheSettings } from './settings/cache.settings.js';
import { databaseRules, DatabaseSettings } from './settings/database.settings.js';
import { EmailSettings } from './settings/email.settings.js';
import { ForecastSettings } from './settings/forecast.settings.js';
import { loadBalancerRules, LoadBalancerSettings } from './settings/load-balancer.settings.js';
import { MonitoringSettings } from './settings/monitoring.settings.js';
import { NotificationSettings } from './settings/notification.settings.js';
import { NotificationInAppSettings } from './settings/notification-inapp.settings.js';
import {
  notificationTemplatesRules,
  NotificationTemplatesSettings,
} from './settings/notification-templates.settings.js';
import { NotificationDispatchSettings } from './settings/notification-dispatch.settings.js';
import { OcrApiSettings } from './settings/ocr-api.settings.js';
import { OcrSettings } from './settings/ocr.settings.js';
import { OcrInvoiceSettings } from './settings/ocr-invoice.settings.js';
import { OrchestratorSettings } from './settings/orchestrator.settings.js';
import { RetentionSettings } from './settings/retention.settings.js';
import { SecuritySettings } from './settings/security.settings.js';
import { serverRules, ServerSettings } from './settings/server.settings.js';

export { LogLevel, NodeEnv } from './settings/server.settings.js';
export { NoModulePolicy, RoutingStrategy } from './settings/load-balancer.settings.js';
export { MetricsAccess } from './settings/monitoring.settings.js';
export { OcrReviewMode } from './settings/ocr-invoice.settings.js';
export { API_KEY_PATTERN } from './settings/security.settings.js';

/**
 * The settings of one layer, validated on their own. Types are written out although they could be
 * inferred: class-transformer converts each string by the type that decorator metadata records,
 * and an inferred type records none. A setting that matters only while a feature is on is checked
 * only then (`@ValidateIf` on the feature's switch or URL).
 */
interface SettingsLayer {
  settings: new () => object;
  /** Rules across variables of the layer; each problem starts with the variable it names. */
  rules?(settings: object): string[];
}

/**
 * Every environment variable the service reads, with its default, grouped by the layer that reads
 * it. The README's configuration table and `.env.example` list the same names;
 * `environment.spec.ts` keeps them in step.
 */
export const SETTINGS_LAYERS: readonly SettingsLayer[] = [
  { settings: ServerSettings, rules: serverRules },
  { settings: DatabaseSettings, rules: databaseRules },
  { settings: CacheSettings },
  { settings: SecuritySettings },
  { settings: OrchestratorSettings },
  { settings: LoadBalancerSettings, rules: loadBalancerRules },
  { settings: MonitoringSettings },
  { settings: ForecastSettings },
  { settings: RetentionSettings },
  { settings: BackupSettings, rules: backupRules },
  { settings: NotificationSettings },
  { settings: NotificationInAppSettings },
  { settings: NotificationTemplatesSettings, rules: notificationTemplatesRules },
  { settings: NotificationDispatchSettings },
  { settings: OcrApiSettings },
  { settings: OcrSettings },
  { settings: OcrInvoiceSettings },
  { settings: EmailSettings },
];

export type Environment = ServerSettings &
  DatabaseSettings &
  CacheSettings &
  SecuritySettings &
  OrchestratorSettings &
  LoadBalancerSettings &
  MonitoringSettings &
  ForecastSettings &
  RetentionSettings &
  BackupSettings &
  NotificationSettings &
  NotificationInAppSettings &
  NotificationTemplatesSettings &
  NotificationDispatchSettings &
  OcrApiSettings &
  OcrSettings &
  OcrInvoiceSettings &
  EmailSettings;

/** The variables a layer declares: every one carries at least one validation decorator. */
export function settingNames(settings: new () => object): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(settings, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

function describe(error: ValidationError): string {
  const reasons = Object.values(error.constraints ?? {}).join('; ');
  // The value is not echoed: it may be a secret (a URL with a password, a key).
  return `${error.property}: ${reasons}`;
}

/** `ConfigModule`'s `validate` hook: converts strings, applies defaults, throws naming each bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  // `FOO=` means "not set": keep the default rather than converting '' to 0 or false.
  const present = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== '' && value !== undefined));
  const problems: string[] = [];
  const env: Record<string, unknown> = {};
  for (const { settings, rules } of SETTINGS_LAYERS) {
    const values = plainToInstance(settings, present, { enableImplicitConversion: true, exposeDefaultValues: true });
    const errors = validateSync(values, { skipMissingProperties: false, forbidUnknownValues: true });
    problems.push(...errors.map(describe), ...(rules?.(values) ?? []));
    // The instance also holds every other raw variable: only the layer's own, converted, are kept.
    for (const name of settingNames(settings)) env[name] = (values as Record<string, unknown>)[name];
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return env as unknown as Environment;
}
