/**
 * @module What every robot step factory receives from `createConnectorSteps`.
 */
import type { Clock } from '../../engine/core/step-definition.js';
import type { RobotLanes } from './rate-limiter.js';

/** The lane registry of the factory's closure, and the clock to pace sends (the step context's if absent). */
export interface RobotStepDependencies {
  lanes: RobotLanes;
  clock?: Clock;
}
