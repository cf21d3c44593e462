"use client";

import { useTranslations } from "@/hooks/use-translations";
import type { AdminVideo } from "@/lib/video";
import { TranslateForm } from "./TranslateForm";
import { VariantList } from "./VariantList";

/**
 * A finished video's translations on its admin page: the Translate form, then every translation asked for, live
 * while any is on its way. Only for a completed video of its own: a translation is not translated again.
 */
export function TranslationsSection({ video }: { video: AdminVideo }) {
  const { data, error, mutate } = useTranslations(video.id);
  const changed = () => void mutate();
  return (
    <section
      aria-labelledby="translations-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="translations"
    >
      <h2 id="translations-heading" className="font-semibold">
        Translations
      </h2>
      <TranslateForm video={video} onSent={changed} />
      <VariantList videoId={video.id} variants={data?.variants} error={error} onChanged={changed} />
    </section>
  );
}
