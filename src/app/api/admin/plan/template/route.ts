import { route } from "@/server/http/route";
import { readMatrixMonth } from "@/server/plan/plan-matrix";
import { planTemplate } from "@/server/plan/plan-template";

// GET /api/admin/plan/template?month=YYYY-MM — admin: a CSV to fill in, the importer's columns and an example row
// for a presenter and for a tag, dated in that month
export const GET = route({ admin: true }, async ({ request }) => {
  const month = readMatrixMonth(request.nextUrl.searchParams);
  return new Response(await planTemplate(month), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="plan-template-${month}.csv"`,
      "cache-control": "no-store",
    },
  });
});
