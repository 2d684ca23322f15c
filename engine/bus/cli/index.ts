/**
 * @module The bus's CLI commands, for the composition root to register: `send` and `pattern-test`.
 */
export { patternTestCommand } from './pattern-test.js';
export { createSendCommand, sendCommand, DEFAULT_SERVER_URL, type SendCommandOptions } from './send.js';
