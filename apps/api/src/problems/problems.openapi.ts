import { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import { ProblemCodes, PROBLEMS_EXTENSION } from './api-problems.decorator';
import { ERROR_TITLES, PROBLEMS_PATH } from './problems';

const PROBLEM_SCHEMA = 'ProblemDetails';
const PROBLEM_REF = `#/components/schemas/${PROBLEM_SCHEMA}`;
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/**
 * Describes the error answers of every operation in the OpenAPI document as RFC 9457 problem
 * details: per status the codes the operation answers with (declared with @ApiProblems, plus those
 * of the HTTP layer), and a 5XX answer without code.
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
  for (const path of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = path[method];
      if (operation) describeOperationProblems(operation);
    }
  }
}

/** Codes the HTTP layer answers with before a lib runs, by what the operation takes. */
function httpLayerCodes(operation: OperationObject): ProblemCodes {
  const takesInput = Boolean(operation.requestBody) || (operation.parameters?.length ?? 0) > 0;
  const needsKey = (operation.security?.length ?? 0) > 0;
  return {
    ...(takesInput ? { 400: ['invalid_input'] as const } : {}),
    ...(needsKey ? { 429: ['too_many_requests'] as const } : {}),
  };
}

function describeOperationProblems(operation: OperationObject): void {
  const extensions = operation as OperationObject & { [PROBLEMS_EXTENSION]?: ProblemCodes };
  const declared = extensions[PROBLEMS_EXTENSION] ?? {};
  const byStatus = new Map<number, Set<string>>();
  for (const codes of [httpLayerCodes(operation), declared]) {
    for (const [status, list] of Object.entries(codes)) {
      const known = byStatus.get(Number(status)) ?? new Set<string>();
      for (const code of list ?? []) known.add(code);
      byStatus.set(Number(status), known);
    }
  }
  if ((operation.security?.length ?? 0) > 0) {
    byStatus.set(401, new Set(['api_key_missing', 'api_key_invalid']));
  }
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    operation.responses[status] ??= problemResponse([...codes].sort());
  }
  // Whatever a decorator said (terminus documents its 503 as JSON), ProblemFilter answers every
  // error as problem details.
  for (const [status, response] of Object.entries(operation.responses)) {
    if (
      /^[45]/.test(status) &&
      response &&
      !('$ref' in response) &&
      !response.content?.[PROBLEM_MEDIA_TYPE]
    ) {
      response.content = { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: PROBLEM_REF } } };
    }
  }
  operation.responses['5XX'] ??= {
    description: 'A backing service is down (503, with Retry-After) or a bug (500); no code.',
    content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: PROBLEM_REF } } },
  };
}

/** A problem+json response whose code is one of `codes`; answers from body parsing come without one. */
function problemResponse(codes: string[]): ResponseObject {
  return {
    description: codes.map((code) => `\`${code}\`: ${ERROR_TITLES.get(code) ?? 'not catalogued'}`).join(' '),
    content: {
      [PROBLEM_MEDIA_TYPE]: {
        schema: {
          allOf: [
            { $ref: PROBLEM_REF },
            { type: 'object', properties: { code: { type: 'string', enum: codes } } },
          ],
        },
      },
    },
  };
}
