/*
 * The REST contract (docs/openapi.yaml) as a test oracle: load the document once, then check an
 * answer — method, path template, status, headers, body — against it. An answer conforms when
 * its status is documented for the operation, the headers the document requires are there and
 * well-formed, its Content-Type is a documented media type, and its body matches the schema
 * (JSON Schema 2020-12, checked by Ajv with formats asserted). Problems come back as readable
 * lines, `[]` when there are none, so `expect(checkAnswer(…)).toEqual([])` shows them all.
 *
 * Requests can be checked too (parameters and body), to prove that a request a test calls
 * "invalid" is invalid by the document and not only by the backend under test.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

/** The contract document, relative to the repository. */
export const CONTRACT_FILE = fileURLToPath(new URL('../../docs/openapi.yaml', import.meta.url));

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Json;
}

interface Header {
  required?: boolean;
  schema: Json;
}

interface MediaType {
  schema?: Json;
  example?: unknown;
}

interface ResponseObject {
  description: string;
  headers?: Record<string, Header>;
  content?: Record<string, MediaType>;
}

interface Operation {
  operationId: string;
  parameters?: (Parameter | Json)[];
  requestBody?: { required?: boolean; content: Record<string, MediaType> };
  responses: Record<string, ResponseObject | Json>;
}

type PathItem = Partial<Record<Method, Operation>> & { parameters?: (Parameter | Json)[] };

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: readonly Method[] = ['get', 'post', 'put', 'patch', 'delete'];

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, PathItem>;
  components: { schemas: Record<string, Json>; [section: string]: Record<string, unknown> };
}

/** An answer as it came over the wire: status, headers and the body as text. */
export interface RecordedAnswer {
  status: number;
  headers: Headers | Readonly<Record<string, string>>;
  body: string;
}

/** A request as a client would send it: path and query parameters, the body as text and its Content-Type. */
export interface RecordedRequest {
  path?: Readonly<Record<string, string>>;
  query?: URLSearchParams | Readonly<Record<string, string>>;
  body?: string;
  /** Default `application/json`. */
  contentType?: string;
}

let loaded: OpenApiDocument | undefined;

/** The parsed contract (read once per process). */
export function loadContract(): OpenApiDocument {
  loaded ??= parse(readFileSync(CONTRACT_FILE, 'utf8')) as OpenApiDocument;
  return loaded;
}

/** Checks the document against the OpenAPI 3.1 schema (the OpenAPI Initiative's, via @seriousme/openapi-schema-validator). */
export async function validateDocument(document: object = loadContract()): Promise<{ valid: boolean; version: string; errors: string[] }> {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(document) as Json);
  const errors = result.valid ? [] : typeof result.errors === 'string' ? [result.errors] : (result.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
  return { valid: result.valid, version: validator.version, errors };
}

// --- JSON Schema: every schema of the document compiled by one Ajv (2020-12, strict, formats asserted).

const SCHEMAS_ID = 'https://odw.invalid/openapi/components.json';
const COMPONENT_REF = '#/components/schemas/';

/** A copy of `value` with `$ref: '#/components/schemas/X'` pointing into the registered components. */
function rebased<T>(value: T): T {
  if (Array.isArray(value)) return value.map(rebased) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === '$ref' && typeof item === 'string' && item.startsWith(COMPONENT_REF) ? `${SCHEMAS_ID}#/$defs/${item.slice(COMPONENT_REF.length)}` : rebased(item),
    ]),
  ) as T;
}

// ajv-formats is CommonJS: its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

function schemaCompiler(): Ajv2020 {
  if (ajv === undefined) {
    // Strict (unknown keywords and type mistakes fail), except `required` beside no `properties`: JSON Schema allows it, and `if`/`then` needs it.
    ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true });
    addFormats(ajv);
    ajv.addSchema({ $id: SCHEMAS_ID, $defs: rebased(loadContract().components.schemas) });
  }
  return ajv;
}

/** A validator for a schema of the document; `at` names where it is (a cache key and for messages). */
function validatorFor(at: string, schema: Json): ValidateFunction {
  let validate = compiled.get(at);
  if (validate === undefined) {
    validate = schemaCompiler().compile(rebased(schema));
    compiled.set(at, validate);
  }
  return validate;
}

