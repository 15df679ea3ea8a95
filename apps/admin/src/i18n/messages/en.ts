/**
 * English: the admin app's source catalog. Every string the app shows is here; other languages are
 * catalogs of the same type (`Catalog`), so adding French is adding `fr.ts` and one line in
 * `../locales.ts`. Values interpolate `{name}`; a value may be plural forms keyed by
 * Intl.PluralRules categories (`one`, `other`, …), chosen by the `count` parameter.
 * Labels for domain enums are typed against the domain's constants, so a new role, channel or
 * status fails the type check until it has a label.
 */
import type {
  Channel,
  Cloud,
  ErrorCode,
  PartnerKind,
  Role,
  SubscriptionStatus,
} from '@switchyard/domain';
import type { PluralMessage } from '../message';

const roles = {
  'role.GLOBAL_ADMIN': 'Global admin',
  'role.ADMIN_AGENT': 'Admin agent',
  'role.SALES_AGENT': 'Sales agent',
  'role.HELPDESK_AGENT': 'Helpdesk agent',
  'role.BILLING_ADMIN': 'Billing admin',
} as const satisfies Record<`role.${Role}`, string>;

const clouds = {
  'cloud.GLOBAL': 'Global',
  'cloud.US_GOVERNMENT': 'US Government',
  'cloud.GERMANY': 'Germany',
} as const satisfies Record<`cloud.${Cloud}`, string>;

const partnerKinds = {
  'partnerKind.DIRECT_PROVIDER': 'Direct provider',
  'partnerKind.INDIRECT_PROVIDER': 'Indirect provider',
  'partnerKind.INDIRECT_RESELLER': 'Indirect reseller',
} as const satisfies Record<`partnerKind.${PartnerKind}`, string>;

const channels = {
  'channel.CSP': 'CSP',
  'channel.DIRECT': 'Direct',
  'channel.ADVISOR': 'Advisor',
  'channel.OPEN': 'Open',
  'channel.EA': 'Enterprise Agreement',
  'channel.THIRD_PARTY': 'Third party',
  'channel.SYNDICATION': 'Syndication',
} as const satisfies Record<`channel.${Channel}`, string>;

const subscriptionStatuses = {
  'subscriptionStatus.PENDING': 'Pending',
  'subscriptionStatus.ACTIVE': 'Active',
  'subscriptionStatus.SUSPENDED': 'Suspended',
  'subscriptionStatus.CANCELLED': 'Cancelled',
  'subscriptionStatus.EXPIRED': 'Expired',
} as const satisfies Record<`subscriptionStatus.${SubscriptionStatus}`, string>;

/** The viewer's relationship with a customer, as the customer list shows it. */
const relationshipStatuses = {
  'relationshipStatus.ACTIVE': 'Active',
  'relationshipStatus.PENDING': 'Request pending',
  'relationshipStatus.TERMINATED': 'Terminated',
} as const;

/** Messages for the error codes the app shows today; others fall back to the server's message. */
const errors = {
  'error.UNAUTHENTICATED': 'Your session has ended. Sign in again.',
  'error.FORBIDDEN': 'Your role does not allow this.',
  'error.NOT_FOUND': 'This item does not exist, or you do not have access to it.',
  'error.RATE_LIMITED': 'Too many requests. Wait a moment and try again.',
  'error.LOGIN_THROTTLED': 'Too many failed sign-ins. Wait a few minutes, then try again.',
} as const satisfies Partial<Record<`error.${ErrorCode}`, string>>;

