/**
 * @module The English texts of the flow editor's run side: the executions panel (filters, details, run
 * again), the test run panel, run results.
 */
export const runsEn = {
  executions: {
    title: 'Executions',
    intro: 'Past runs of this flow, newest first.',
    filters: 'Filter executions',
    status: 'Status',
    anyStatus: 'any status',
    trigger: 'Started by',
    anyTrigger: 'anything',
    triggerKind: { http: 'HTTP request', event: 'event', 'dry-run': 'test run' },
    from: 'From',
    to: 'To',
    handledOnly: 'Only with handled errors',
    rangeProblem: '“From” is later than “To”: no execution can match.',
    loading: 'Loading executions…',
    none: 'No runs yet. Run a test from the Test run tab, or send an event.',
    noneMatch: 'No execution matches these filters.',
    more: 'Older executions',
    open: 'Open execution {{id}}',
    opening: 'Opening…',
    rowMeta: '{{trigger}} · {{duration}}',
    handledErrors_one: '{{count}} handled error',
    handledErrors_other: '{{count}} handled errors',
    opened: 'Execution {{id}}',
    startedBy: 'Started by event {{id}}',
    replay: 'Run again with this input',
    replaying: 'Running again…',
    replayNote: 'Runs the flow as drawn with the input this execution had, as a test run: connectors and HTTP calls are not sent.',
    notReplayable: 'This input cannot be run again as it is: the history kept {{parts}}, not what the execution was given. Choose “The input of the last run” in the Test run tab and fill those in.',
    altered: { redacted: 'redacted', truncated: 'cut short' },
  },
} as const;
