import "server-only";
import { env } from "@/server/env";

/**
 * HeyGen's media: videos, thumbnails, captions and catalogue previews are presigned URLs on its CDN hosts
 * (resource.heygen.ai, files2.heygen.ai, …), which may change: its domain, any subdomain.
 */
const HEYGEN_MEDIA = "https://*.heygen.ai";

/**
 * Where pages may load images and media from: the app, HeyGen's media hosts, and HEYGEN_API_URL's origin (the
 * offline fake serves its media from its own address; with the real API that is api.heygen.com, harmless).
 */
function mediaSources(): string {
  return ["'self'", HEYGEN_MEDIA, new URL(env.HEYGEN_API_URL).origin, ...storageOrigins()].join(" ");
}

/**
 * Where /media/... may redirect a browser for our own copies: MEDIA_PUBLIC_URL's origin, and with S3 storage the
 * origin its presigned GETs name (the endpoint with path-style addressing, else the bucket's own host).
 */
function storageOrigins(): string[] {
  const origins = env.MEDIA_PUBLIC_URL ? [new URL(env.MEDIA_PUBLIC_URL).origin] : [];
  if (env.MEDIA_STORAGE !== "s3" || !env.S3_BUCKET) return origins;
  if (!env.S3_ENDPOINT) return [...origins, `https://${env.S3_BUCKET}.s3.${env.S3_REGION}.amazonaws.com`];
  const endpoint = new URL(env.S3_ENDPOINT);
  return [
    ...origins,
    env.S3_FORCE_PATH_STYLE ? endpoint.origin : `${endpoint.protocol}//${env.S3_BUCKET}.${endpoint.host}`,
  ];
}

/**
 * A page's Content-Security-Policy (src/proxy.ts, per request). Scripts run only from this origin or inline with
 * this request's nonce, which Next puts on its own scripts (it reads it from this header on the request). Styles
 * stay 'unsafe-inline': React writes `style` attributes, which a nonce cannot cover. `frameAncestors` says who may
 * embed the page: nobody, or anyone for the embed player.
 */
export function pageContentSecurityPolicy(nonce: string, frameAncestors: "'none'" | "*"): string {
  // React's development tooling evaluates code (error stacks, refresh); the production build never needs eval.
  const evaluate = env.NODE_ENV === "development" ? " 'unsafe-eval'" : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${evaluate}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src ${mediaSources()} data: blob:`,
    `media-src ${mediaSources()} blob:`,
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

/** A fresh nonce for each page request: 128 random bits, base64. */
export const newNonce = () => Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
