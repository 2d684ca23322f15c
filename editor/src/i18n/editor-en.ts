/**
 * @module The English texts of the flow editor's frame: the toolbar, the loading and error states, the
 * changes since the last commit, the notices, the questions it asks, and the places "+" inserts at.
 */
export const editorEn = {
  toolbar: {
    back: '← Flows',
    backLabel: 'Back to flows',
    history: 'History',
    undo: 'Undo',
    redo: 'Redo',
    testRun: 'Test run',
    canvas: 'Flow canvas',
    checking: 'Checking…',
    cannotCheck: 'Cannot check the flow: {{message}}',
  },
  editorStatus: {
    opening: 'Opening {{id}}…',
    notFound: 'No flow "{{id}}"',
    notFoundText: 'It may have been deleted or renamed. Go back to the list of flows.',
    notJson: '{{file}} cannot be opened in the editor',
    notJsonText: 'Fix the file in a text editor (or run the fmt command), then reload.',
    notAnObject: 'the file does not hold a JSON object',
    reload: 'Reload',
    error: 'The flow could not be loaded',
  },
  gitChanges: {
    cannotCompare: 'Cannot compare with the last commit: {{message}}',
    comparingLong: 'Comparing with the last commit…',
    noGit: 'The flows folder is not in a git work tree: there is no last commit to compare with.',
    title: 'Changes since the last commit',
    comparing: 'Comparing…',
    added: 'This flow is not in the last commit yet: everything is new.',
    none: 'No changes since the last commit.',
  },
  notices: {
    changedOnDisk: 'The file changed on disk; the editor now shows that version.',
    cannotOpenExecution: 'Cannot open the execution: {{message}}',
    copied: 'Copied step {{id}}.',
    notPasted: 'Not pasted: {{problem}}.',
    draftNotSaved: 'the draft could not be saved',
    leave: 'Leave this flow? Your unsaved changes will be lost.',
    deleteScope_one: 'Delete it with the {{count}} step inside? Undo (Ctrl+Z) brings it back.',
    deleteScope_other: 'Delete it with the {{count}} steps inside? Undo (Ctrl+Z) brings them back.',
  },
  paste: {
    notJson: 'the clipboard holds no flow JSON: copy a step in the editor, or a step or flow file as JSON',
    noSteps: 'the clipboard JSON holds no steps (expected a step, or an object with "steps")',
    notAStep: 'steps[{{index}}] of the clipboard JSON is not a step: expected an object with "id" and "type"',
    empty: 'nothing to paste: copy a step first (Ctrl+C)',
  },
  insert: {
    chooseTrigger: 'Choose a trigger',
    addStep: 'Add a step',
    whatStarts: 'What starts this flow',
    first: 'Add the first step',
    after: 'Add a step after {{id}}',
    into: 'Add a step to {{name}}',
    atEnd: 'Add a step at the end of the flow',
    addBranch: 'Add {{branch}} to {{id}}',
    laneOf: '{{title}} of {{id}}',
    branch: '{{branch}} {{name}}',
  },
} as const;
