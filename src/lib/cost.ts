import { PRICE_PER_SECOND_USD } from "./limits";

/**
 * What a script will cost before it is rendered, and what a rendered video cost: HeyGen bills seconds of output,
 * and an avatar video lasts as long as its script takes to say. Pure: the form estimates as the admin types, and
 * the video list prices finished videos from their real duration.
 */

/** A steady presenter's pace in English and other space-separated languages (narration runs 140–160). */
export const WORDS_PER_MINUTE = 150;

/**
 * Chinese and Japanese are written without spaces, one syllable per character (kanji, kana): about four a second,
 * so each character counts on its own instead of a whole sentence counting as one word.
 */
export const CJK_CHARACTERS_PER_MINUTE = 250;

const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
/** Letters and digits, with inner apostrophes ("isn't"): punctuation and symbols are not words. */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** Seconds the script takes to say at `voiceSpeed` (HeyGen's multiplier, 1 = natural), rounded up. */
export function spokenSeconds(script: string, voiceSpeed = 1): number {
  const cjkCharacters = script.match(CJK_CHARACTER)?.length ?? 0;
  const words = script.replace(CJK_CHARACTER, " ").match(WORD)?.length ?? 0;
  const minutes = words / WORDS_PER_MINUTE + cjkCharacters / CJK_CHARACTERS_PER_MINUTE;
  // Rounded to the millisecond first, so that 105 words make 42 s and not 42.00000000001 → 43.
  return Math.ceil(Math.round((minutes * 60_000) / voiceSpeed) / 1000);
}

/** US dollars for `seconds` of video at HeyGen's published price, to the cent. */
export function costOfSeconds(seconds: number): number {
  return Math.round(seconds * PRICE_PER_SECOND_USD * 100) / 100;
}

/** The estimate the studio shows: spoken length and its cost. */
export function estimateScript(script: string, voiceSpeed = 1): { seconds: number; costUsd: number } {
  const seconds = spokenSeconds(script, voiceSpeed);
  return { seconds, costUsd: costOfSeconds(seconds) };
}

/** 4.2 → "$4.20", 1234.5 → "$1,234.50", 100 → "$100": cents only when there are some. */
export function formatUsd(amount: number): string {
  const cents = Math.round(amount * 100);
  const digits = cents % 100 === 0 ? 0 : 2;
  return (cents / 100).toLocaleString("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}
