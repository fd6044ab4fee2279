import { CoreSchema1763769600000 } from './1763769600000-CoreSchema.js';
import { ModuleCapacity1763856000000 } from './1763856000000-ModuleCapacity.js';
import { RobotLifecycle1763942400000 } from './1763942400000-RobotLifecycle.js';
import { JobRuns1764028800000 } from './1764028800000-JobRuns.js';
import { ModuleHealthChecks1764115200000 } from './1764115200000-ModuleHealthChecks.js';
import { OutboxRelay1764201600000 } from './1764201600000-OutboxRelay.js';
import { ModuleCircuitBreaker1764288000000 } from './1764288000000-ModuleCircuitBreaker.js';
import { Security1764374400000 } from './1764374400000-Security.js';
import { MonitoringAlerts1764460800000 } from './1764460800000-MonitoringAlerts.js';
import { ModuleBreakerCounts1764547200000 } from './1764547200000-ModuleBreakerCounts.js';
import { RobotCancelReason1764633600000 } from './1764633600000-RobotCancelReason.js';
import { EventConsumers1764720000000 } from './1764720000000-EventConsumers.js';
import { Notifications1764806400000 } from './1764806400000-Notifications.js';
import { Ocr1764892800000 } from './1764892800000-Ocr.js';
import { Email1764979200000 } from './1764979200000-Email.js';
import { DeliveryClaims1765065600000 } from './1765065600000-DeliveryClaims.js';
import { BackupLog1765152000000 } from './1765152000000-BackupLog.js';
import { SlaRisk1765238400000 } from './1765238400000-SlaRisk.js';
import { HistoryScale1765324800000 } from './1765324800000-HistoryScale.js';

/** Every migration, oldest first. A new migration file is added here as well. */
export const MIGRATIONS = [
  CoreSchema1763769600000,
  ModuleCapacity1763856000000,
  RobotLifecycle1763942400000,
  JobRuns1764028800000,
  ModuleHealthChecks1764115200000,
  OutboxRelay1764201600000,
  ModuleCircuitBreaker1764288000000,
  Security1764374400000,
  MonitoringAlerts1764460800000,
  ModuleBreakerCounts1764547200000,
  RobotCancelReason1764633600000,
  EventConsumers1764720000000,
  Notifications1764806400000,
  Ocr1764892800000,
  Email1764979200000,
  DeliveryClaims1765065600000,
  BackupLog1765152000000,
  SlaRisk1765238400000,
  HistoryScale1765324800000,
];
