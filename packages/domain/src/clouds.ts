/**
 * Clouds (domain.md §1): the Partner Center instances. Nothing crosses clouds. Everything that
 * differs between clouds lives in CLOUD_CAPABILITIES, not in scattered `if`s.
 */
export const CLOUDS = ['GLOBAL', 'US_GOVERNMENT', 'GERMANY'] as const;
export type Cloud = (typeof CLOUDS)[number];

/**
 * How license-based subscriptions may move between CSP partners:
 * `TERM_END_ONLY` (the seed's rule) or `ANYTIME` (Partner Center since 2024).
 */
export const LICENSE_TRANSFER_POLICIES = ['TERM_END_ONLY', 'ANYTIME'] as const;
export type LicenseTransferPolicy = (typeof LICENSE_TRANSFER_POLICIES)[number];

export interface CloudCapabilities {
  /** Human name of the instance. */
  label: string;
  /** `customerCreate` is allowed (GERMANY accepts no new customers: `CLOUD_CLOSED`). */
  acceptsNewCustomers: boolean;
  licenseTransferPolicy: LicenseTransferPolicy;
}

export const CLOUD_CAPABILITIES = {
  GLOBAL: { label: 'Global', acceptsNewCustomers: true, licenseTransferPolicy: 'TERM_END_ONLY' },
  US_GOVERNMENT: { label: 'US Government', acceptsNewCustomers: true, licenseTransferPolicy: 'TERM_END_ONLY' },
  GERMANY: { label: 'Germany', acceptsNewCustomers: false, licenseTransferPolicy: 'TERM_END_ONLY' },
} as const satisfies Record<Cloud, CloudCapabilities>;

export function cloudCapabilities(cloud: Cloud): CloudCapabilities {
  return CLOUD_CAPABILITIES[cloud];
}
