"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ActionOutcome } from "@/components/ui/ActionOutcome";
import { focusRing } from "@/components/ui/focus-ring";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useActionOutcome } from "@/hooks/use-action-outcome";
import { fetchJson } from "@/lib/fetch-json";
import type { PlanMonthView } from "@/lib/plan-month";

/** When the month's approved videos become public on their plan dates: shown, and changed for what is approved next. */
export function PublishTimeForm({ initial }: { initial: PlanMonthView }) {
  const router = useRouter();
  const { pending, outcome, run } = useActionOutcome();
  const [saved, setSaved] = useState(initial);
  const [time, setTime] = useState(initial.publishTime);
  const fieldError = outcome?.kind === "error" && outcome.field === "publishTime" ? outcome.message : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(async () => {
      const view = await fetchJson<PlanMonthView>(`/api/admin/plan/months/${initial.month}`, {
        method: "PUT",
        body: JSON.stringify({ publishTime: time }),
      });
      setSaved(view);
      router.refresh();
      return `Approved videos of this month will be published at ${view.publishTime} (${view.timeZone}).`;
    });
  }

  return (
    <section aria-labelledby="publish-time" className="space-y-2">
      <h2 id="publish-time" className="text-lg font-semibold">
        Publish approved videos at {saved.publishTime} ({saved.timeZone})
      </h2>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="publish-time-input" className="block">
            Publish time on each plan date
          </label>
          <input
            id="publish-time-input"
            name="publishTime"
            type="time"
            required
            value={time}
            onChange={(event) => setTime(event.target.value)}
            aria-describedby="publish-time-hint"
            aria-invalid={fieldError ? true : undefined}
            className={`mt-1 rounded-md border border-slate-300 px-3 py-2 ${focusRing}`}
          />
        </div>
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save publish time
        </SubmitButton>
      </form>
      {fieldError && (
        <p role="alert" className="text-sm text-red-700">
          {fieldError}
        </p>
      )}
      <p id="publish-time-hint" className="text-sm text-slate-700">
        In {saved.timeZone} (the server&rsquo;s PUBLISH_TIMEZONE). A change applies to videos approved from now on (and
        to videos of batches without review made from now on); videos already scheduled keep their moment.
      </p>
      <ActionOutcome outcome={outcome} />
    </section>
  );
}