/** Ajv's errors as `body.registrants[3].status must be string` lines (the first 12). */
function describeErrors(subject: string, errors: readonly ErrorObject[] | null | undefined): string[] {
  const lines = (errors ?? []).map((error) => {
    const where = error.instancePath.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part.replaceAll('~1', '/').replaceAll('~0', '~')}`)).join('');
    const detail =
      'allowedValues' in error.params ? ` (${JSON.stringify(error.params.allowedValues)})`
        : 'allowedValue' in error.params ? ` (${JSON.stringify(error.params.allowedValue)})`
          : 'additionalProperty' in error.params ? ` ("${String(error.params.additionalProperty)}")`
            : '';
    return `${subject}${where} ${error.message ?? 'is invalid'}${detail}`;
  });
  const unique = [...new Set(lines)];
  return unique.length > 12 ? [...unique.slice(0, 12), `… and ${unique.length - 12} more`] : unique;
}

/** Checks `value` against a schema of the document; problems as readable lines. */
function checkValue(at: string, schema: Json, value: unknown, subject: string): string[] {
  const validate = validatorFor(at, schema);
  return validate(value) ? [] : describeErrors(subject, validate.errors);
}

/** Checks `value` against a named schema of `components/schemas` (e.g. `AttendanceCriteria`). */
export function checkSchema(name: string, value: unknown): string[] {
  if (!(name in loadContract().components.schemas)) return [`there is no schema "${name}" in components/schemas`];
  return checkValue(`#/components/schemas/${name}`, { $ref: `${COMPONENT_REF}${name}` }, value, name);
}

// --- OpenAPI objects: references, operations, responses.

/** Follows an OpenAPI reference (`#/components/responses/X`, `#/components/parameters/X`). */
function resolved<T>(node: T | Json): T {
  const ref = (node as Json)['$ref'];
  if (typeof ref !== 'string') return node as T;
  if (!ref.startsWith('#/')) throw new Error(`Only local references are supported, got ${ref}.`);
  let target: unknown = loadContract();
  for (const part of ref.slice(2).split('/')) target = (target as Json)[part.replaceAll('~1', '/').replaceAll('~0', '~')];
  if (target === undefined) throw new Error(`Unresolved reference ${ref}.`);
  return resolved<T>(target as Json);
}

function operationOf(method: string, template: string): { operation?: Operation; pathItem?: PathItem; problem?: string } {
  const pathItem = loadContract().paths[template];
  if (pathItem === undefined) return { problem: `the contract has no path ${template} (paths: ${Object.keys(loadContract().paths).join(', ')})` };
  const operation = pathItem[method.toLowerCase() as Method];
  if (operation === undefined) {
    const allowed = METHODS.filter((name) => pathItem[name] !== undefined).map((name) => name.toUpperCase());
    return { problem: `the contract has no ${method.toUpperCase()} ${template} (only ${allowed.join(', ')})` };
  }
  return { operation, pathItem };
}

/** Status codes an operation documents, e.g. `['200', '400', '404']`. */
export function documentedStatuses(method: string, template: string): string[] {
  const { operation } = operationOf(method, template);
  return operation === undefined ? [] : Object.keys(operation.responses);
}

function headerOf(headers: RecordedAnswer['headers'], name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? null : (headers[key] ?? null);
}

/**
 * Checks one answer against the contract. `template` is the path as the document writes it,
 * e.g. `/events/{eventId}/attendance`. Returns problems as readable lines; `[]` when it conforms.
 *
 * @example
 * const response = await fetch(`${base}/events/mid-window`);
 * expect(checkAnswer('GET', '/events/{eventId}', { status: response.status, headers: response.headers, body: await response.text() })).toEqual([]);
 */
export function checkAnswer(method: string, template: string, answer: RecordedAnswer): string[] {
  const where = `${method.toUpperCase()} ${template} → ${answer.status}`;
  const { operation, problem } = operationOf(method, template);
  if (operation === undefined) return [`${where}: ${problem as string}`];
  const key = [String(answer.status), `${String(answer.status)[0]}XX`, 'default'].find((candidate) => candidate in operation.responses);
  if (key === undefined) return [`${where}: status ${answer.status} is not documented for this operation (documented: ${Object.keys(operation.responses).join(', ')})`];
  const response = resolved<ResponseObject>(operation.responses[key] as Json);
  const problems: string[] = [];

  for (const [name, header] of Object.entries(response.headers ?? {})) {
    const value = headerOf(answer.headers, name);
    if (value === null) {
      if (header.required === true) problems.push(`header ${name} is required`);
      continue;
    }
    problems.push(...checkValue(`${where} header ${name}`, header.schema, value, `header ${name}`));
  }

  if (response.content === undefined) {
    if (answer.body !== '') problems.push(`a body was sent where the contract documents none (${JSON.stringify(answer.body.slice(0, 40))})`);
  } else {
    const contentType = headerOf(answer.headers, 'content-type');
    const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
    const media = mediaType === undefined ? undefined : response.content[mediaType];
    if (media === undefined) {
      problems.push(`Content-Type ${JSON.stringify(contentType)} is not documented (documented: ${Object.keys(response.content).join(', ')})`);
    } else if (media.schema !== undefined) {
      let body: unknown;
      try {
        body = JSON.parse(answer.body) as unknown;
      } catch {
        problems.push(`the body is not JSON (it starts with ${JSON.stringify(answer.body.slice(0, 30))})`);
        return problems.map((line) => `${where}: ${line}`);
      }
      problems.push(...checkValue(`${where} ${mediaType}`, media.schema, body, 'body'));
    }
  }
  return problems.map((line) => `${where}: ${line}`);
}

/** `checkAnswer` for a fetch Response (reads its body). */
export async function checkResponse(method: string, template: string, response: Response): Promise<string[]> {
  return checkAnswer(method, template, { status: response.status, headers: response.headers, body: await response.text() });
}

/** A query value as its schema's type: whole numbers only when they are written as decimal digits. */
function queryValue(text: string, schema: Json): unknown {
  const type = resolved<Json>(schema)['type'];
  if (type === 'integer') return /^-?\d+$/.test(text) ? Number(text) : text;
  if (type === 'number') return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  return text;
}

/**
 * Checks a request against the contract: path and query parameters (unknown query parameters
 * included) and the JSON body. Returns problems as readable lines; `[]` when it is valid.
 *
 * @example checkRequest('GET', '/events/{eventId}/on-demand/statistics', { query: { now: 'yesterday' } }) // ['… query now must match pattern …']
 */
export function checkRequest(method: string, template: string, request: RecordedRequest): string[] {
  const where = `${method.toUpperCase()} ${template}`;
  const { operation, pathItem, problem } = operationOf(method, template);
  if (operation === undefined || pathItem === undefined) return [`${where}: ${problem as string}`];
  const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((parameter) => resolved<Parameter>(parameter));
  const query = new URLSearchParams(request.query as Record<string, string> | URLSearchParams | undefined);
  const problems: string[] = [];
  for (const parameter of parameters) {
    const values = parameter.in === 'query' ? query.getAll(parameter.name) : parameter.in === 'path' && request.path?.[parameter.name] !== undefined ? [request.path[parameter.name] as string] : [];
    if (parameter.in === 'path' && request.path === undefined) continue;
    if (values.length === 0) {
      if (parameter.required === true) problems.push(`${parameter.in} parameter ${parameter.name} is required`);
      continue;
    }
    if (values.length > 1) problems.push(`${parameter.in} parameter ${parameter.name} is given ${values.length} times`);
    const subject = `${parameter.in} ${parameter.name}`;
    problems.push(...checkValue(`${where} ${subject}`, parameter.schema, queryValue(values[0] as string, parameter.schema), subject));
  }
  const known = new Set(parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name));
  for (const name of new Set(query.keys())) if (!known.has(name)) problems.push(`query parameter ${name} is not documented`);

  const requestBody = operation.requestBody;
  if (requestBody === undefined) {
    if (request.body !== undefined) problems.push('a body was sent where the contract documents none');
  } else if (request.body === undefined) {
    if (requestBody.required === true) problems.push('the body is required');
  } else {
    const mediaType = (request.contentType ?? 'application/json').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!(mediaType in requestBody.content)) problems.push(`Content-Type ${JSON.stringify(request.contentType)} is not documented (documented: ${Object.keys(requestBody.content).join(', ')})`);
    const schema = requestBody.content['application/json']?.schema;
    let body: unknown;
    try {
      body = JSON.parse(request.body) as unknown;
      if (schema !== undefined) problems.push(...checkValue(`${where} request body`, schema, body, 'body'));
    } catch {
      problems.push('the body is not JSON');
    }
  }
  return problems.map((line) => `${where}: ${line}`);
}

