/** The customer-facing invitation page: public, outside the signed-in app. */
export const invitationPathPattern = '/invitations/:token';
