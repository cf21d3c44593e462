"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { useSWRConfig } from "swr";
import { FormatPicker } from "@/components/FormatPicker";
import { LookPicker } from "@/components/LookPicker";
import { VoicePicker } from "@/components/VoicePicker";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { inputClass } from "@/components/ui/styles";
import { VIDEOS_KEY } from "@/hooks/use-videos";
import type { Look, Voice } from "@/lib/catalogue";
import { ApiRequestError, fetchJson } from "@/lib/fetch-json";
import { SCRIPT_MAX_LENGTH, TITLE_MAX_LENGTH } from "@/lib/limits";
import { describeFirstIssue } from "@/lib/validation";
import type { PublicVideo } from "@/lib/video";
import { aspectRatioForOrientation, type AspectRatio } from "@/lib/video-format";
import { createVideoInput } from "@/lib/video-input";

type Outcome =
  | { kind: "created" | "unconfirmed"; video: PublicVideo }
  | { kind: "error"; message: string; field?: string };

export function GenerateForm({ looks, voices }: { looks: Look[]; voices: Voice[] }) {
  const { mutate } = useSWRConfig();
  const [script, setScript] = useState("");
  const [lookId, setLookId] = useState(looks[0]?.id ?? "");
  const [aspectRatio, setAspectRatio] = useState<AspectRatio>(aspectRatioForOrientation(looks[0]?.preferredOrientation ?? null));
  const [submitting, setSubmitting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // One key per submission: repeated clicks, and retries after a lost answer, carry the same key, so the
  // server makes one video (and one HeyGen job) whatever happens. Changing the form starts a new submission.
  const idempotencyKey = useRef<string | null>(null);
  const look = looks.find((candidate) => candidate.id === lookId);

  function pickLook(id: string) {
    setLookId(id);
    const picked = looks.find((candidate) => candidate.id === id);
    if (picked?.preferredOrientation) setAspectRatio(aspectRatioForOrientation(picked.preferredOrientation));
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = createVideoInput.safeParse({
      title: form.get("title"),
      script: form.get("script"),
      avatarId: form.get("avatarId"),
      voiceId: form.get("voiceId"),
      aspectRatio: form.get("aspectRatio"),
      resolution: form.get("resolution"),
    });
    if (!parsed.success) {
      setOutcome({ kind: "error", ...describeFirstIssue(parsed.error) });
      return;
    }

    setSubmitting(true);
    setOutcome(null);
    idempotencyKey.current ??= newIdempotencyKey();
    try {
      const video = await fetchJson<PublicVideo>("/api/videos", {
        method: "POST",
        body: JSON.stringify(parsed.data),
        headers: { "idempotency-key": idempotencyKey.current },
      });
      idempotencyKey.current = null;
      setOutcome({ kind: video.unconfirmed ? "unconfirmed" : "created", video });
      setScript("");
    } catch (caught) {
      const error = caught as Error;
      // A refusal is final for this submission; a network failure is not: a retry must reuse the key.
      if (caught instanceof ApiRequestError) idempotencyKey.current = null;
      setOutcome({ kind: "error", message: error.message, field: caught instanceof ApiRequestError ? caught.field : undefined });
    } finally {
      setSubmitting(false);
      void mutate(VIDEOS_KEY);
    }
  }

  const fieldError = (field: string) =>
    outcome?.kind === "error" && outcome.field === field ? (
      <span className="mt-1 block text-sm text-red-700">{outcome.message}</span>
    ) : null;

  return (
    <form method="post" onSubmit={onSubmit} onChange={() => (idempotencyKey.current = null)} className="space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" noValidate>
      <label className="block">
        <span className="text-sm font-medium">Title</span>
        <input name="title" required maxLength={TITLE_MAX_LENGTH} className={inputClass} placeholder="Welcome to the team" />
        {fieldError("title")}
      </label>
      <label className="block">
        <span className="flex justify-between text-sm font-medium">
          Script
          <span className={script.length > SCRIPT_MAX_LENGTH ? "text-red-700" : "text-slate-600"}>
            {script.length.toLocaleString("en")} / {SCRIPT_MAX_LENGTH.toLocaleString("en")}
          </span>
        </span>
        <textarea
          name="script"
          required
          rows={6}
          value={script}
          onChange={(e) => setScript(e.target.value)}
          className={inputClass}
          placeholder="What the avatar says."
        />
        {fieldError("script")}
      </label>
      <LookPicker looks={looks} value={lookId} onChange={pickLook} error={fieldError("avatarId")} />
      <VoicePicker voices={voices} lookHasOwnVoice={look ? look.defaultVoiceId !== null : true} error={fieldError("voiceId")} />
      <FormatPicker aspectRatio={aspectRatio} onAspectRatioChange={setAspectRatio} />
      {fieldError("aspectRatio") ?? fieldError("resolution")}
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={submitting} pendingLabel="Sending to HeyGen…">
          Generate
        </SubmitButton>
        {outcome && outcome.kind !== "error" && (
          <p role="status" className={`text-sm ${outcome.kind === "created" ? "text-emerald-800" : "text-amber-800"}`}>
            {outcome.kind === "created"
              ? `HeyGen is rendering “${outcome.video.title}”. `
              : `HeyGen did not confirm “${outcome.video.title}”: it may still be rendering, so it was not sent again. Its page updates when HeyGen reports back. `}
            <Link href={`/videos/${outcome.video.id}`} className="font-medium underline">
              Watch it
            </Link>
          </p>
        )}
        {outcome?.kind === "error" && !outcome.field && (
          <p role="alert" className="text-sm text-red-700">
            {outcome.message}
          </p>
        )}
      </div>
    </form>
  );
}

/** 128 random bits as hex (crypto.randomUUID needs a secure context; getRandomValues does not). */
function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
