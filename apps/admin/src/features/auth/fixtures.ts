/** Test factories for the signed-in viewer, shaped as the API answers (with `__typename`). */
export function viewerResult(
  overrides: {
    name?: string;
    email?: string;
    role?: string;
    partnerName?: string;
    hasUser?: boolean;
  } = {},
) {
  const role = overrides.role ?? 'GLOBAL_ADMIN';
  return {
    data: {
      viewer: {
        __typename: 'Viewer',
        user:
          overrides.hasUser === false
            ? null
            : {
                __typename: 'User',
                id: 'VXNlcjox',
                email: overrides.email ?? 'admin@contoso.example',
                name: overrides.name ?? 'Megan Bowen',
                role,
              },
        partner: {
          __typename: 'Partner',
          id: 'UGFydG5lcjox',
          name: overrides.partnerName ?? 'Contoso Cloud Services',
          kind: 'DIRECT_PROVIDER',
          cloud: 'GLOBAL',
        },
        role,
      },
    },
  };
}

/** What the API answers `viewer` without a session: `Viewer!` cannot be null, so an error. */
export const signedOutViewerResult = {
  data: null,
  errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }],
};
