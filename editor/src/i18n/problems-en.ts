/**
 * @module The English texts of the flow editor's problems list, warnings, the key-value rows of a form and
 * the reply of an HTTP flow's test run.
 */
export const problemsEn = {
  problems: {
    none: 'No problems',
    count_one: '{{count}} problem',
    count_other: '{{count}} problems',
    warnings_one: '{{count}} warning',
    warnings_other: '{{count}} warnings',
    listTitle: 'Problems and warnings',
    listIntro: 'Problems block saving; warnings do not. Click one to go to its step and field.',
    error: 'Problem',
    warning: 'Warning',
    flowLevel: 'the flow',
    inStep: 'step {{id}}',
    empty: 'Nothing to fix: the flow has no problems and no warnings.',
    close: 'Close the list',
  },
  keyValue: {
    name: '{{title}}: name of row {{index}}',
    add: '+ Add a row',
    remove: 'Remove row {{index}} of {{title}}',
    empty: 'No rows yet.',
  },
  reply: {
    title: 'Reply',
    intro: 'What the caller of this HTTP flow would get back.',
    status: 'Status',
    headers: 'Headers',
    body: 'Body',
    noBody: 'No body',
    failed: 'The reply could not be made: {{type}}',
    ofStep: 'Error in step {{id}}',
    selectStep: 'Show step {{id}}',
  },
} as const;
