import { HttpResponse } from "msw";

/** What a load balancer in front of HeyGen answers: HTML, not HeyGen's JSON envelope. */
export const gatewayPage = (status: 502 | 504, title: string) =>
  new HttpResponse(
    `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
    { status, headers: { "content-type": "text/html" } },
  );

/** A 200 cut short: not JSON, and without the video id, so a client cannot guess what was created. */
export const unreadableOk = () =>
  new HttpResponse('{"data": {"video_id": ', { headers: { "content-type": "application/json" } });

/**
 * Answers that never come: each waits until the client aborts, `hangMs` passes (then a gateway 504),
 * or `releaseAll()` (close, reset), so that nothing waits forever inside a test run.
 */
export function createHangs(hangMs: number | undefined) {
  const hanging = new Set<() => void>();

  function hang(request: Request): Promise<Response> {
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = (response: Response) => {
        clearTimeout(timer);
        hanging.delete(release);
        request.signal.removeEventListener("abort", onAbort);
        resolve(response);
      };
      const release = () => finish(gatewayPage(504, "Gateway Time-out"));
      const onAbort = () => finish(new HttpResponse(null, { status: 499 })); // nobody reads it: the client left
      if (request.signal.aborted) return onAbort();
      request.signal.addEventListener("abort", onAbort);
      hanging.add(release);
      if (hangMs !== undefined) {
        timer = setTimeout(release, hangMs);
        timer.unref?.();
      }
    });
  }

  return {
    hang,
    releaseAll() {
      for (const release of [...hanging]) release();
    },
  };
}
