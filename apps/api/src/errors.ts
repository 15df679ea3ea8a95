/**
 * The one mapping from errors to what a GraphQL client sees. Broken business rules travel as
 * `userErrors` in mutation payloads (domain.md §9); what reaches this file are top-level errors:
 * missing credentials, a refused page size, a wrong role, a malformed request — and bugs.
 *
 * Rule: a client sees a message only when its `extensions.code` is one we chose to expose (the
 * domain's ERROR_CODES and GraphQL's own request errors). Anything else is a bug, logged in full
 * and, in production, reported as `Internal server error` with code INTERNAL_SERVER_ERROR.
 */
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { PothosValidationError } from '@pothos/core';
import { ERROR_CODES, isDomainError } from '@switchyard/domain';
import type { ErrorCode } from '@switchyard/domain';
import { GraphQLError } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';

export const INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR';

/** Codes whose message is written for the client (the request was wrong, not the server). */
const EXPOSED_CODES = new Set<string>([
  ...ERROR_CODES,
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
]);

/** A top-level GraphQL error carrying one of the domain's codes. */
export function codedError(code: ErrorCode, message: string, options: { field?: string[] } = {}): GraphQLError {
  return new GraphQLError(message, {
    extensions: options.field ? { code, field: options.field } : { code },
  });
}

export function unauthenticatedError(
  message = 'Authentication required: sign in, or send an API key as "Authorization: Bearer <key>".',
): GraphQLError {
  return codedError('UNAUTHENTICATED', message);
}

export function forbiddenError(message = 'Your role does not allow this.'): GraphQLError {
  return codedError('FORBIDDEN', message);
}

/** Same message whether the object does not exist or is not visible to the caller (domain.md §8). */
export function notFoundError(what = 'object'): GraphQLError {
  return codedError('NOT_FOUND', `No ${what} with this id.`);
}

export interface FormatErrorOptions {
  isProduction: boolean;
  /** Receives every error that is not one we expose, with its original. */
  onInternalError?: (error: unknown) => void;
}

/** Apollo's `formatError`: keeps our codes, masks everything else in production. */
export function createErrorFormatter({ isProduction, onInternalError }: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { locations: formatted.locations, path: formatted.path };

    if (isDomainError(original)) {
      const extensions = original.field ? { code: original.code, field: original.field } : { code: original.code };
      return { ...base, message: original.message, extensions };
    }
    // Pothos refuses malformed cursors, negative page sizes and the like: the client's mistake.
    if (original instanceof PothosValidationError && !hasExposedCode(original)) {
      return { ...base, message: original.message, extensions: { code: 'VALIDATION_FAILED' } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && EXPOSED_CODES.has(code)) {
      // Never a stack trace in production, whatever Apollo was configured to include.
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      // Nor a "did you mean …?" (variable coercion adds them too, not only validation).
      return isProduction ? { ...formatted, message: withoutSuggestions(formatted.message), extensions } : formatted;
    }

    onInternalError?.(original);
    if (isProduction) {
      return { ...base, message: 'Internal server error', extensions: { code: INTERNAL_SERVER_ERROR } };
    }
    return { ...formatted, extensions: { ...formatted.extensions, code: INTERNAL_SERVER_ERROR } };
  };
}

function hasExposedCode(error: GraphQLError): boolean {
  const code = error.extensions.code;
  return typeof code === 'string' && EXPOSED_CODES.has(code);
}

/** A message without GraphQL's "Did you mean …?" hints, which name parts of the schema. */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean [\s\S]+?\?(?=$|\n)/g, '');
}