export const en = {
  'app.name': 'Switchyard',
  'app.skipToMain': 'Skip to main content',
  'app.mainNavigation': 'Main',
  'app.loading': 'Loading Switchyard',
  'app.loadFailed': 'Switchyard could not reach the server.',
  'app.retry': 'Try again',
  'app.notFound.title': 'Page not found',
  'app.notFound.body': 'There is no page at this address.',
  'app.notFound.home': 'Go to customers',
  'app.notAvailable': '—',
  'app.yes': 'Yes',
  'app.no': 'No',

  'nav.customers': 'Customers',
  'nav.graphiql': 'API explorer',

  'header.signedInAs': 'Signed in as {name}',
  'header.apiKey': 'API key',
  'header.role': 'Role: {role}',
  'header.signOut': 'Sign out',
  'header.signingOut': 'Signing out…',
  'header.signOutFailed': 'Sign-out failed. Try again.',

  'signIn.title': 'Sign in to Switchyard',
  'signIn.intro': 'Use the email address and password of your partner account.',
  'signIn.email': 'Email',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.email.required': 'Enter your email address.',
  'signIn.email.invalid': 'Enter an email address like name@example.com.',
  'signIn.password.required': 'Enter your password.',
  'signIn.password.tooLong': 'This password is too long.',
  'signIn.failed': 'Sign-in failed',
  'signIn.error.UNAUTHENTICATED': 'The email or password is incorrect.',
  'signIn.error.network': 'The server could not be reached. Check your connection and try again.',
  'signIn.error.unexpected': 'Something went wrong on the server. Try again in a moment.',
  'signIn.sessionExpired': 'Your session has ended. Sign in again to continue.',

  'customers.title': 'Customers',
  'customers.search': 'Search customers',
  'customers.search.description': 'Company name or domain',
  'customers.caption': 'Customers',
  'customers.loading': 'Loading customers',
  'customers.empty': 'No customers yet.',
  'customers.emptySearch': 'No customers match “{search}”.',
  'customers.loadFailed': 'Customers could not be loaded.',
  'customers.count': { one: '{count} customer', other: '{count} customers' },
  'customers.pages': 'Customer list pages',
  'customers.column.companyName': 'Company',
  'customers.column.primaryDomain': 'Primary domain',
  'customers.column.country': 'Country',
  'customers.column.cloud': 'Cloud',
  'customers.column.relationship': 'Relationship',
  'customers.column.subscriptions': 'Subscriptions',
  'customers.partnerTenant': 'Partner tenant',

  'customer.back': 'All customers',
  'customer.loading': 'Loading customer',
  'customer.loadFailed': 'This customer could not be loaded.',
  'customer.notFound': 'This customer does not exist, or you do not have access to it.',
  'customer.profile': 'Profile',
  'customer.field.primaryDomain': 'Primary domain',
  'customer.field.country': 'Country',
  'customer.field.cloud': 'Cloud',
  'customer.field.relationship': 'Relationship',
  'customer.field.isPartnerTenant': 'Partner tenant',
  'customer.subscriptions': 'Subscriptions',
  'customer.subscriptions.caption': 'Subscriptions of {companyName}',
  'customer.subscriptions.empty': 'This customer has no subscriptions you can see.',
  'customer.subscriptions.more': 'Showing the first {shown} of {total} subscriptions.',
  'subscription.column.offer': 'Offer',
  'subscription.column.channel': 'Channel',
  'subscription.column.status': 'Status',
  'subscription.column.quantity': 'Quantity',
  'subscription.column.termEndDate': 'Term ends',

  'pagination.previous': 'Previous',
  'pagination.next': 'Next',

  'graphiql.title': 'Switchyard API explorer',
  'graphiql.apiKey': 'API key',
  'graphiql.apiKey.description':
    'Optional. Sent as “Authorization: Bearer …”. Without one, requests use your admin app session.',
  'graphiql.apiKey.save': 'Use key',
  'graphiql.apiKey.clear': 'Forget key',
  'graphiql.apiKey.usingKey': 'Requests use the API key ending in {suffix}.',
  'graphiql.apiKey.usingSession': 'Requests use your admin app session.',
  'graphiql.backToApp': 'Back to the admin app',

  ...roles,
  ...clouds,
  ...partnerKinds,
  ...channels,
  ...subscriptionStatuses,
  ...relationshipStatuses,
  ...errors,
} as const satisfies Record<string, string | PluralMessage>;
