/**
 * @module The `http-auth` connection type: the credentials HTTP triggers check callers against.
 */
import type { ConnectionTypeDefinition } from '../core/connection-type.js';

/** `http-auth`: `username` + `password` for Basic, `token` for bearer, `secret` for HMAC signatures. */
export const httpAuthConnectionType: ConnectionTypeDefinition = {
  type: 'http-auth',
  title: 'HTTP trigger authentication',
  description:
    'Credentials an HTTP trigger checks callers against: `username` and `password` for Basic, ' +
    '`token` for a bearer token, `secret` for an HMAC-SHA256 signature of the body. ' +
    'Only the username is shown by the API.',
  schema: {
    type: 'object',
    properties: {
      username: { type: 'string', title: 'Username', description: 'For Basic authentication.', minLength: 1 },
      password: {
        type: 'string',
        title: 'Password',
        description: 'For Basic authentication.',
        'x-secret': true,
      },
      token: {
        type: 'string',
        title: 'Token',
        description: 'For bearer authentication.',
        minLength: 1,
        'x-secret': true,
      },
      secret: {
        type: 'string',
        title: 'Signing secret',
        description: 'For HMAC signatures of the request body.',
        minLength: 1,
        'x-secret': true,
      },
    },
    additionalProperties: false,
  },
};
