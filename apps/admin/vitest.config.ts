import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export const config = defineConfig({
  plugins: [react()],
  resolve: {
    // Node and Vite would otherwise load graphql twice (CJS and ESM): "another realm" errors.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./vitest.setup.ts'],
    // Room for the 5 s `waitFor` of vitest.setup.ts when CI's two cores are busy.
    testTimeout: 20_000,
  },
});

export default config;
