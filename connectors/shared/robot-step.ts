/**
 * @module What every robot step factory receives from `createConnectorSteps`.
 */
import type { Clock } from '../../engine/sdk.js';
import type { RobotLanes } from './rate-limiter.js';
import type { SendLedger } from './send-ledger.js';

/** The lane registry of the factory's closure, and the clock to pace sends (the step context's if absent). */
export interface RobotStepDependencies {
  lanes: RobotLanes;
  clock?: Clock;
  /** Where sends are recorded by idempotency key, so a step run again does not send twice. */
  sentLedger?: SendLedger;
}

/** The error types every robot step can raise besides its vendor's own; listed last in a step's `errors`. */
export function commonRobotErrors(vendor: { namespace: string; title: string; codeName: string }) {
  const name = vendor.title.replace(/ robot$/, '');
  const type = (error: string) => `${vendor.namespace}:${error}`;
  return [
    { type: type('ERROR'), description: `${name} answered another non-zero ${vendor.codeName}.` },
    { type: type('CONNECTIVITY'), description: `${name} could not be reached or did not answer in time.` },
    { type: type('HTTP_STATUS'), description: `${name} answered an HTTP status other than 200.` },
    { type: 'VALIDATION', description: 'A bad config or connection value.' },
  ];
}
