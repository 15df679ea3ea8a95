import { defineConfig } from 'vitest/config';

export const config = defineConfig({
  resolve: {
    // One graphql module for our code and @graphql-inspector/core (two copies: "another realm" errors).
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: { include: ['src/**/*.test.ts'] },
});

export default config;
