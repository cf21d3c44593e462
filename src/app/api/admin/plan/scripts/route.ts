import { NextResponse } from "next/server";
import { route } from "@/server/http/route";
import { createPlanScript } from "@/server/plan/plan-scripts";
import { planScriptInput } from "@/server/plan/script-input";

// POST /api/admin/plan/scripts { date, title, script, presenterId | tag } — admin: adds one script to the plan
export const POST = route({ admin: true, body: planScriptInput }, async ({ body }) =>
  NextResponse.json(await createPlanScript(body), { status: 201 }),
);
