import { OpenAPIObject } from '@nestjs/swagger';
import { ERROR_TITLES, PROBLEMS_PATH } from './problems';

const PROBLEM_SCHEMA = 'ProblemDetails';

/**
 * Describes the error answers of every operation in the OpenAPI document: any 4xx or 5xx is
 * RFC 9457 problem details, its `code` one of the catalogued codes.
 */
export function describeProblems(document: OpenAPIObject): void {
  const codes = [...ERROR_TITLES.keys()].sort();
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas[PROBLEM_SCHEMA] = {
    type: 'object',
    description:
      'RFC 9457 problem details, sent as application/problem+json. statusCode, error and message ' +
      'repeat status, the status phrase and detail for clients written before problem+json.',
    required: ['type', 'title', 'status', 'detail', 'statusCode', 'error', 'message'],
    properties: {
      type: {
        type: 'string',
        format: 'uri',
        description: `PUBLIC_BASE_URL${PROBLEMS_PATH}#<code>, or about:blank for failures without a code.`,
      },
      title: { type: 'string', description: "The code's title, the same for every occurrence." },
      status: { type: 'integer' },
      detail: { type: 'string', description: 'What went wrong this time.' },
      instance: { type: 'string', description: 'The path of the request.' },
      code: {
        type: 'string',
        enum: codes,
        description: codes.map((code) => `- \`${code}\`: ${ERROR_TITLES.get(code)}`).join('\n'),
      },
      problems: {
        type: 'array',
        description: 'The wrong fields of an invalid request.',
        items: {
          type: 'object',
          required: ['field', 'message'],
          properties: { field: { type: 'string' }, message: { type: 'string' } },
        },
      },
      details: {
        description: 'What a client needs to resolve the failure, e.g. what a change would remove.',
      },
      statusCode: { type: 'integer', deprecated: true },
      error: { type: 'string', deprecated: true },
      message: { type: 'string', deprecated: true },
    },
  };
  const content = {
    'application/problem+json': { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` } },
  };
  for (const path of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = path[method];
      if (!operation) continue;
      operation.responses['4XX'] ??= { description: 'The request cannot be done; see code.', content };
      operation.responses['5XX'] ??= {
        description: 'A backing service is down (503) or a bug (500).',
        content,
      };
    }
  }
}
