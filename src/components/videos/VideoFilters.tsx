import Form from "next/form";
import Link from "next/link";
import { focusRing } from "@/components/ui/focus-ring";
import { inputClass } from "@/components/ui/styles";
import { SEARCH_MAX_LENGTH, type CopyFilter, type StatusFilter, type VideoListQuery } from "@/lib/video-list-query";

const STATUS_OPTIONS: Array<[StatusFilter, string]> = [
  ["all", "All"],
  ["queued", "Queued"],
  ["rendering", "Rendering"],
  ["ready", "Ready"],
  ["failed", "Failed"],
];

const COPY_OPTIONS: Array<[CopyFilter, string]> = [
  ["all", "Any"],
  ["stored", "Stored"],
  ["copying", "Copying"],
  ["failed", "Failed"],
];

/**
 * Status, stored copy and text filters as a GET form: the filters land in the URL (shareable, kept on reload), and next/form
 * navigates without a full reload. Works without JavaScript too.
 */
export function VideoFilters({ query }: { query: VideoListQuery }) {
  const filtered = query.status !== "all" || query.copy !== "all" || query.q !== "";
  return (
    <Form action="/admin/videos" role="search" aria-label="Filter videos" className="flex flex-wrap items-end gap-3">
      <label className="block">
        <span className="text-sm font-medium">Status</span>
        <select name="status" defaultValue={query.status} className={`${inputClass} bg-white`}>
          {STATUS_OPTIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        <span className="text-sm font-medium">Stored copy</span>
        <select name="copy" defaultValue={query.copy} className={`${inputClass} bg-white`}>
          {COPY_OPTIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="block min-w-0 flex-1 basis-48">
        <span className="text-sm font-medium">Title or script contains</span>
        <input
          type="search"
          name="q"
          defaultValue={query.q}
          maxLength={SEARCH_MAX_LENGTH}
          className={`${inputClass} bg-white`}
        />
      </label>
      <div className="flex items-center gap-3 pb-0.5">
        <button
          type="submit"
          className={`rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 ${focusRing}`}
        >
          Filter
        </button>
        {filtered && (
          <Link
            href="/admin/videos"
            className={`rounded-md px-2 py-2 text-sm font-medium text-indigo-700 hover:underline ${focusRing}`}
          >
            Clear
          </Link>
        )}
      </div>
    </Form>
  );
}
