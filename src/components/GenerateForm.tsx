"use client";

import Link from "next/link";
import { useState } from "react";
import { useSWRConfig } from "swr";
import { CataloguePicker } from "@/components/CataloguePicker";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { inputClass } from "@/components/ui/styles";
import { VIDEOS_KEY } from "@/hooks/use-videos";
import type { Avatar, Voice } from "@/lib/catalogue";
import { ApiRequestError, fetchJson } from "@/lib/fetch-json";
import { describeFirstIssue } from "@/lib/validation";
import type { PublicVideo } from "@/lib/video";
import { createVideoInput, VIDEO_FORMATS } from "@/lib/video-input";

type Outcome = { kind: "created"; video: PublicVideo } | { kind: "error"; message: string; field?: string };

const MAX_SCRIPT = 5000;

export function GenerateForm({ avatars, voices }: { avatars: Avatar[]; voices: Voice[] }) {
  const { mutate } = useSWRConfig();
  const [script, setScript] = useState("");
  const [submitting, setSubmitting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const format = VIDEO_FORMATS.find((f) => f.id === form.get("format")) ?? VIDEO_FORMATS[0];
    const parsed = createVideoInput.safeParse({
      title: form.get("title"),
      script: form.get("script"),
      avatarId: form.get("avatarId"),
      voiceId: form.get("voiceId"),
      width: format.width,
      height: format.height,
    });
    if (!parsed.success) {
      setOutcome({ kind: "error", ...describeFirstIssue(parsed.error) });
      return;
    }

    setSubmitting(true);
    setOutcome(null);
    try {
      const video = await fetchJson<PublicVideo>("/api/videos", { method: "POST", body: JSON.stringify(parsed.data) });
      setOutcome({ kind: "created", video });
      setScript("");
    } catch (caught) {
      const error = caught as Error;
      setOutcome({
        kind: "error",
        message: error.message,
        field: caught instanceof ApiRequestError ? caught.field : undefined,
      });
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
    <form method="post" onSubmit={onSubmit} className="space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" noValidate>
      <label className="block">
        <span className="text-sm font-medium">Title</span>
        <input name="title" required maxLength={200} className={inputClass} placeholder="Welcome to the team" />
        {fieldError("title")}
      </label>
      <label className="block">
        <span className="flex justify-between text-sm font-medium">
          Script
          <span className={script.length > MAX_SCRIPT ? "text-red-700" : "text-slate-500"}>
            {script.length.toLocaleString("en")} / {MAX_SCRIPT.toLocaleString("en")}
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
      <div className="grid gap-5 sm:grid-cols-2">
        <CataloguePicker name="avatarId" label="Avatar" options={avatars.map((a) => ({ id: a.id, label: a.name }))}>
          {fieldError("avatarId")}
        </CataloguePicker>
        <CataloguePicker
          name="voiceId"
          label="Voice"
          options={voices.map((v) => ({ id: v.id, label: [v.name, v.language, v.gender].filter(Boolean).join(" · ") }))}
        >
          {fieldError("voiceId")}
        </CataloguePicker>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Format</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {VIDEO_FORMATS.map((format, index) => (
            <label key={format.id} className="flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm">
              <input type="radio" name="format" value={format.id} defaultChecked={index === 0} />
              {format.label} <span className="text-slate-500">{format.width}×{format.height}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex items-center gap-4">
        <SubmitButton pending={submitting} pendingLabel="Sending to HeyGen…">
          Generate
        </SubmitButton>
        {outcome?.kind === "created" && (
          <p role="status" className="text-sm text-emerald-800">
            HeyGen is rendering “{outcome.video.title}”.{" "}
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
