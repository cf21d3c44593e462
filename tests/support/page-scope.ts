import { RequestCookies } from "next/dist/compiled/@edge-runtime/cookies";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { RequestCookiesAdapter } from "next/dist/server/web/spec-extension/adapters/request-cookies";

/**
 * Renders a server component (a page or layout function) as Next does for a request carrying `cookie` (and
 * `headers`, such as those src/proxy.ts sets), as far as `cookies()`, `headers()` and `redirect()` are concerned: inside a request scope whose cookies are the request's. Uses Next's
 * own async storages and cookie adapter (internal modules), as route-scope.ts does for after().
 * Returns where the component redirected to, or null when it rendered.
 */
export async function redirectOf(
  cookie: string | undefined,
  render: () => Promise<unknown>,
  headers: Record<string, string> = {},
): Promise<string | null> {
  const requestHeaders = new Headers({ ...headers, ...(cookie ? { cookie } : {}) });
  const cookies = RequestCookiesAdapter.seal(new RequestCookies(requestHeaders));
  const workStore = { route: "/admin", forceStatic: false, dynamicShouldError: false };
  const workUnitStore = { type: "request", phase: "render", cookies, headers: requestHeaders };
  try {
    await workAsyncStorage.run(workStore as never, () => workUnitAsyncStorage.run(workUnitStore as never, render));
    return null;
  } catch (error) {
    // redirect() throws an error whose digest is "NEXT_REDIRECT;<type>;<url>;<status>;".
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) return digest.split(";")[2]!;
    throw error;
  }
}
