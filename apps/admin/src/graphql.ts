/**
 * The typed `graphql()` every operation in the admin app is written with (gql.tada): documents are
 * checked against the API schema at type-check time and their results and variables are typed,
 * with no code generation beyond `src/graphql-env.d.ts` (`pnpm gql.tada generate output`).
 */
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: {
    /** ISO 8601 calendar date, `2025-06-30`. */
    Date: string;
    /** ISO 8601 instant, `2025-06-30T12:00:00.000Z`. */
    DateTime: string;
  };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
