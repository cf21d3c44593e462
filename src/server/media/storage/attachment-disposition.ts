import "server-only";
import { create as contentDisposition } from "content-disposition";

/**
 * `Content-Disposition: attachment` naming the file (RFC 6266): the name itself as UTF-8 in `filename*` (RFC 5987)
 * for every current browser, and an ASCII `filename` for older clients and for the proxies and services (S3's
 * presigned response headers among them) that mangle anything else in a header.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // accents off their letters: "Café" → "Cafe"
    .replace(/[^\x20-\x7e]/g, "_");
  return contentDisposition(fileName, { type: "attachment", fallback: ascii });
}
