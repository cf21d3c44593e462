import { NextResponse } from "next/server";
import { route } from "@/server/http/route";
import { deletePlanScript, updatePlanScript } from "@/server/plan/plan-scripts";
import { planScriptInput } from "@/server/plan/script-input";

type Params = { id: string };

// PUT /api/admin/plan/scripts/:id { date, title, script, presenterId | tag } — admin: replaces one script
export const PUT = route<Params, typeof planScriptInput>(
  { admin: true, body: planScriptInput },
  async ({ params, body }) => NextResponse.json(await updatePlanScript(params.id, body)),
);

// DELETE /api/admin/plan/scripts/:id — admin: removes one script
export const DELETE = route<Params>({ admin: true }, async ({ params }) => {
  await deletePlanScript(params.id);
  return new NextResponse(null, { status: 204 });
});
