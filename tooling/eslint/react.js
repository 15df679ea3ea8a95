// Lint rules for React packages: the base rules plus the hooks rules.
import reactHooks from 'eslint-plugin-react-hooks';
import { baseConfig } from './base.js';

export const reactConfig = [
  ...baseConfig,
  {
    files: ['**/*.tsx', '**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
];
