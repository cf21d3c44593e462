/** One line of a video's captions: when it is spoken (seconds from the start) and what is said. */
export type CaptionCue = { start: number; end: number; text: string };
