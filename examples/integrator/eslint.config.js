import { baseConfig } from '@switchyard/eslint-config/base';

export default baseConfig;
