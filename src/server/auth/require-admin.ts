import "server-only";
import type { NextRequest } from "next/server";
import { ApiError } from "@/server/http/errors";
import { isAdminRequest } from "./session";

export async function requireAdmin(request: NextRequest): Promise<void> {
  if (!(await isAdminRequest(request))) {
    throw new ApiError(401, "unauthorized", "Log in as an admin to do this.");
  }
}