/**
 * Checks the document beyond the OpenAPI schema: every schema in it compiles as strict JSON
 * Schema 2020-12 (a misspelt keyword or a type mistake fails), and every `example` matches its
 * own schema.
 */
export function checkDocumentSchemas(): string[] {
  const document = loadContract();
  const problems: string[] = [];
  /** Compiles the schema at `at`; when `example` is given, checks it too. */
  const check = (at: string, schema: Json, ...example: [unknown] | []) => {
    try {
      const validate = validatorFor(at, schema);
      if (example.length > 0 && !validate(example[0])) problems.push(...describeErrors(`${at}: example`, validate.errors));
    } catch (error) {
      problems.push(`${at}: ${(error as Error).message}`);
    }
  };
  for (const name of Object.keys(document.components.schemas)) check(`#/components/schemas/${name}`, { $ref: `${COMPONENT_REF}${name}` });
  for (const [template, pathItem] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (operation === undefined) continue;
      const where = `${method.toUpperCase()} ${template}`;
      for (const parameter of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((item) => resolved<Parameter>(item))) {
        check(`${where} ${parameter.in} ${parameter.name}`, parameter.schema);
      }
      const body = operation.requestBody?.content['application/json'];
      if (body?.schema !== undefined) check(`${where} request body`, body.schema, ...(body.example === undefined ? [] : [body.example] as [unknown]));
      for (const [status, item] of Object.entries(operation.responses)) {
        const response = resolved<ResponseObject>(item as Json);
        for (const [name, header] of Object.entries(response.headers ?? {})) check(`${where} → ${status} header ${name}`, header.schema);
        for (const [mediaType, media] of Object.entries(response.content ?? {})) {
          if (media.schema !== undefined) check(`${where} → ${status} ${mediaType}`, media.schema, ...(media.example === undefined ? [] : [media.example] as [unknown]));
        }
      }
    }
  }
  return problems;
}
