import { DomainError } from '@switchyard/domain';
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { codedError, createErrorFormatter } from './errors.js';

const located = { message: 'x', locations: [{ line: 1, column: 3 }], path: ['field'] };

describe('createErrorFormatter', () => {
  const production = createErrorFormatter({ isProduction: true });
  const development = createErrorFormatter({ isProduction: false });

  it('masks an unknown error in production', () => {
    const error = new Error('password=hunter2');
    expect(production({ ...located, message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['...'] } }, error)).toEqual({
      message: 'Internal server error',
      locations: located.locations,
      path: located.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('keeps the message of an unknown error in development, coded INTERNAL_SERVER_ERROR', () => {
    const error = new Error('boom');
    expect(development({ ...located, message: 'boom', extensions: {} }, error)).toMatchObject({ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('keeps a domain error with its code and field', () => {
    const error = new DomainError('QUANTITY_DECREASE_NOT_ALLOWED', 'Seats can only be removed in the first 7 days.', { field: ['input', 'quantity'] });
    expect(production(located, error)).toEqual({
      ...located,
      message: 'Seats can only be removed in the first 7 days.',
      extensions: { code: 'QUANTITY_DECREASE_NOT_ALLOWED', field: ['input', 'quantity'] },
    });
  });

  it('keeps a coded GraphQL error and drops its stack trace in production', () => {
    const error = codedError('FORBIDDEN', 'Your role does not allow this.');
    expect(production({ ...located, message: error.message, extensions: { code: 'FORBIDDEN', stacktrace: ['at x'] } }, error)).toEqual({
      ...located,
      message: 'Your role does not allow this.',
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('reports a Pothos validation error (a bad cursor) as VALIDATION_FAILED', () => {
    const error = new PothosValidationError('Invalid cursor');
    expect(production({ ...located, extensions: {} }, error)).toMatchObject({ message: 'Invalid cursor', extensions: { code: 'VALIDATION_FAILED' } });
  });

  it('masks a GraphQLError whose code we do not expose', () => {
    const error = new GraphQLError('internal detail', { extensions: { code: 'SOMETHING_ELSE' } });
    expect(production({ ...located, extensions: { code: 'SOMETHING_ELSE' } }, error).message).toBe('Internal server error');
  });
});
