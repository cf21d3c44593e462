/**
 * When HeyGen's presigned media URLs stop working. HeyGen documents 7 days, one of its texts says about 24 hours:
 * the expiry written in the URL wins, and a URL that says nothing is assumed to last the shorter of the two.
 */
export const ASSUMED_LIFETIME_MS = 24 * 3600 * 1000;

/** Expiry of one presigned URL: `Expires` (Unix seconds: CloudFront, the fake), or S3's X-Amz-Date + X-Amz-Expires. */
export function urlExpiry(url: string, receivedAt = new Date()): Date {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return new Date(receivedAt.getTime() + ASSUMED_LIFETIME_MS);
  }
  const expires = params.get("Expires") ?? params.get("expires");
  if (expires && /^\d{9,11}$/.test(expires)) return new Date(Number(expires) * 1000);
  const amzDate = params.get("X-Amz-Date")?.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  const amzSeconds = Number(params.get("X-Amz-Expires"));
  if (amzDate && Number.isFinite(amzSeconds) && amzSeconds > 0) {
    const [, y, mo, d, h, mi, s] = amzDate.map(Number) as number[];
    return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) + amzSeconds * 1000);
  }
  return new Date(receivedAt.getTime() + ASSUMED_LIFETIME_MS);
}

/** The earliest expiry among a video's media URLs; null when it has none. */
export function mediaExpiry(urls: Array<string | null | undefined>, receivedAt = new Date()): Date | null {
  const expiries = urls.filter((url): url is string => Boolean(url)).map((url) => urlExpiry(url, receivedAt).getTime());
  return expiries.length ? new Date(Math.min(...expiries)) : null;
}
