import { reactConfig } from '@switchyard/eslint-config/react';

export default [
  ...reactConfig,
  { ignores: ['src/graphql-env.d.ts'] },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
];
