import { NextResponse } from "next/server";
import { route } from "@/server/http/route";
import { importPlan } from "@/server/plan/import-plan";
import { planTextInput } from "@/server/plan/script-input";

// POST /api/admin/plan/import { text, format, skipInvalid? } — admin: saves the valid rows, all or nothing
export const POST = route({ admin: true, body: planTextInput }, async ({ body }) =>
  NextResponse.json(await importPlan(body.text, body.format, body.skipInvalid), { status: 201 }),
);
