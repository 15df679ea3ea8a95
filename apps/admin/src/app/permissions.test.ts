import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { allowanceFor } from './permissions';

describe('allowanceFor', () => {
  const { t } = createI18n('en');

  it('allows what the shared role table allows', () => {
    expect(allowanceFor('ADMIN_AGENT', 'subscriptions:cancel', t)).toEqual({
      isAllowed: true,
      reason: undefined,
    });
  });

  it('says why an action is refused, naming the role and the action', () => {
    expect(allowanceFor('HELPDESK_AGENT', 'subscriptions:cancel', t)).toEqual({
      isAllowed: false,
      reason:
        'Your role (Helpdesk agent) does not allow you to cancel subscriptions and services. Ask a global admin of your organisation.',
    });
  });

  it('says it in French', () => {
    expect(allowanceFor('BILLING_ADMIN', 'apiKeys:manage', createI18n('fr').t).reason).toBe(
      'Votre rôle (Administrateur de facturation) ne vous permet pas de gérer les clés API. Adressez-vous à un administrateur général de votre organisation.',
    );
  });
});
