// A self-signed TLS certificate for the demo's host names, made fresh at every start-up so nothing
// secret is ever committed. Browsers are launched with --ignore-certificate-errors, so self-signed is enough.
import selfsigned from 'selfsigned';

/** Every name the demo serves over HTTPS; `*.test` covers lb.test, other.test and friends. */
export const DEMO_CERT_NAMES = ['*.test', 'shop.test', '*.shop.test', 'api.shop.test', 'other.test', 'localhost'];

export interface DemoCertificate {
  readonly key: string;
  readonly cert: string;
}

export async function generateDemoCertificate(): Promise<DemoCertificate> {
  const now = Date.now();
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'shop.test' }], {
    keyType: 'ec',
    curve: 'P-256',
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + 30 * 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...DEMO_CERT_NAMES.map((value) => ({ type: 2 as const, value })),
          { type: 7 as const, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
