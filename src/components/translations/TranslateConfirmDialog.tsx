"use client";

import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { formatUsd } from "@/lib/cost";
import { formatDuration } from "@/lib/format";
import { TRANSLATION_PRICE_PER_SECOND_USD } from "@/lib/limits";
import { translationCost, type TranslationMode } from "@/lib/translations";
import type { AdminVideo } from "@/lib/video";
import { listWords } from "./translation-words";

/** What the form asks for: the body of POST /api/admin/videos/{id}/translations. */
export type TranslationAsked = { languages: string[]; mode: TranslationMode; captions: boolean };

/**
 * What translating `video` into `count` languages costs: its length (HeyGen's, once known; the script's estimate until
 * then) × the mode's price a second × the languages, and the same in words.
 */
export function translationEstimate(video: AdminVideo, count: number, mode: TranslationMode) {
  const measured = video.duration !== null;
  const seconds = video.duration ?? video.scriptSeconds;
  const costUsd = translationCost(seconds, count, mode);
  const length = `${measured ? "" : "about "}${formatDuration(seconds)}`;
  const rate = `${formatUsd(TRANSLATION_PRICE_PER_SECOND_USD[mode])} a second`;
  const words = count
    ? `${count} ${count === 1 ? "language" : "languages"} × ${length} at ${rate} (${mode}): ≈ ${formatUsd(costUsd)}.`
    : `Pick languages: each costs ${length} at ${rate} (${mode}), ≈ ${formatUsd(translationCost(seconds, 1, mode))}.`;
  return { seconds, costUsd, words };
}

type Props = {
  video: AdminVideo;
  request: TranslationAsked;
  /** Sends it; the dialog shuts once it is done, whatever came of it (the form says what). */
  action: () => Promise<void>;
  onDone: () => void;
  onClose: () => void;
};

/** Asks before HeyGen is paid to translate, saying into what, how, and what it will spend. Mount it while open. */
export function TranslateConfirmDialog({ video, request, action, onDone, onClose }: Props) {
  const { languages, mode, captions } = request;
  const { costUsd, words } = translationEstimate(video, languages.length, mode);
  return (
    <ConfirmDialog
      open
      tone="spend"
      heading={<>Translate “{video.title}”?</>}
      labels={{ confirm: `Translate (≈ ${formatUsd(costUsd)})`, pending: "Translating…", dismiss: "Cancel" }}
      action={action}
      onDone={onDone}
      onClose={onClose}
    >
      <p className="mt-2 text-sm text-slate-700">
        HeyGen makes a new version of it in {listWords(languages)}, {captions ? "with" : "without"} captions; this one
        stays as it is, and viewers can pick the language on its page once each is ready.
      </p>
      <p className="mt-2 text-sm text-slate-700" data-testid="translate-cost">
        <strong className="font-semibold text-slate-900">{words}</strong>
      </p>
    </ConfirmDialog>
  );
}
