import { randomBytes } from "node:crypto";
import type { FakeJob } from "./video-jobs";
import type { WebhookEvent } from "./webhooks";

/** The one event a finished render produces, as HeyGen's v3 webhooks and `GET /v3/webhooks/events` carry it. */
export function finishedEvent(job: FakeJob, mediaUrl: (file: string) => string): WebhookEvent {
  const common = {
    event_id: `evt_${randomBytes(16).toString("hex")}`,
    created_at: new Date(job.finishesAt).toISOString(),
  };
  return job.outcome === "success"
    ? {
        ...common,
        event_type: "avatar_video.success",
        event_data: {
          video_id: job.videoId,
          callback_id: job.callbackId,
          video_url: mediaUrl(`${job.videoId}.mp4`),
          gif_download_url: null,
          video_share_page_url: `https://app.heygen.com/share/${job.videoId}`,
          folder_id: null,
        },
      }
    : {
        ...common,
        event_type: "avatar_video.fail",
        event_data: {
          video_id: job.videoId,
          callback_id: job.callbackId,
          failure_code: job.failure?.code ?? null,
          failure_message: job.failure?.message ?? null,
        },
      };
}

/** What the timeline needs of a job (a video's, or a translation's). */
export type TimedJob = { videoId: string; finishesAt: number; markers: readonly string[] };

type TimelineOptions<J extends TimedJob> = {
  /** How long `[late-webhook]` deliveries wait after the render finished. */
  lateDeliveryMs: number;
  /** The render is over (status completed/failed): create and record its event. */
  finish: (job: J) => WebhookEvent;
  /** Time to send the event (`[no-webhook]` included: the fake decides what goes out). */
  deliver: (job: J, event: WebhookEvent) => void;
};

type Tracked<J extends TimedJob> = {
  job: J;
  event: WebhookEvent | null;
  deliverAt: number;
  timers: Set<ReturnType<typeof setTimeout>>;
};

/**
 * Drives each job from "rendering" to "event created" to "event delivered" at the times its status implies.
 * Timers move it along; `advance()` lets any observer (an API call, a look at the outbox) settle what is
 * already due, so in-process tests never depend on a timer having fired.
 */
export function createRenderTimeline<J extends TimedJob = FakeJob>(options: TimelineOptions<J>) {
  const tracked = new Map<string, Tracked<J>>();

  const stop = (entry: Tracked<J>) => {
    for (const timer of entry.timers) clearTimeout(timer);
    tracked.delete(entry.job.videoId);
  };

  function step(entry: Tracked<J>, now: number) {
    if (!entry.event && now >= entry.job.finishesAt) entry.event = options.finish(entry.job);
    if (entry.event && now >= entry.deliverAt) {
      stop(entry);
      options.deliver(entry.job, entry.event);
    }
  }

  function schedule(entry: Tracked<J>, at: number) {
    const timer = setTimeout(
      () => {
        entry.timers.delete(timer);
        step(entry, Math.max(Date.now(), at)); // a timer may fire a millisecond early
      },
      Math.max(0, at - Date.now()),
    );
    timer.unref?.(); // a pending render must not keep a test run or a script alive
    entry.timers.add(timer);
  }

  return {
    track(job: J) {
      const late = job.markers.includes("lateWebhook");
      const entry: Tracked<J> = {
        job,
        event: null,
        deliverAt: job.finishesAt + (late ? options.lateDeliveryMs : 0),
        timers: new Set(),
      };
      tracked.set(job.videoId, entry);
      schedule(entry, job.finishesAt);
      if (late) schedule(entry, entry.deliverAt);
    },
    advance(now = Date.now()) {
      for (const entry of [...tracked.values()]) step(entry, now);
    },
    /** A deleted video produces no event. */
    forget(videoId: string) {
      const entry = tracked.get(videoId);
      if (entry) stop(entry);
    },
    clear() {
      for (const entry of [...tracked.values()]) stop(entry);
    },
  };
}
