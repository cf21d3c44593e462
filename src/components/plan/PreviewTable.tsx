import { formatRoughDuration } from "@/lib/format";
import { formatUsd } from "@/lib/cost";
import type { PlanPreview, PlanPreviewRow } from "@/lib/plan-import";

const videos = (count: number) => `${count} ${count === 1 ? "video" : "videos"}`;

/** What a valid row becomes: one video per presenter saying it (a tag: every active presenter carrying it). */
function rowVideos(row: PlanPreviewRow) {
  if (row.errors.length) return "–";
  if (row.speakers.length === 0)
    return row.presenter ? `none: ${row.presenter.name} is inactive` : "none: no active presenter";
  return `${videos(row.speakers.length)}: ${row.speakers.join(", ")}`;
}

/**
 * Every previewed row with its line number, a row's errors in red beside it, and the videos each valid row becomes
 * once generated, with their estimated length and cost.
 */
export function PreviewTable({ preview }: { preview: PlanPreview }) {
  const { valid, invalid, total } = preview.counts;
  return (
    <div className="space-y-2">
      <p role="status" className="font-medium">
        {total} {total === 1 ? "row" : "rows"}: {valid} valid,{" "}
        <span className={invalid ? "text-red-700" : ""}>{invalid} with errors</span>
      </p>
      <p className="text-sm" data-testid="import-estimate">
        The valid rows make {videos(preview.counts.videos)} once generated, {formatRoughDuration(preview.seconds)} of
        speech, ≈ {formatUsd(preview.costUsd)}.
      </p>
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">Rows to import</caption>
          <thead className="bg-slate-50">
            <tr>
              {["Line", "Day", "Title", "For", "Videos", "Problems"].map((heading) => (
                <th key={heading} scope="col" className="px-3 py-2 font-medium">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {preview.rows.map((row) => (
              <tr key={row.line} className={row.errors.length ? "bg-red-50" : undefined}>
                <th scope="row" className="px-3 py-2 font-normal">
                  {row.line}
                </th>
                <td className="px-3 py-2 whitespace-nowrap">{row.date}</td>
                <td className="px-3 py-2 break-words">{row.title}</td>
                <td className="px-3 py-2">{row.presenter?.name ?? (row.tag ? `#${row.tag}` : row.target)}</td>
                <td className="px-3 py-2">
                  {rowVideos(row)}
                  {row.speakers.length > 0 && (
                    <span className="block text-xs text-slate-700">≈ {formatUsd(row.costUsd)}</span>
                  )}
                </td>
                <td className="px-3 py-2 text-red-700">
                  {row.errors.length === 0 ? (
                    <span className="text-emerald-800">OK</span>
                  ) : (
                    <ul>
                      {row.errors.map((error) => (
                        <li key={`${error.field}${error.message}`}>
                          Line {row.line}: {error.field === "row" ? "" : `${error.field} `}
                          {error.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
