import { z } from "zod";

const evenDimension = z
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(128, "must be at least 128")
  .max(4096, "must be at most 4096")
  .refine((n) => n % 2 === 0, "must be even");

const id = z.string({ error: "is required" }).trim().min(1, "is required").max(200, "is too long");

/** What an admin sends to create a video. Shared by the API route and the form. */
export const createVideoInput = z.object({
  title: z.string({ error: "is required" }).trim().min(1, "is required").max(200, "must be at most 200 characters"),
  script: z
    .string({ error: "is required" })
    .trim()
    .min(1, "is required")
    .max(5000, "must be at most 5,000 characters"),
  avatarId: id,
  voiceId: id,
  width: evenDimension,
  height: evenDimension,
});

export type CreateVideoInput = z.infer<typeof createVideoInput>;

export const VIDEO_FORMATS = [
  { id: "landscape", label: "Landscape 16:9", width: 1920, height: 1080 },
  { id: "portrait", label: "Portrait 9:16", width: 1080, height: 1920 },
  { id: "square", label: "Square 1:1", width: 1080, height: 1080 },
] as const;
