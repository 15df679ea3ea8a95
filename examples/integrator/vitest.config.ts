import { defineConfig } from 'vitest/config';

export const config = defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The end-to-end test starts the real API (migrations and the demo world on PGlite) first.
    hookTimeout: 180_000,
    testTimeout: 120_000,
  },
});

export default config;
