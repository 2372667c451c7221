// Ruby's Marshal format as Rack::Session::Cookie writes a session: values dumped by Ruby 3.1 (Debian 12), and a real
// cookie from the sinatra-warden recording.
import { describe, expect, it } from 'vitest';
import { readRubyMarshal } from './rubyMarshal.ts';

const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

describe('readRubyMarshal', () => {
  it('reads what a session holds: hashes, strings and symbols, integers of every size, floats, nil, true, false', () => {
    // Marshal.dump({"a"=>1, "b"=>[nil,true,false,-3,300,-300,70000,-70000,1.5,"x"], :s=>"t", "big"=>2**31-1, "neg"=>-(2**31)})
    const dump =
      'BAh7CkkiBmEGOgZFVGkGSSIGYgY7AFRbDzBURmn4aQIsAWn+1P5pA3ARAWn9kO7+ZggxLjVJIgZ4BjsAVDoGc0kiBnQGOwBUSSIIYmlnBjsAVGwrB////39JIghuZWcGOwBUbC0HAAAAgA==';
    expect(readRubyMarshal(bytes(dump))).toEqual({
      a: 1,
      b: [null, true, false, -3, 300, -300, 70000, -70000, 1.5, 'x'],
      s: 't',
      big: 2 ** 31 - 1,
      neg: -(2 ** 31),
    });
    // A UTF-8 string, its encoding an instance variable.
    expect(readRubyMarshal(bytes('BAhJIgpjYWbDqQY6BkVU'))).toBe('café');
  });

  it("reads Rack's session, its ID an object of its own (Rack::Session::SessionId)", () => {
    const cookie =
      'BAh7B0kiD3Nlc3Npb25faWQGOgZFVG86HVJhY2s6OlNlc3Npb246OlNlc3Npb25JZAY6D0BwdWJsaWNfaWRJIkU2OGQ2N2IzZDRlY2M3MzMxNzNmYmQ4NjMyODIxOTU3YmRlOGE1Yjc4YTVmZTAyMGYyMmQ2YjI3OGRmNTY3NGI5BjsARkkiC3Zpc2l0cwY7AEZpBg==';
    expect(readRubyMarshal(bytes(cookie))).toEqual({
      session_id: { public_id: '68d67b3d4ecc733173fbd8632821957bde8a5b78a5fe020f22d6b278df5674b9' },
      visits: 1,
    });
  });

  it("reads a subclass of Hash as a hash: Rails 2's flash (ActionController::Flash::FlashHash, with its @used)", () => {
    const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
    const symbol = (name: string) => [0x3a, name.length + 5, ...ascii(name)];
    // {flash: FlashHash{notice: "hi"} with @used = {}}, as Twitter's `_twitter_sess` of 2011 holds it.
    const flash = [0x49, 0x43, ...symbol('FlashHash'), 0x7b, 6, ...symbol('notice'), 0x22, 7, ...ascii('hi')];
    const dump = Uint8Array.of(4, 8, 0x7b, 6, ...symbol('flash'), ...flash, 6, ...symbol('@used'), 0x7b, 0);
    expect(readRubyMarshal(dump)).toEqual({ flash: { notice: 'hi' } });
  });

  it('gives undefined for what is not a dump it takes: another version, cut short, bytes left over, nested too deep', () => {
    const dump = bytes('BAhJIgpjYWbDqQY6BkVU');
    expect(readRubyMarshal(Uint8Array.of(4, 9, 0x30))).toBeUndefined();
    expect(readRubyMarshal(dump.subarray(0, dump.length - 2))).toBeUndefined();
    expect(readRubyMarshal(Uint8Array.of(...dump, 0x30))).toBeUndefined();
    expect(
      readRubyMarshal(Uint8Array.of(4, 8, ...new Array(40).fill(0x5b).flatMap((b) => [b, 6]), 0x30)),
    ).toBeUndefined();
    // A hash whose key is an array, a count past any session's: not read.
    expect(readRubyMarshal(Uint8Array.of(4, 8, 0x7b, 6, 0x5b, 0, 0x30))).toBeUndefined();
    expect(readRubyMarshal(Uint8Array.of(4, 8, 0x5b, 2, 0xff, 0xff))).toBeUndefined();
  });
});
