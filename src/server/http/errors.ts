import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { describeFirstIssue } from "@/lib/validation";
import { toPublicVideo } from "@/lib/video";
import { VideoGenerationError } from "@/server/videos/create-video";

/** A client mistake with a status and a message safe to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function errorJson(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
  return NextResponse.json({ error: { code, message, ...extra } }, { status });
}

/** Maps known errors to their status; anything else is logged and answered with a bare 500. */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof ApiError) {
    return errorJson(error.status, error.code, error.message, error.field ? { field: error.field } : {});
  }
  if (error instanceof VideoGenerationError) {
    const unconfirmed = error.heygenError.kind === "unreachable";
    return NextResponse.json(
      {
        error: {
          code: unconfirmed ? "heygen_unreachable" : "heygen_rejected",
          message: error.message,
          heygenStatus: error.heygenError.status,
          heygenCode: error.heygenError.code,
        },
        video: toPublicVideo(error.video),
      },
      { status: unconfirmed ? 504 : 502 },
    );
  }
  console.error("[api] unexpected error", error);
  return errorJson(500, "internal_error", "Something went wrong. Please try again.");
}

/** Reads a JSON body and validates it; failures are 400s naming the first bad field. */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ApiError(400, "invalid_json", "The request body must be JSON.");
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const { field, message } = describeFirstIssue(parsed.error);
  throw new ApiError(400, "invalid_input", message, field);
}
