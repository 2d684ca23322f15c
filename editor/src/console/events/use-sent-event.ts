/**
 * @module The event the console sent to the pattern tester: `#/rules/<id>?event=<event id>&bus=<bus>`
 * names it; the hook loads its body from the delivery trace, or from the log store when only that holds it.
 */
import { useEffect, useState } from 'react';
import { getEventTrace, searchLogStore } from '../../api/console.js';
import { hashQuery } from '../../app/use-hash-route.js';

export function useSentEvent(): Record<string, unknown> | undefined {
  const [event, setEvent] = useState<Record<string, unknown>>();
  useEffect(() => {
    const query = hashQuery();
    const id = query.get('event');
    if (!id) return;
    const bus = query.get('bus') ?? undefined;
    const controller = new AbortController();
    getEventTrace(id, bus, controller.signal)
      .then((trace) => trace.event ?? Promise.reject(new Error('no body')))
      .catch(async () => (await searchLogStore({ id, bus, limit: 1 }, controller.signal)).items[0]?.event)
      .then((body) => body && setEvent(body), () => {});
    return () => controller.abort();
  }, []);
  return event;
}
