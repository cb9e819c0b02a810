// How the device token is kept at rest. The Electron shell passes a box backed by
// safeStorage (DPAPI / Keychain / libsecret); tests and the browser preview use the plain
// box, whose name says what it is: the token is only encoded, not protected.
export interface SecretBox {
  /** Stored beside the blob so a token sealed by another box is recognised. */
  readonly kind: string;
  encrypt(secret: string): Buffer;
  decrypt(blob: Buffer): string;
}

export const UNPROTECTED_PLAIN_BOX: SecretBox = {
  kind: 'plain',
  encrypt: (s) => Buffer.from(`plain:${s}`, 'utf8'),
  decrypt: (b) => {
    const s = b.toString('utf8');
    if (!s.startsWith('plain:')) throw new Error('not a plain-box blob');
    return s.slice('plain:'.length);
  },
};

/** Adapts Electron's safeStorage (passed in by the shell, never imported here). */
export function safeStorageBox(safeStorage: { encryptString(s: string): Buffer; decryptString(b: Buffer): string }): SecretBox {
  return { kind: 'safeStorage', encrypt: (s) => safeStorage.encryptString(s), decrypt: (b) => safeStorage.decryptString(b) };
}
