import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const ALGORITHM = "aes-256-gcm";
/** GCM's standard nonce size; a fresh random one per write, so no (key, nonce) pair is ever reused in practice. */
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A stored value that cannot be decrypted: another ENCRYPTION_KEY, a changed byte, or a row moved to another name. */
export class UnreadableSettingError extends Error {
  constructor(name: string) {
    super(`The setting "${name}" cannot be decrypted with this ENCRYPTION_KEY.`);
    this.name = "UnreadableSettingError";
  }
}

/**
 * AES-256-GCM of `plaintext` as `base64url(iv).base64url(tag).base64url(ciphertext)`. The setting's name is
 * authenticated with it (additional data): a row copied under another name does not decrypt.
 */
export function encryptSetting(key: Buffer, name: string, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(name, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64url")).join(".");
}

/** The plaintext of `stored`, or UnreadableSettingError when the tag does not check out (nothing unauthenticated is returned). */
export function decryptSetting(key: Buffer, name: string, stored: string): string {
  const [iv, tag, ciphertext, ...rest] = stored.split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !ciphertext || rest.length > 0 || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new UnreadableSettingError(name);
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(name, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new UnreadableSettingError(name);
  }
}
