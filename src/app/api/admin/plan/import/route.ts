import { NextResponse } from "next/server";
import { PLAN_IMPORT_MAX_BYTES } from "@/lib/limits";
import { route } from "@/server/http/route";
import { importPlan } from "@/server/plan/import-plan";
import { planTextInput } from "@/server/plan/script-input";

// POST /api/admin/plan/import { text, format, skipInvalid? } — admin: saves the valid rows, all or nothing
export const POST = route({ admin: true, body: planTextInput, maxBodyBytes: PLAN_IMPORT_MAX_BYTES }, async ({ body }) =>
  NextResponse.json(await importPlan(body.text, body.format, body.skipInvalid), { status: 201 }),
);
