/**
 * Where the API reads a cloud's `licenseTransferPolicy` (domain.md §7): from the domain's
 * CLOUD_CAPABILITIES table, unless the code runs inside `withCloudCapabilities`, which swaps in
 * other capabilities for what it runs — and only for that (AsyncLocalStorage follows the async
 * calls it makes, so concurrent requests outside it still read the table).
 *
 * Why a seam: every cloud is `TERM_END_ONLY` today, yet Partner Center has moved license-based
 * subscriptions `ANYTIME` since 2024. Tests prove the `ANYTIME` path through the real request
 * path by running it under other capabilities, without a test-only branch in the service.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { CLOUD_CAPABILITIES } from '@switchyard/domain';
import type { Cloud, CloudCapabilities, LicenseTransferPolicy } from '@switchyard/domain';

type CapabilityOverrides = Partial<Record<Cloud, Partial<CloudCapabilities>>>;

const overrides = new AsyncLocalStorage<CapabilityOverrides>();

/** The capabilities of `cloud` as the code running now sees them. */
export function cloudCapabilitiesOf(cloud: Cloud): CloudCapabilities {
  return { ...CLOUD_CAPABILITIES[cloud], ...overrides.getStore()?.[cloud] };
}

export function licenseTransferPolicyOf(cloud: Cloud): LicenseTransferPolicy {
  return cloudCapabilitiesOf(cloud).licenseTransferPolicy;
}

/** Runs `fn` (and everything it awaits) with some clouds' capabilities replaced. */
export function withCloudCapabilities<T>(capabilities: CapabilityOverrides, fn: () => Promise<T>): Promise<T> {
  return overrides.run(capabilities, fn);
}
