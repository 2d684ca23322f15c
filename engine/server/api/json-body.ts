/**
 * @module JSON request bodies of the API: `express.json`, refusing a body nested too deeply before it is
 * parsed, so that no route ever meets one.
 */
import express, { type RequestHandler } from 'express';
import { FlowbusError } from '../../core/errors.js';
import { depthExcessMessage, findTextDepthExcess } from '../../core/json-depth.js';

export interface JsonBodyOptions {
  /** Largest body, in bytes. */
  limit: number;
  /** Nesting of objects and arrays allowed (`limits.jsonDepth`). */
  maxDepth: number;
  /** The setting that sets `limit`, named by the 413 of a larger body (`limits.bodyBytes, FLOWBUS_BODY_LIMIT`). */
  setting?: string;
}

/**
 * The JSON body parser of the API: any JSON value (`strict: false`); a body nesting more than `maxDepth`
 * objects and arrays is an `API:BAD_REQUEST` (400) naming the limit and the pointer where it was passed.
 *
 * @example
 * router.use(jsonBody({ limit: 1024 * 1024, maxDepth: 128 }));
 */
export function jsonBody(options: JsonBodyOptions): RequestHandler {
  const parse = express.json({
    limit: options.limit,
    strict: false,
    verify: (_request, _response, bytes) => {
      const tooDeep = findTextDepthExcess(bytes, options.maxDepth);
      if (!tooDeep) return;
      const message = `the request body is too deeply nested: ${depthExcessMessage(tooDeep)}`;
      throw new FlowbusError('API:BAD_REQUEST', message, { ...tooDeep });
    },
  });
  if (!options.setting) return parse;
  const setting = options.setting;
  return (request, response, next) =>
    parse(request, response, (error?: unknown) => {
      if ((error as { type?: string } | undefined)?.type === 'entity.too.large') Object.assign(error as object, { setting });
      next(error);
    });
}
