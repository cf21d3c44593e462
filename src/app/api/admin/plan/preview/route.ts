import { NextResponse } from "next/server";
import { PLAN_IMPORT_MAX_BYTES } from "@/lib/limits";
import { route } from "@/server/http/route";
import { previewPlan } from "@/server/plan/preview-plan";
import { planTextInput } from "@/server/plan/script-input";

// POST /api/admin/plan/preview { text, format } — admin: every row with its line number and errors; saves nothing
export const POST = route({ admin: true, body: planTextInput, maxBodyBytes: PLAN_IMPORT_MAX_BYTES }, async ({ body }) =>
  NextResponse.json(await previewPlan(body.text, body.format)),
);
