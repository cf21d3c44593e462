"use client";

import { useState } from "react";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { inputClass } from "@/components/ui/styles";
import { fetchJson } from "@/lib/fetch-json";
import { returnPath } from "@/lib/return-path";

/** The password form; `next` is where a login goes: a path on this site, already checked (src/lib/return-path.ts). */
export function LoginForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    setSubmitting(true);
    setError(null);
    try {
      await fetchJson("/api/admin/login", { method: "POST", body: JSON.stringify({ password }) });
      // A full navigation on purpose: the client router may hold a prefetched /admin from before the
      // login, which redirected to /login; router.push would replay that redirect. Checked again here: the form
      // never sends anyone off the site, whatever it was given.
      window.location.assign(returnPath(next));
    } catch (caught) {
      setError((caught as Error).message);
      setSubmitting(false);
    }
  }

  return (
    <form method="post" onSubmit={onSubmit} className="mt-6 space-y-4">
      <label className="block">
        <span className="text-sm font-medium">Password</span>
        <input
          name="password"
          type="password"
          required
          autoFocus
          autoComplete="current-password"
          className={inputClass}
        />
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <SubmitButton pending={submitting} pendingLabel="Logging in…" className="w-full">
        Log in
      </SubmitButton>
    </form>
  );
}
