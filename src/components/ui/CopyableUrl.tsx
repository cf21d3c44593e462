"use client";

import { useState } from "react";
import { smallButton } from "./buttons";

/**
 * A URL on a line of its own, in monospace, broken only where the line ends (never "h / ttp://…" after a word), with a
 * Copy button that says whether it copied.
 */
export function CopyableUrl({ url, label }: { url: string; label: string }) {
  const [note, setNote] = useState("");

  async function copy() {
    const copied = await navigator.clipboard?.writeText(url).then(
      () => true,
      () => false,
    );
    setNote(copied ? "Copied." : "Could not copy: select the address instead.");
  }

  return (
    <div className="flex flex-wrap items-start gap-2">
      <code className="block min-w-0 flex-1 rounded bg-slate-100 px-2 py-1 font-mono text-sm text-slate-900 [overflow-wrap:anywhere]">
        {url}
      </code>
      <button type="button" onClick={() => void copy()} className={smallButton} aria-label={`Copy the ${label}`}>
        Copy
      </button>
      <span role="status" className="basis-full text-xs text-slate-600 empty:hidden">
        {note}
      </span>
    </div>
  );
}
