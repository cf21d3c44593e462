import { http, HttpResponse, type HttpHandler } from "msw";

/** v2 success envelope: `{"error": null, "data": ...}`. */
export const v2Ok = (data: unknown) => HttpResponse.json({ error: null, data });

/** v1 success envelope: `{"code": 100, "message": "Success", "data": ...}`. */
export const v1Ok = (data: unknown) => HttpResponse.json({ code: 100, message: "Success", data });

/** The webhook endpoint routes answer in this v1 variant (see heygen-api.md). */
export const webhookOk = (data: unknown) => HttpResponse.json({ code: 100, data, msg: null, message: null });

/** Every error, on every route: `{"data": null, "error": {"code", "message"}}` with a meaningful HTTP status. */
export const apiError = (status: number, code: string, message: string) =>
  HttpResponse.json({ data: null, error: { code, message } }, { status });

export const unauthorized = () => apiError(401, "internal_error", "Unauthorized");

/** The request's JSON body when it is an object, else `null` (no body, bad JSON, array, ...). */
export async function readJsonObject(request: Request): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await request.json();
    return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

type Method = "get" | "post" | "patch" | "delete";
type RouteHandler = (request: Request, url: URL) => Response | Promise<Response>;
export type ApiRoute = (method: Method, path: string, handle: RouteHandler) => HttpHandler;

/** Builds msw handlers on `baseUrl` that refuse requests without the right `X-Api-Key`. */
export function createApiRoute(baseUrl: string, apiKey: string): ApiRoute {
  return (method, path, handle) =>
    http[method](`${baseUrl}${path}`, ({ request }) =>
      request.headers.get("x-api-key") === apiKey ? handle(request, new URL(request.url)) : unauthorized(),
    );
}
