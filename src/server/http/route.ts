import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { describeFirstIssue } from "@/lib/validation";
import { hasBearerToken } from "@/server/auth/bearer";
import { isAdminRequest } from "@/server/auth/session";
import { isDatabaseUnavailable } from "@/server/db";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { setHsts } from "./hsts";
import { refuseCrossOrigin } from "./same-origin";
import { readRawBody } from "./read-body";

/** Bodies above this are refused with 413 before they are read any further. */
export const MAX_BODY_BYTES = 64 * 1024;

type RouteOptions<S extends z.ZodType | undefined> = {
  /** Refuse with 401 unless the request carries a valid admin session. */
  admin?: boolean;
  /**
   * With `admin`: a request carrying `Authorization: Bearer …` is judged by this token instead of the session
   * (automation). Unset or returning undefined: no token is accepted.
   */
  bearerToken?: () => string | undefined;
  /** Read the body as JSON (415 unless it says application/json) and validate it; failures are 400s naming the field. */
  body?: S;
  /** Server-to-server routes (HeyGen's webhook, the cron) have no browser origin to check. */
  allowCrossOrigin?: boolean;
  /** A larger body cap than MAX_BODY_BYTES, for the few routes that take files (a month's plan). */
  maxBodyBytes?: number;
};

export type HandlerContext<P, S> = {
  request: NextRequest;
  params: P;
  body: S extends z.ZodType ? z.output<S> : undefined;
  requestId: string;
  /** Adds fields to this request's one log line (e.g. a webhook's outcome). Never secrets, signatures or scripts. */
  note: (fields: Record<string, unknown>) => void;
};

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The one wrapper around every route handler: request id and one log line per request, body size cap, origin
 * check for state-changing requests, content type, admin check, body parsing, and mapping errors to answers
 * (AppError → its status and message, its log detail logged only; PostgreSQL unreachable → 503; anything else → a
 * bare 500, logged, never a stack trace).
 */
export function route<P = Record<string, never>, S extends z.ZodType | undefined = undefined>(
  options: RouteOptions<S>,
  handler: (context: HandlerContext<P, S>) => Promise<Response>,
) {
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  return async (request: NextRequest, context?: { params: Promise<P> }): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdOf(request);
    const fields: Record<string, unknown> = {};
    let response: Response;
    try {
      if (Number(request.headers.get("content-length")) > maxBodyBytes) throw tooLarge(maxBodyBytes);
      if (STATE_CHANGING.has(request.method) && !options.allowCrossOrigin) refuseCrossOrigin(request);
      if (options.body && !isJson(request)) {
        throw new AppError("unsupported_media_type", "The body must be sent as application/json.");
      }
      if (options.admin && !(await isAuthorised(request, options.bearerToken))) {
        throw new AppError("unauthorized", "Log in as an admin to do this.");
      }
      const body = (
        options.body ? await readJsonBody(request, options.body, maxBodyBytes) : undefined
      ) as HandlerContext<P, S>["body"];
      const params = (await context?.params) ?? ({} as P);
      refuseControlCharacters(params);
      response = await handler({ request, params, body, requestId, note: (more) => Object.assign(fields, more) });
    } catch (error) {
      response = errorResponse(error, fields);
    }
    response.headers.set("x-request-id", requestId);
    // API routes run outside src/proxy.ts, which sets HSTS on pages.
    setHsts(response.headers);
    const line = {
      reqId: requestId,
      method: request.method,
      path: request.nextUrl.pathname,
      status: response.status,
      ms: Math.round(performance.now() - started),
      ...fields,
    };
    if (response.status >= 500) logger.error(line, "request failed");
    else logger.info(line, "request");
    return response;
  };
}

export function errorJson(error: AppError): NextResponse {
  const { field, retryAfterSeconds, extra } = error.details;
  const response = NextResponse.json(
    { error: { code: error.code, message: error.message, ...(field ? { field } : {}) }, ...extra },
    // An error is about this moment: no cache may keep it (a 404 for a video scheduled to appear would outlive its
    // publish moment in a CDN, which may otherwise cache a 404 by heuristic).
    { status: error.status, headers: { "cache-control": "no-store" } },
  );
  if (retryAfterSeconds) response.headers.set("retry-after", String(Math.ceil(retryAfterSeconds)));
  return response;
}

function errorResponse(error: unknown, fields: Record<string, unknown>): NextResponse {
  if (error instanceof AppError) {
    fields.code = error.code;
    // The log's detail stays in the log: the answer carries the user's message only.
    if (error.details.log) fields.detail = error.details.log;
    return errorJson(error);
  }
  if (isDatabaseUnavailable(error)) {
    fields.code = "database_unavailable";
    fields.err = (error as Error).message?.slice(0, 200);
    return errorJson(new AppError("database_unavailable", "The database is not answering. Please try again shortly."));
  }
  fields.code = "internal_error";
  fields.err =
    error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error);
  return errorJson(new AppError("internal_error", "Something went wrong. Please try again."));
}

/** A bearer token, when the request carries one, decides alone: a wrong one is refused even with a session cookie. */
async function isAuthorised(
  request: NextRequest,
  bearerToken: RouteOptions<undefined>["bearerToken"],
): Promise<boolean> {
  if (!request.headers.has("authorization")) return isAdminRequest(request);
  const token = bearerToken?.();
  return !!token && hasBearerToken(request, token);
}

/** No id of ours holds a control character, and PostgreSQL refuses NUL in text (a 500): such a path names nothing. */
function refuseControlCharacters(params: unknown) {
  const values = Object.values(params as Record<string, unknown>).flat();
  if (values.some((value) => typeof value === "string" && CONTROL.test(value))) {
    throw new AppError("not_found", "There is nothing at this address.");
  }
}
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
}

function isJson(request: Request): boolean {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  return type === "application/json";
}

const tooLarge = (bytes: number) => new AppError("payload_too_large", `The body must be at most ${bytes} bytes.`);

async function readJsonBody<S extends z.ZodType>(request: Request, schema: S, maxBytes: number): Promise<z.output<S>> {
  const raw = await readRawBody(request, maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(raw).toString("utf8"));
  } catch {
    throw new AppError("invalid_json", "The request body must be JSON.");
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const { field, message } = describeFirstIssue(parsed.error);
  throw new AppError("invalid_input", message, { field });
}
