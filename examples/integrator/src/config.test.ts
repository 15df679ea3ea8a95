import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.js';

describe('readConfig', () => {
  it('reads the URL, key, secret and page size', () => {
    expect(
      readConfig({
        SWITCHYARD_URL: 'https://switchyard.example.com',
        SWITCHYARD_API_KEY: ' sy_key ',
        SWITCHYARD_WEBHOOK_SECRET: 'whsec',
        SWITCHYARD_PAGE_SIZE: '100',
      }),
    ).toEqual({
      url: 'https://switchyard.example.com',
      apiKey: 'sy_key',
      webhookSecret: 'whsec',
      pageSize: 100,
    });
  });

  it('defaults to the local server and five customers a page', () => {
    expect(readConfig({ SWITCHYARD_API_KEY: 'sy_key' })).toEqual({
      url: 'http://localhost:4000',
      apiKey: 'sy_key',
      webhookSecret: undefined,
      pageSize: 5,
    });
  });

  it.each([
    ['a missing key', {}],
    ['a URL without a scheme', { SWITCHYARD_URL: 'localhost:4000', SWITCHYARD_API_KEY: 'k' }],
    ['a page size over the API’s 100', { SWITCHYARD_API_KEY: 'k', SWITCHYARD_PAGE_SIZE: '101' }],
    ['a page size of zero', { SWITCHYARD_API_KEY: 'k', SWITCHYARD_PAGE_SIZE: '0' }],
  ])('refuses %s', (_name, env) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
  });
});
