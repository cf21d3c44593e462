import { http, HttpResponse, type HttpHandler } from "msw";

/** v3 success envelope: `{"data": ...}`. */
export const ok = (data: unknown, init?: ResponseInit) => HttpResponse.json({ data }, init);

/** v3 list envelope: `{"data": [...], "has_more", "next_token"}`. */
export const okPage = (page: { data: unknown[]; has_more: boolean; next_token: string | null }) =>
  HttpResponse.json(page);

export type ApiErrorBody = { code: string; message: string; param: string | null; doc_url: string | null };

/** Every error, on every route: `{"error": {"code", "message", "param", "doc_url"}}` with a meaningful HTTP status. */
export const apiError = (
  status: number,
  code: string,
  message: string,
  param: string | null = null,
  init: { headers?: Record<string, string> } = {},
) => HttpResponse.json({ error: { code, message, param, doc_url: null } satisfies ApiErrorBody }, { status, ...init });

/** HeyGen names the offending parameter both in `param` and in the message. */
export const invalidParameter = (param: string, reason: string) =>
  apiError(400, "invalid_parameter", `${param} is invalid: ${reason}`, param);

export const notFound = (what: string, id: string, param: string) =>
  apiError(404, "not_found", `${what} ${id} not found`, param);

const unauthorized = () => apiError(401, "unauthorized", "Invalid or missing API key: send it in the X-Api-Key header");

/** The request's JSON body when it is an object, else `null` (no body, bad JSON, array, ...). */
export async function readJsonObject(request: Request): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await request.json();
    return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export const invalidBody = () => invalidParameter("body", "expected a JSON object");

export type RouteContext = { request: Request; url: URL; params: Record<string, string> };
type Method = "get" | "post" | "patch" | "delete";
export type ApiRoute = (
  method: Method,
  path: string,
  handle: (context: RouteContext) => Response | Promise<Response>,
) => HttpHandler;

/** Builds msw handlers on `baseUrl` that refuse requests without the right `X-Api-Key` (header names are case-insensitive). */
export function createApiRoute(baseUrl: string, apiKey: string): ApiRoute {
  return (method, path, handle) =>
    http[method](`${baseUrl}${path}`, ({ request, params }) => {
      if (request.headers.get("x-api-key") !== apiKey) return unauthorized();
      const stringParams = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)]));
      return handle({ request, url: new URL(request.url), params: stringParams });
    });
}
