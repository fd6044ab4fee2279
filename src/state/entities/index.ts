import { ModuleRegistryEntity } from './module-registry.entity.js';
import { RobotExecuteEntity } from './robot-execute.entity.js';
import { RobotEntity } from './robot.entity.js';

export { ModuleRegistryEntity, RobotEntity, RobotExecuteEntity };
export * from './enums.js';

export const ENTITIES = [ModuleRegistryEntity, RobotEntity, RobotExecuteEntity];
