/**
 * Refuses a connection page larger than MAX_PAGE_SIZE instead of silently shortening it (Pothos
 * clamps `first`/`last` to `maxSize` by default; domain.md §11 wants a clear error). A small
 * Pothos plugin, so every field with `first`/`last` arguments gets the check — root connections,
 * related connections, and any added later — without each feature remembering it.
 */
import SchemaBuilder, { BasePlugin } from '@pothos/core';
import type { PothosOutputFieldConfig, SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import { codedError } from '../errors.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

const PAGE_SIZE_ARGUMENTS = ['first', 'last'] as const;

export function assertPageSize(args: Record<string, unknown>): void {
  for (const name of PAGE_SIZE_ARGUMENTS) {
    const value = args[name];
    if (typeof value !== 'number') continue;
    if (value > MAX_PAGE_SIZE) {
      throw codedError('VALIDATION_FAILED', `${name} must be at most ${MAX_PAGE_SIZE}; page through larger lists with the cursors.`, { field: [name] });
    }
    if (value < 0) throw codedError('VALIDATION_FAILED', `${name} must not be negative.`, { field: [name] });
  }
}

export class PageSizeLimitPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (!PAGE_SIZE_ARGUMENTS.some((name) => name in fieldConfig.args)) return resolver;
    return (parent, args, context, info) => {
      assertPageSize(args as Record<string, unknown>);
      return resolver(parent, args, context, info);
    };
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Pothos registers plugins by declaration merging.
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      pageSizeLimit: PageSizeLimitPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('pageSizeLimit', PageSizeLimitPlugin);
