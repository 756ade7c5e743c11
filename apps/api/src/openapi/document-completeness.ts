import { OpenAPIObject, OperationObject, ReferenceObject, ResponseObject } from '@nestjs/swagger';
import { PROBLEMS_EXTENSION } from '../problems/api-problems.decorator';
import { PROBLEM_MEDIA_TYPE } from '../problems/problems.openapi';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Successful answers that carry no body by definition. */
const WITHOUT_BODY = new Set(['204', '301', '302', '303', '304', '307', '308']);

export interface DocumentedOperation {
  method: (typeof HTTP_METHODS)[number];
  path: string;
  operation: OperationObject;
}

export function operationsOf(document: OpenAPIObject): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({
      method,
      path,
      operation: item[method]!,
    })),
  );
}

/**
 * What keeps a client generated from the document from being typed and complete, one line per
 * gap: an operation without a stable id, summary or tag, a success answer without a schema, error
 * codes not declared, or an error answer that is not problem+json with the codes it may carry.
 */
export function findIncompleteOperations(document: OpenAPIObject): string[] {
  const gaps: string[] = [];
  const ids = new Map<string, string>();
  for (const { method, path, operation } of operationsOf(document)) {
    const name = `${method.toUpperCase()} ${path}`;
    const gap = (what: string) => gaps.push(`${name}: ${what}`);
    if (!operation.operationId) gap('no operationId');
    else if (ids.has(operation.operationId)) {
      gap(`operationId ${operation.operationId} is also the id of ${ids.get(operation.operationId)}`);
    } else ids.set(operation.operationId, name);
    if (!operation.summary) gap('no summary');
    if (!operation.tags?.length) gap('no tag');
    const responses = Object.entries(operation.responses) as Array<
      [string, ResponseObject | ReferenceObject]
    >;
    const successes = responses.filter(([status]) => /^[23]/.test(status));
    if (successes.length === 0) gap('no success response');
    for (const [status, response] of successes) {
      if (WITHOUT_BODY.has(status)) continue;
      const content = 'content' in response ? (response.content ?? {}) : {};
      const schemas = Object.values(content).map((media) => media.schema);
      if (schemas.length === 0 || schemas.some((schema) => !describesSomething(schema))) {
        gap(`response ${status} has no schema`);
      }
    }
    if (!(PROBLEMS_EXTENSION in operation)) gap('its error codes are not declared (@ApiProblems)');
    const problems = responses.filter(([status]) => /^4/.test(status));
    for (const [status, response] of problems) {
      const schema = 'content' in response ? response.content?.[PROBLEM_MEDIA_TYPE]?.schema : undefined;
      if (!schema) gap(`response ${status} is not ${PROBLEM_MEDIA_TYPE}`);
      else if (codesOf(schema).length === 0) gap(`response ${status} names no error code`);
    }
    if (!responses.some(([status]) => /^5/.test(status))) gap('no 5xx response');
  }
  return gaps;
}

function describesSomething(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  return ['$ref', 'type', 'allOf', 'oneOf', 'anyOf'].some((key) => key in schema);
}

/** The codes a problem response's schema allows: the enum beside the ProblemDetails reference. */
export function codesOf(schema: unknown): string[] {
  const parts = (schema as { allOf?: Array<{ properties?: { code?: { enum?: string[] } } }> }).allOf ?? [];
  return parts.flatMap((part) => part.properties?.code?.enum ?? []);
}
