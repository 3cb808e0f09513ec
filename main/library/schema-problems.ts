/**
 * Validates plain YAML data against a zod schema and turns every issue into a Problem at the
 * offending node, in words a college administrator can act on.
 */
import { z } from 'zod';
import { closestMatch, describeValue, fieldLabel, valueAt } from './describe-value.js';
import { problemAt } from './problem-at.js';
import type { YamlSource } from './read-yaml-file.js';
import type { Problem } from './types.js';

export interface SchemaResult<T> {
  /** The validated data, or undefined when the structure is wrong. */
  value: T | undefined;
  problems: Problem[];
}

/** Checks `data` against `schema`; also warns about unknown fields (likely typos). */
export function checkSchema<T>(
  schema: z.ZodType<T>,
  data: unknown,
  source: YamlSource,
): SchemaResult<T> {
  const problems = unknownFieldProblems(schema, data, [], source);
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data, problems };
  for (const issue of result.error.issues) problems.push(issueProblem(issue, data, source));
  return { value: undefined, problems };
}

const expectedWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  array: 'a list',
  object: 'a group of fields',
  boolean: 'true or false',
};

function issueProblem(issue: z.core.$ZodIssue, data: unknown, source: YamlSource): Problem {
  const path = issue.path;
  const field = fieldLabel(path);
  const value = valueAt(data, path);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = expectedWords[issue.expected] ?? issue.expected;
      if (path.length === 0) {
        const what =
          issue.expected === 'array' ? 'a list' : 'fields written as "name: value" lines';
        return problemAt(
          source,
          path,
          'wrong-type',
          value === null || value === undefined
            ? `the file is empty; it should contain ${what}`
            : `expected ${what}, but the file contains ${describeValue(value)}`,
        );
      }
      if (value === undefined) {
        return problemAt(source, path, 'missing-field', `missing required field ${field}`);
      }
      if (value === null) {
        return problemAt(
          source,
          path,
          'missing-field',
          `${field} is empty; write a value after the colon`,
        );
      }
      const hint =
        issue.expected === 'string' && typeof value === 'number'
          ? '; put it in quotes so it is read as text exactly as written'
          : '';
      return problemAt(
        source,
        path,
        'wrong-type',
        `${field} should be ${expected}, not ${describeValue(value)}${hint}`,
      );
    }
    case 'too_small': {
      const message =
        issue.origin === 'string'
          ? `${field} must not be empty`
          : issue.origin === 'array'
            ? `${field} needs at least ${Number(issue.minimum)} ${Number(issue.minimum) === 1 ? 'item' : 'items'}`
            : `${field} must be at least ${Number(issue.minimum)}, not ${describeValue(value)}`;
      return problemAt(
        source,
        path,
        issue.origin === 'string' ? 'missing-field' : 'invalid-value',
        message,
      );
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => String(v)).join(' or ');
      return problemAt(
        source,
        path,
        'invalid-value',
        `${field} must be ${allowed}, not ${describeValue(value)}`,
      );
    }
    default:
      return problemAt(source, path, 'invalid-value', `${field}: ${issue.message}`);
  }
}

/**
 * Unknown fields are warnings, not errors: the value is ignored, which is almost always a typo
 * (`catgory:`) the author wants to hear about, but it does not make the file unusable.
 */
function unknownFieldProblems(
  schema: z.ZodType,
  data: unknown,
  path: PropertyKey[],
  source: YamlSource,
): Problem[] {
  let inner: z.ZodType = schema;
  // Look through optional and nullable wrappers to the object or list inside.
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) {
    // unwrap() is typed with zod's core interface; the wrapped schema is always a classic one.
    inner = inner.unwrap() as z.ZodType;
  }
  if (inner instanceof z.ZodArray && Array.isArray(data)) {
    // z.ZodArray's element is typed as its core interface; it is always a classic schema here.
    const element = inner.element as z.ZodType;
    return data.flatMap((item, index) =>
      unknownFieldProblems(element, item, [...path, index], source),
    );
  }
  if (
    !(inner instanceof z.ZodObject) ||
    data === null ||
    typeof data !== 'object' ||
    Array.isArray(data)
  ) {
    return [];
  }
  const shape = inner.shape as Record<string, z.ZodType>;
  const known = Object.keys(shape);
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(data)) {
    const fieldSchema = shape[key];
    if (fieldSchema) {
      problems.push(...unknownFieldProblems(fieldSchema, value, [...path, key], source));
      continue;
    }
    problems.push(
      problemAt(
        source,
        [...path, key],
        'unknown-field',
        unknownFieldMessage(key, known),
        'warning',
        'key',
      ),
    );
  }
  return problems;
}

function unknownFieldMessage(key: string, known: readonly string[]): string {
  const close = closestMatch(key, known);
  return close
    ? `unknown field "${key}" is ignored; did you mean "${close}"?`
    : `unknown field "${key}" is ignored; known fields here: ${known.join(', ')}`;
}
