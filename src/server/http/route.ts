import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { describeFirstIssue } from "@/lib/validation";
import { isAdminRequest } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { readRawBody } from "./read-body";

/** Bodies above this are refused with 413 before they are read any further. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

type RouteOptions<S extends z.ZodType | undefined> = {
  /** Refuse with 401 unless the request carries a valid admin session. */
  admin?: boolean;
  /** Read the body as JSON and validate it; failures are 400s naming the field. */
  body?: S;
};

type HandlerContext<P, S> = {
  request: NextRequest;
  params: P;
  body: S extends z.ZodType ? z.output<S> : undefined;
};

/**
 * The one wrapper around every route handler: admin check, body parsing, and mapping errors to answers
 * (AppError → its status and message; anything else → a bare 500, logged, never a stack trace).
 */
export function route<P = Record<string, never>, S extends z.ZodType | undefined = undefined>(
  options: RouteOptions<S>,
  handler: (context: HandlerContext<P, S>) => Promise<Response>,
) {
  return async (request: NextRequest, context?: { params: Promise<P> }): Promise<Response> => {
    try {
      if (options.admin && !(await isAdminRequest(request))) {
        throw new AppError("unauthorized", "Log in as an admin to do this.");
      }
      const body = (options.body ? await readJsonBody(request, options.body) : undefined) as HandlerContext<P, S>["body"];
      const params = (await context?.params) ?? ({} as P);
      return await handler({ request, params, body });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function errorJson(error: AppError): NextResponse {
  const { field, retryAfterSeconds, extra } = error.details;
  const response = NextResponse.json(
    { error: { code: error.code, message: error.message, ...(field ? { field } : {}) }, ...extra },
    { status: error.status },
  );
  if (retryAfterSeconds) response.headers.set("retry-after", String(Math.ceil(retryAfterSeconds)));
  return response;
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) return errorJson(error);
  console.error("[api] unexpected error", error);
  return errorJson(new AppError("internal_error", "Something went wrong. Please try again."));
}

async function readJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const raw = await readRawBody(request, MAX_JSON_BODY_BYTES);
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
