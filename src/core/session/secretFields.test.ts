// The secrets inside a readable session payload: by a field's name, or a value that is a password hash, at any depth.
import { describe, expect, it } from 'vitest';
import { secretFieldsOf } from './secretFields.ts';

const BCRYPT = '$2a$10$NEsrNyBIPGELx9DpIbm/x.VwAMOzhmX4cOfO4jzwRJf6XizYrxjI2';

describe('secretFieldsOf', () => {
  it("a Spring app's JWT: userDetails is JSON kept as text, with the user's bcrypt hash inside", () => {
    const userDetails = JSON.stringify({ roles: [{ code: 'superadmin' }], password: BCRYPT, username: 'admin' });
    expect(secretFieldsOf({ exp: 1685006390, userDetails })).toEqual([
      { path: 'userDetails.password', holds: 'a bcrypt password hash' },
    ]);
  });

  it('by name: a password, a hashed password, a secret or a key, in objects and lists', () => {
    expect(
      secretFieldsOf({
        user: { name: 'bob', pass: 'hunter2', hashed_password: 'ab12cd34' },
        clientSecret: 's3cr3t',
        keys: [{ apiKey: 'k-123' }],
        PasswordHash: 'deadbeef',
      }),
    ).toEqual([
      { path: 'user.pass', holds: 'a password' },
      { path: 'user.hashed_password', holds: 'a password' },
      { path: 'clientSecret', holds: 'a key' },
      { path: 'keys[0].apiKey', holds: 'a key' },
      { path: 'PasswordHash', holds: 'a password' },
    ]);
  });

  it('a password hash under any name, argon2 included', () => {
    expect(secretFieldsOf({ h: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA' })).toEqual([
      { path: 'h', holds: 'an argon2id password hash' },
    ]);
  });

  it("not a bcrypt hash's salt alone: Devise's remember-me token (its user, the hash's first 29 characters, a time)", () => {
    expect(secretFieldsOf([[1], '$2a$11$Vx1lmZ3rQwErTyUiOpAsDe', '1700000000.123'])).toEqual([]);
    expect(secretFieldsOf({ salt: '$6$rounds=5000$saltsaltsalt' })).toEqual([]);
    expect(secretFieldsOf({ h: '$6$saltsalt$hashhashhashhash' })).toEqual([
      { path: 'h', holds: 'a sha512-crypt password hash' },
    ]);
  });

  it('not what only names a password: a flag, a time, an empty field, a token, a user', () => {
    expect(
      secretFieldsOf({
        password: '',
        passwordSet: true,
        password_changed_at: '2024-01-01',
        passwordExpired: false,
        access_token: 'eyJ0eXAi',
        csrf_token: 'abcd',
        user: 'alice',
      }),
    ).toEqual([]);
    expect(secretFieldsOf('a text')).toEqual([]);
  });

  it('a hostile payload is walked to a bounded depth', () => {
    let deep: unknown = { password: 'x' };
    for (let i = 0; i < 1000; i++) deep = { a: deep };
    expect(secretFieldsOf(deep)).toEqual([]);
    const wide = Array.from({ length: 5000 }, () => ({ password: 'x' }));
    const found = secretFieldsOf(wide);
    expect(found.length).toBeGreaterThan(100);
    expect(found.length).toBeLessThan(2000);
  });
});
