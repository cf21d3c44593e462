"use client";

import { useState } from "react";
import { ApiRequestError } from "@/lib/fetch-json";

export type ActionOutcome = { kind: "done"; message: string } | { kind: "error"; message: string; field?: string };

/** One request at a time, and what came of the last: a message to show, or the server's error (and its field). */
export function useActionOutcome() {
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);

  async function run(action: () => Promise<string>) {
    setPending(true);
    setOutcome(null);
    try {
      setOutcome({ kind: "done", message: await action() });
    } catch (caught) {
      setOutcome({
        kind: "error",
        message: (caught as Error).message,
        field: caught instanceof ApiRequestError ? caught.field : undefined,
      });
    } finally {
      setPending(false);
    }
  }

  return { pending, outcome, run };
}
