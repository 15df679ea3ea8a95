import { defineConfig } from 'vitest/config';

export const config = defineConfig({
  test: { include: ['src/**/*.test.ts'] },
});

export default config;
