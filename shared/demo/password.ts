// The demo accounts' password (README's table) and its hash at today's parameters, computed
// once (tests/unit/password-hash.test.ts checks both), so a first start or a test does not
// spend ~0.3 s of scrypt per demo account. The password is public: a fixed salt costs nothing.
export const DEMO_PASSWORD = '12345678';
export const DEMO_PASSWORD_HASH =
  'scrypt$131072$8$1$JaWdaVgm4ajnkaEaEw+ZnQ==$tWgo7DtvEZ3RfFc1o79Tt1TzdUUtrXF3ToXwa1W8uV5xwVlu0c4kdGEIl4z4nxXzDC8LrbqxxfxJJcMZ+W1XPg==';
