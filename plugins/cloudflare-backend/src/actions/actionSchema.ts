import { JsonObject } from '@backstage/types';
import { z as z3, ZodTypeAny } from 'zod/v3';
import { z } from 'zod';

/**
 * The actions registry of `@backstage/backend-plugin-api` (1.10) takes zod v3 schemas (it converts
 * them with `zod-to-json-schema` for the listing and parses with them), while the suite's contracts
 * are zod v4. An action's schema is therefore derived from the contract's own schema: zod v4 states
 * it as JSON Schema (`z.toJSONSchema`, input side), and that JSON Schema is rebuilt with zod v3
 * here. The pipeline then parses the input again with the contract's zod v4 schema, so the
 * contract stays the one validation and the v3 form is its published shape.
 */

/** A JSON Schema as `z.toJSONSchema` writes it (the subset the contracts use). */
export type JsonSchema = JsonObject;

/** The input-side JSON Schema of a zod v4 schema, without `$schema`. */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return json;
}

const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

function stringSchema(s: JsonSchema): ZodTypeAny {
  let out = z3.string();
  if (num(s.minLength) !== undefined) out = out.min(num(s.minLength)!);
  if (num(s.maxLength) !== undefined) out = out.max(num(s.maxLength)!);
  if (typeof s.pattern === 'string') out = out.regex(new RegExp(s.pattern));
  return out;
}

function numberSchema(s: JsonSchema): ZodTypeAny {
  // Agents often send numbers as strings, as a query string would.
  let out = z3.coerce.number();
  if (s.type === 'integer') out = out.int();
  if (num(s.minimum) !== undefined) out = out.min(num(s.minimum)!);
  if (num(s.maximum) !== undefined) out = out.max(num(s.maximum)!);
  if (num(s.exclusiveMinimum) !== undefined)
    out = out.gt(num(s.exclusiveMinimum)!);
  if (num(s.exclusiveMaximum) !== undefined)
    out = out.lt(num(s.exclusiveMaximum)!);
  return out;
}

function objectSchema(s: JsonSchema): ZodTypeAny {
  if (!s.properties && s.additionalProperties !== false) {
    return z3.record(z3.any());
  }
  const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((s.required ?? []) as string[]);
  const shape = Object.fromEntries(
    Object.entries(properties).map(([key, prop]) => {
      const field = zodV3FromJsonSchema(prop);
      return [
        key,
        required.has(key) || prop.default !== undefined
          ? field
          : field.optional(),
      ];
    }),
  );
  const object = z3.object(shape);
  return s.additionalProperties === false ? object.strict() : object;
}

function typedSchema(s: JsonSchema): ZodTypeAny {
  if (Array.isArray(s.enum)) {
    const values = s.enum as string[];
    return values.every(v => typeof v === 'string')
      ? z3.enum(values as [string, ...string[]])
      : z3.any();
  }
  if (Array.isArray(s.anyOf)) {
    const options = (s.anyOf as JsonSchema[]).map(zodV3FromJsonSchema);
    return options.length === 1
      ? options[0]
      : z3.union(options as [ZodTypeAny, ZodTypeAny, ...ZodTypeAny[]]);
  }
  switch (s.type) {
    case 'string':
      return stringSchema(s);
    case 'number':
    case 'integer':
      return numberSchema(s);
    case 'boolean':
      return z3.boolean();
    case 'array': {
      let out = z3.array(zodV3FromJsonSchema((s.items ?? {}) as JsonSchema));
      if (num(s.minItems) !== undefined) out = out.min(num(s.minItems)!);
      if (num(s.maxItems) !== undefined) out = out.max(num(s.maxItems)!);
      return out;
    }
    case 'object':
      return objectSchema(s);
    default:
      return z3.any();
  }
}

/**
 * The zod v3 schema of a JSON Schema (as `z.toJSONSchema` writes the contracts: objects, strings
 * with length and pattern, numbers with bounds, booleans, string enums, arrays, `anyOf`,
 * defaults and descriptions); anything else is accepted as is, for the contract to decide.
 */
export function zodV3FromJsonSchema(s: JsonSchema): ZodTypeAny {
  let out = typedSchema(s);
  if (s.default !== undefined) out = out.default(s.default);
  if (typeof s.description === 'string') out = out.describe(s.description);
  return out;
}
