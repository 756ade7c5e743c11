import { openapiSchemaToJsonSchema } from '@openapi-contrib/openapi-schema-to-json-schema';
import { OpenAPIObject, ReferenceObject, ResponsesObject, SchemaObject } from '@nestjs/swagger';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { Response } from 'supertest';
import { operationsOf } from '../apps/api/src/openapi/document-completeness';
import { DOCS_PATH } from '../apps/api/src/openapi/api-document';
import { ApiHarness } from './api-harness';

const DOCUMENT_ID = 'treffpunkt-api';

interface Route {
  operationId: string;
  method: string;
  pattern: RegExp;
  parameters: number;
  responses: ResponsesObject;
}

/**
 * Real answers checked against the API's own OpenAPI document (served at /docs-json): the status
 * must be one the operation documents, with its media type, its required headers and a body that
 * its schema accepts. Any suite can check its answers: `contract.check(await api.http().get(…))`.
 */
export class ApiContract {
  /** The operation ids of the answers checked so far, by status. */
  readonly checked = new Map<string, Set<string>>();
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly routes: Route[];

  constructor(readonly document: OpenAPIObject) {
    addFormats(this.ajv);
    const schemas = Object.fromEntries(
      Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => [
        name,
        toJsonSchema(schema),
      ]),
    );
    this.ajv.addSchema({ $id: DOCUMENT_ID, components: { schemas } });
    this.routes = operationsOf(document)
      .map(({ method, path, operation }) => ({
        operationId: operation.operationId ?? `${method} ${path}`,
        method: method.toUpperCase(),
        pattern: new RegExp(
          `^${path
            .split(/\{[^}]+\}/)
            .map(escapeRegExp)
            .join('[^/]+')}$`,
        ),
        parameters: (path.match(/\{/g) ?? []).length,
        responses: operation.responses,
      }))
      // /events/{id}/invitations/summary before /events/{id}/invitations/{invitationId}
      .sort((a, b) => a.parameters - b.parameters);
  }

  static async of(api: ApiHarness): Promise<ApiContract> {
    const response = await api.http().get(`/${DOCS_PATH}-json`).expect(200);
    return new ApiContract(response.body as OpenAPIObject);
  }

  /** Throws, saying what differs, unless the answer is one the document describes. */
  check(response: Response): Response {
    const request = (response as Response & { req: { method: string; path: string } }).req;
    const path = request.path.split('?')[0];
    const route = this.routes.find(
      (candidate) => candidate.method === request.method && candidate.pattern.test(path),
    );
    if (!route) throw new Error(`${request.method} ${path} is not in the OpenAPI document`);
    const where = `${route.operationId} (${request.method} ${path}) answered ${response.status}`;
    const status = String(response.status);
    const documented =
      route.responses[status] ?? route.responses[`${status[0]}XX`] ?? route.responses.default;
    if (!documented) throw new Error(`${where}, which the document does not list`);
    if ('$ref' in documented) throw new Error(`${where}: response references are not supported`);
    for (const [name, header] of Object.entries(documented.headers ?? {})) {
      if ('required' in header && header.required && response.headers[name.toLowerCase()] === undefined) {
        throw new Error(`${where} without the documented ${name} header`);
      }
    }
    const mediaType = (response.headers['content-type'] as string | undefined)?.split(';')[0].trim();
    const content = documented.content ?? {};
    const described = Object.keys(content);
    if (described.length === 0) {
      // Redirects carry a short note for people; the document describes no body for them.
      if (status === '204' && response.text)
        throw new Error(`${where} with a body, where the document describes none`);
      return this.record(route, status, response);
    }
    if (!mediaType)
      throw new Error(`${where} without a body, where the document describes ${described.join(', ')}`);
    const media = content[mediaType];
    if (!media?.schema)
      throw new Error(`${where} as ${mediaType}; the document says ${described.join(', ')}`);
    if (isBinary(media.schema)) {
      // A file (CSV, XLSX, PDF): its suite opens it with a parser; here it must only be there.
      if (fileSize(response) === 0) throw new Error(`${where} with an empty file`);
      return this.record(route, status, response);
    }
    const validate = this.validator(`${route.operationId} ${status} ${mediaType}`, media.schema);
    // Text arrives as text, or as the body where a suite parses it itself (see textParser).
    const text = typeof response.body === 'string' ? response.body : response.text;
    const body = isText(mediaType)
      ? text
      : typeof response.body === 'string'
        ? JSON.parse(text)
        : response.body;
    if (!validate(body)) {
      const errors = this.ajv.errorsText(validate.errors, { separator: '\n  ', dataVar: 'body' });
      throw new Error(`${where} with a body the schema refuses:\n  ${errors}\n${shown(body)}`);
    }
    return this.record(route, status, response);
  }

  private record(route: Route, status: string, response: Response): Response {
    this.checked.set(route.operationId, (this.checked.get(route.operationId) ?? new Set()).add(status));
    return response;
  }

  private validator(key: string, schema: SchemaObject | ReferenceObject): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema));
      this.validators.set(key, validate);
    }
    return validate;
  }
}

/**
 * OpenAPI 3.0 schema objects as JSON Schema for Ajv. `nullable` beside a reference means "this or
 * null" (as generated clients read it), which the converter would not make of it.
 */
function toJsonSchema(schema: SchemaObject | ReferenceObject): object {
  const converted = openapiSchemaToJsonSchema(schema as never, {
    cloneSchema: true,
    beforeTransform: (part) => {
      const schemaPart = part as SchemaObject & { $ref?: string };
      const composed = schemaPart.allOf ?? schemaPart.oneOf ?? schemaPart.$ref;
      if (!schemaPart.nullable || !composed) return part as never;
      const notNull: SchemaObject = { ...schemaPart };
      delete notNull.nullable;
      delete notNull.type;
      return { anyOf: [notNull, { type: 'null' }] } as never;
    },
  });
  // The converter names draft-04 as the dialect; Ajv reads the schema as its own default draft.
  delete converted.$schema;
  return JSON.parse(
    JSON.stringify(converted).replaceAll('"#/components/', `"${DOCUMENT_ID}#/components/`),
  ) as object;
}

function shown(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A schema that describes a file: `{ type: 'string', format: 'binary' }`. */
function isBinary(schema: SchemaObject | ReferenceObject): boolean {
  return !('$ref' in schema) && schema.type === 'string' && schema.format === 'binary';
}

/** The bytes of a file answer, however the suite had supertest read it. */
function fileSize(response: Response): number {
  const body: unknown = response.body;
  if (Buffer.isBuffer(body)) return body.length;
  return typeof body === 'string' ? body.length : (response.text?.length ?? 0);
}

/** Media types whose body is text to the schema, not JSON: iCalendar, HTML, RSS, Atom. */
function isText(mediaType: string): boolean {
  return mediaType.startsWith('text/') || /^application\/(rss|atom)\+xml$/.test(mediaType);
}
