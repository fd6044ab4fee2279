import { Global, Module } from '@nestjs/common';
import { SecurityModule } from '../../security/security.module.js';
import { ROBOT_NOTIFICATIONS } from '../../sdk/index.js';
import { NotificationCoreModule } from '../notification-core.module.js';
import { RobotNotifyService } from './robot-notify.service.js';

/** Global, as ROBOT_INTAKE is: the Orchestrator injects ROBOT_NOTIFICATIONS without importing this layer. */
@Global()
@Module({
  imports: [NotificationCoreModule, SecurityModule],
  providers: [RobotNotifyService, { provide: ROBOT_NOTIFICATIONS, useExisting: RobotNotifyService }],
  exports: [ROBOT_NOTIFICATIONS],
})
export class RobotNotifyModule {}
