// Types for what the office server answers over HTTP, for tests that read its JSON themselves.
import type { Api, MethodName } from '../../src-main/api';
import type { ApiError } from '../../src-main/core/api/errors';

/**
 * The JSON body of one API answer. `value` holds only when `ok`, `error` only when not: as with
 * the in-process CallResult, tests assert the status first and then read the one that applies.
 */
export interface WireBody<T> {
  ok: boolean;
  value: T;
  error: ApiError & { fields: Record<string, string> };
}

/** The output type of the method that `/api/<method>` names; unknown for any other path. */
export type PathOutput<P extends string> = P extends `/api/${infer K}` ? (K extends MethodName ? Api[K]['output'] : unknown) : unknown;

/** Reads an API answer's body as the wire format of a method with output `T`. */
export async function readWire<T>(res: Response): Promise<WireBody<T>> {
  return (await res.json()) as WireBody<T>;
}

/** The part of JSON Schema the method list uses for inputs (zod's `toJSONSchema`). */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
}

/** One entry of `GET /api/methods` (src-main/server/methods-doc.ts). */
export interface MethodListing {
  name: string;
  summary?: string;
  roles: string[];
  mutation: boolean;
  input: JsonSchema;
}

/** The method list the server publishes at `GET /api/methods`. */
export async function fetchMethodList(baseUrl: string): Promise<MethodListing[]> {
  return (await readWire<MethodListing[]>(await fetch(baseUrl + '/api/methods'))).value;
}
