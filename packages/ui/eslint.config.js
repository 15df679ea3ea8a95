import { reactConfig } from '@switchyard/eslint-config/react';

export default reactConfig;
