import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.js';

const CHEAP = { N: 1024, r: 8, p: 1 };

describe('hashPassword', () => {
  it('stores scrypt$N$r$p$salt$hash with a fresh salt each time', async () => {
    const first = await hashPassword('s3cret', CHEAP);
    const second = await hashPassword('s3cret', CHEAP);
    expect(first).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    expect(first).not.toBe(second);
  });

  it('uses a production cost by default', async () => {
    expect(await hashPassword('s3cret')).toMatch(/^scrypt\$32768\$8\$1\$/);
  });
});

describe('verifyPassword', () => {
  it('accepts the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('s3cret', CHEAP);
    expect(await verifyPassword('s3cret', stored)).toBe(true);
    expect(await verifyPassword('S3cret', stored)).toBe(false);
  });

  it('refuses malformed hashes instead of throwing', async () => {
    for (const stored of ['', 'plain', 'scrypt$x$8$1$c2FsdA==$aGFzaA==', 'bcrypt$1$2$3$4$5', 'scrypt$1024$8$1$c2FsdA==$']) {
      expect(await verifyPassword('s3cret', stored)).toBe(false);
    }
  });
});
