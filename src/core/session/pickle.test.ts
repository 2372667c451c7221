import { describe, expect, it } from 'vitest';
import { readPickle } from './pickle.ts';

const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/** A Django 1.5 session as Python 2 pickles it (protocol 2, byte strings, a datetime with pytz's UTC). */
const PYTHON2_DJANGO_SESSION =
  'gAJ9cQEoVQ1fYXV0aF91c2VyX2lkSu5qDABVEl9hdXRoX3VzZXJfYmFja2VuZFUpZGphbmdvLmNvbnRyaWIuYXV0aC5iYWNrZW5kcy5Nb2RlbEJhY2tlbmRVEXNlc3Npb25wZXJzaXN0ZW50iVUEYXNpZE5VEGFsZXJ0X2NoZWNrX3RpbWVjZGF0ZXRpbWUKZGF0ZXRpbWUKcQNVCgfgBwwNHDYJHuljcHl0egpfVVRDCnEEKVJxBYZScQZ1Lg==';

/**
 * pickle.dumps({'user': 'alice', 'roles': ['admin', ('x', 2)], 'ratio': 0.5, 'big': 2**40, 'neg': -5,
 * 'huge': 2**80, 'ok': True, 'none': None, 'name': 'Zoë', 'when': datetime.date(2026, 1, 2)}) by Python 3.
 */
const PYTHON3 = {
  2: 'gAJ9cQAoWAQAAAB1c2VycQFYBQAAAGFsaWNlcQJYBQAAAHJvbGVzcQNdcQQoWAUAAABhZG1pbnEFWAEAAAB4cQZLAoZxB2VYBQAAAHJhdGlvcQhHP+AAAAAAAABYAwAAAGJpZ3EJigYAAAAAAAFYAwAAAG5lZ3EKSvv///9YBAAAAGh1Z2VxC4oLAAAAAAAAAAAAAAFYAgAAAG9rcQyIWAQAAABub25lcQ1OWAQAAABuYW1lcQ5YBAAAAFpvw6txD1gEAAAAd2hlbnEQY2RhdGV0aW1lCmRhdGUKcRFjX2NvZGVjcwplbmNvZGUKcRJYBQAAAAfDqgECcRNYBgAAAGxhdGluMXEUhnEVUnEWhXEXUnEYdS4=',
  4: 'gASVsAAAAAAAAAB9lCiMBHVzZXKUjAVhbGljZZSMBXJvbGVzlF2UKIwFYWRtaW6UjAF4lEsChpRljAVyYXRpb5RHP+AAAAAAAACMA2JpZ5SKBgAAAAAAAYwDbmVnlEr7////jARodWdllIoLAAAAAAAAAAAAAAGMAm9rlIiMBG5vbmWUTowEbmFtZZSMBFpvw6uUjAR3aGVulIwIZGF0ZXRpbWWUjARkYXRllJOUQwQH6gEClIWUUpR1Lg==',
  5: 'gAWVsAAAAAAAAAB9lCiMBHVzZXKUjAVhbGljZZSMBXJvbGVzlF2UKIwFYWRtaW6UjAF4lEsChpRljAVyYXRpb5RHP+AAAAAAAACMA2JpZ5SKBgAAAAAAAYwDbmVnlEr7////jARodWdllIoLAAAAAAAAAAAAAAGMAm9rlIiMBG5vbmWUTowEbmFtZZSMBFpvw6uUjAR3aGVulIwIZGF0ZXRpbWWUjARkYXRllJOUQwQH6gEClIWUUpR1Lg==',
};

describe('readPickle', () => {
  it('reads a Python 2 Django session: byte strings, integers, None, False, and a datetime by the name of its class', () => {
    expect(readPickle(bytes(PYTHON2_DJANGO_SESSION))).toEqual({
      _auth_user_id: 813806,
      _auth_user_backend: 'django.contrib.auth.backends.ModelBackend',
      sessionpersistent: false,
      asid: null,
      alert_check_time: 'datetime.datetime(…)',
    });
  });

  it.each([2, 4, 5] as const)('reads what Python 3 pickles with protocol %i, calling nothing', (protocol) => {
    expect(readPickle(bytes(PYTHON3[protocol]))).toEqual({
      user: 'alice',
      roles: ['admin', ['x', 2]],
      ratio: 0.5,
      big: 2 ** 40,
      neg: -5,
      huge: '<integer of 11 bytes>',
      ok: true,
      none: null,
      name: 'Zoë',
      when: 'datetime.date(…)',
    });
  });

  it("reads LONG1's two's complement: a negative integer too", () => {
    // pickle.dumps(-2**40, protocol=2)
    expect(readPickle(Uint8Array.from([128, 2, 138, 6, 0, 0, 0, 0, 0, 255, 46]))).toBe(-(2 ** 40));
  });

  it('keeps a key named __proto__ as a key, not as the object prototype', () => {
    const read = readPickle(bytes('gASVIAAAAAAAAAB9lIwJX19wcm90b19flH2UjAhwb2xsdXRlZJRLAXNzLg==')) as object;
    expect(Object.keys(read)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads a tree nested as deep as a session may be, and nothing deeper, shared or cyclic', () => {
    // [[[…]]] 15 lists deep, and 21 deep.
    const deep14 = 'gAJdcQBdcQFdcQJdcQNdcQRdcQVdcQZdcQddcQhdcQldcQpdcQtdcQxdcQ1dcQ5hYWFhYWFhYWFhYWFhYS4=';
    expect(JSON.stringify(readPickle(bytes(deep14)))).toBe(`${'['.repeat(15)}${']'.repeat(15)}`);
    const deep =
      'gAJdcQBdcQFdcQJdcQNdcQRdcQVdcQZdcQddcQhdcQldcQpdcQtdcQxdcQ1dcQ5dcQ9dcRBdcRFdcRJdcRNdcRRhYWFhYWFhYWFhYWFhYWFhYWFhYS4=';
    expect(readPickle(bytes(deep))).toBeUndefined();
    // l = []; l.append(l)
    expect(readPickle(bytes('gAJdcQBoAGEu'))).toBeUndefined();
    // s = [1]; [s, s]
    expect(readPickle(bytes('gAJdcQAoXXEBSwFhaAFlLg=='))).toBeUndefined();
  });

  it('reads nothing that is not a whole binary pickle of data', () => {
    const whole = bytes(PYTHON3[4]);
    expect(readPickle(whole.subarray(0, whole.length - 1))).toBeUndefined(); // no STOP
    expect(readPickle(whole.subarray(0, 60))).toBeUndefined(); // cut in a string
    expect(readPickle(Uint8Array.from([...whole, 0x4e]))).toBeUndefined(); // more after STOP
    expect(readPickle(bytes('KGRwMApWYQpwMQpJMQpzLg=='))).toBeUndefined(); // protocol 0, text opcodes
    expect(readPickle(Uint8Array.from([0x80, 0x02, 0x50, 0x31, 0x0a, 0x2e]))).toBeUndefined(); // PERSID
    expect(readPickle(Uint8Array.from([0x80, 0x02, 0x4e, 0x4e, 0x2e]))).toBeUndefined(); // two values left
    expect(readPickle(Uint8Array.from([0x80, 0x02, 0x68, 0x07, 0x2e]))).toBeUndefined(); // memo never put
    expect(readPickle(Uint8Array.from([0x80, 0x02, 0x4e, 0x4e, 0x52, 0x2e]))).toBeUndefined(); // calls no class
    expect(readPickle(new TextEncoder().encode('{"a": 1}'))).toBeUndefined();
  });
});
