/**
 * @module The ingest path of sources: the bus's durable publish (the one `POST /events` uses), deduplicated
 * by event id against the events the bus holds (recent delivery traces, including those read back from the
 * journal after a restart) and the id ledger, and counted per source and outcome.
 */
import type { EventBus } from '../event-bus.js';
import type { BusEvent } from '../cloudevents/index.js';
import type { BusLog } from '../delivery/deps.js';
import type { IdLedger } from './id-ledger.js';
import type { IngestOutcome, SourceIngest } from './types.js';

/** The bus and ledger every source of a server shares. */
export interface IngestDeps {
  bus: EventBus;
  ledger: IdLedger;
  log: BusLog;
}

/**
 * Builds the ingest of one source. Two deliveries of one id at once share the first one's outcome.
 *
 * @example
 * const ingest = createSourceIngest(deps, { id: 'orders', bus: 'retail' });
 * if ((await ingest.accept(event)).status !== 'rejected') channel.ack(message);
 */
export function createSourceIngest(deps: IngestDeps, source: { id: string; bus: string }): SourceIngest {
  const { bus, ledger, log } = deps;
  const inFlight = new Map<string, Promise<IngestOutcome>>();
  const count = (outcome: string) => bus.metrics.count('flowbus_source_messages_total', { source: source.id, outcome });

  const holds = (id: string) => ledger.has(source.bus, id) || bus.traces.get(id, source.bus) !== undefined;

  async function ingest(event: BusEvent): Promise<IngestOutcome> {
    if (holds(event.id)) {
      count('duplicate');
      return { status: 'duplicate', id: event.id };
    }
    try {
      await bus.publish(source.bus, [event]);
      await ledger.add(source.bus, event.id);
    } catch (error) {
      count('failed');
      throw error;
    }
    count('accepted');
    return { status: 'accepted', id: event.id };
  }

  /** A copy that shared the outcome of the one in flight is a message taken too, and counted as such. */
  function counted(outcome: IngestOutcome): IngestOutcome {
    count(outcome.status);
    return outcome;
  }

  return {
    maxEventBytes: bus.limits.maxEventBytes,
    accept(event) {
      const running = inFlight.get(event.id);
      if (running) return running.then((outcome) => counted(duplicateOf(outcome)));
      const work = ingest(event).finally(() => inFlight.delete(event.id));
      inFlight.set(event.id, work);
      return work;
    },
    reject(reason, fields) {
      count('rejected');
      log('warn', `source "${source.id}" rejected a message to the dead-letter path: ${reason}`, {
        source: source.id,
        ...fields,
      });
      return { status: 'rejected', reason };
    },
  };
}

function duplicateOf(outcome: IngestOutcome): IngestOutcome {
  return outcome.status === 'rejected' ? outcome : { status: 'duplicate', id: outcome.id };
}
