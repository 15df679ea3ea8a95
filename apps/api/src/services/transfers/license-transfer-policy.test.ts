import { describe, expect, it } from 'vitest';
import { cloudCapabilitiesOf, licenseTransferPolicyOf, withCloudCapabilities } from './license-transfer-policy.js';

describe('licenseTransferPolicyOf', () => {
  it("reads the domain's capability table by default (TERM_END_ONLY everywhere today)", () => {
    expect(licenseTransferPolicyOf('GLOBAL')).toBe('TERM_END_ONLY');
    expect(licenseTransferPolicyOf('GERMANY')).toBe('TERM_END_ONLY');
  });

  it('reads the capabilities swapped in for what runs inside withCloudCapabilities, and only there', async () => {
    const inside = withCloudCapabilities({ GLOBAL: { licenseTransferPolicy: 'ANYTIME' } }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return [licenseTransferPolicyOf('GLOBAL'), licenseTransferPolicyOf('US_GOVERNMENT'), cloudCapabilitiesOf('GLOBAL').acceptsNewCustomers];
    });
    expect(licenseTransferPolicyOf('GLOBAL')).toBe('TERM_END_ONLY');
    expect(await inside).toEqual(['ANYTIME', 'TERM_END_ONLY', true]);
  });
});
