import { describe, expect, it } from 'vitest';
import { refusalOf } from './refusal.js';

describe('refusalOf', () => {
  it('reports a reason about the whole request before one about an item', () => {
    const error = refusalOf([
      { code: 'LICENSE_TERM_NOT_ENDED', message: 'item', field: ['subscriptionIds', '0'] },
      { code: 'RELATIONSHIP_REQUIRED', message: 'request' },
    ]);
    expect(error.toUserError()).toEqual({ code: 'RELATIONSHIP_REQUIRED', message: 'request' });
  });

  it('otherwise reports the first reason, with its field', () => {
    const error = refusalOf([
      { code: 'SELF_TRANSFER', message: 'first', field: ['subscriptionIds', '0'] },
      { code: 'ALREADY_IN_TRANSFER', message: 'second', field: ['subscriptionIds', '1'] },
    ]);
    expect(error.toUserError()).toEqual({ code: 'SELF_TRANSFER', message: 'first', field: ['subscriptionIds', '0'] });
  });
});
