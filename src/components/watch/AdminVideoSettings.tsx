import { VideoFacts } from "@/components/videos/VideoFacts";
import type { VideoSettings } from "@/lib/admin-video-detail";
import { estimateScript, formatUsd } from "@/lib/cost";
import { formatDuration } from "@/lib/format";
import { describeOptions } from "@/lib/presenter";
import type { AdminVideo } from "@/lib/video";

/**
 * What a video was made with, in words: its format and history (VideoFacts, with the cost once HeyGen has said the
 * length), the look, the voice, the options, the cost estimated from the script until then, and the script itself.
 */
export function AdminVideoSettings({ video, settings }: { video: AdminVideo; settings: VideoSettings }) {
  const options = describeOptions(video.options);
  const voice = settings.voiceId
    ? (settings.voiceName ?? settings.voiceId)
    : `the look’s own${settings.voiceName ? ` (${settings.voiceName})` : ""}`;
  const costKnown = video.status === "COMPLETED" && video.duration !== null;
  const estimate = estimateScript(settings.script, video.options.voiceSpeed);
  return (
    <div className="space-y-3">
      <VideoFacts video={video} />
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm break-words" data-testid="video-settings">
        <dt className="text-slate-600">Look</dt>
        <dd className="min-w-0">{settings.lookName ?? settings.lookId}</dd>
        <dt className="text-slate-600">Voice</dt>
        <dd className="min-w-0">{voice}</dd>
        <dt className="text-slate-600">Options</dt>
        <dd className="min-w-0">{options.length ? options.join(", ") : "defaults"}</dd>
        {!costKnown && video.status !== "FAILED" && (
          <>
            <dt className="text-slate-600">Cost</dt>
            <dd data-testid="video-cost-estimate">
              about {formatUsd(estimate.costUsd)} for about {formatDuration(estimate.seconds)} (from the script)
            </dd>
          </>
        )}
      </dl>
      <div>
        <h3 className="text-sm font-medium text-slate-600">Script</h3>
        <p className="mt-1 text-sm break-words whitespace-pre-wrap" data-testid="video-script">
          {settings.script}
        </p>
      </div>
    </div>
  );
}
