import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from './canonical';
import { sha256HexSync } from './sha256-sync';

describe('canonicalJson', () => {
  it('sorts keys at every level and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null } })).toBe('{"a":{"c":null,"d":[1,"x"]},"b":1}');
  });

  it('escapes strings as JSON does', () => {
    expect(canonicalJson({ t: 'rad 1\n"citat" <script>' })).toBe('{"t":"rad 1\\n\\"citat\\" <script>"}');
  });

  it('refuses values JSON cannot represent exactly', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });
});

describe('sha256HexSync', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256HexSync('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256HexSync('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('agrees with crypto.subtle on lengths around block edges and on long Swedish text', async () => {
    const inputs = [55, 56, 63, 64, 65, 119, 120].map((n) => 'å'.repeat(n));
    inputs.push('Hej på dig 😀 '.repeat(20_000));
    for (const input of inputs) expect(sha256HexSync(input)).toBe(await sha256Hex(input));
  });
});
