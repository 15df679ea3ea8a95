// @vitest-environment node
/**
 * The provisional schema (what the admin app's operations are typed against until the API serves
 * all of it) must agree with the API's printed schema wherever both define something: same field
 * types, no enum value the API does not have. A disagreement is a bug in one of the two.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, isEnumType, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';

const apiSchemaPath = fileURLToPath(new URL('../../api/schema.graphql', import.meta.url));
const provisionalSchemaPath = fileURLToPath(
  new URL('./provisional-schema.graphql', import.meta.url),
);

describe.skipIf(!existsSync(apiSchemaPath))('provisional schema', () => {
  it('agrees with apps/api/schema.graphql wherever both define a type or field', () => {
    const api = buildSchema(readFileSync(apiSchemaPath, 'utf8'));
    const provisional = buildSchema(readFileSync(provisionalSchemaPath, 'utf8'));
    const disagreements: string[] = [];

    for (const type of Object.values(provisional.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      const apiType = api.getType(type.name);
      if (!apiType) continue;
      if (
        (isObjectType(type) || isInterfaceType(type)) &&
        (isObjectType(apiType) || isInterfaceType(apiType))
      ) {
        const apiFields = apiType.getFields();
        for (const field of Object.values(type.getFields())) {
          const apiField = apiFields[field.name];
          if (apiField && String(apiField.type) !== String(field.type)) {
            disagreements.push(
              `${type.name}.${field.name}: API ${String(apiField.type)}, admin ${String(field.type)}`,
            );
          }
        }
      } else if (isEnumType(type) && isEnumType(apiType)) {
        const apiValues = new Set(apiType.getValues().map((value) => value.name));
        for (const value of type.getValues()) {
          if (!apiValues.has(value.name))
            disagreements.push(`${type.name}.${value.name}: not in the API`);
        }
      } else if (type.constructor !== apiType.constructor) {
        disagreements.push(`${type.name}: a different kind of type in the API`);
      }
    }

    expect(disagreements).toEqual([]);
  });
});
