import { describe, expect, it } from "vitest";
import { costOfSeconds, estimateScript, formatUsd, spokenSeconds } from "@/lib/cost";

const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i}`).join(" ");

describe("spokenSeconds: how long a script takes to say", () => {
  it("reads 150 words a minute, rounding up to the second", () => {
    expect(spokenSeconds(words(150))).toBe(60);
    expect(spokenSeconds(words(105))).toBe(42);
    expect(spokenSeconds(words(1))).toBe(1); // 0.4 s
    expect(spokenSeconds("")).toBe(0);
    expect(spokenSeconds("  \n — … !? ")).toBe(0);
  });

  it("counts words, not punctuation, numbers as words, and contractions once", () => {
    // 10 words: 10 / 150 min = 4 s.
    expect(spokenSeconds("Hello, world! It's 2026 — isn't it? Let's go: well-known.")).toBe(4);
    expect(spokenSeconds("Größe, café, naïve")).toBe(2); // 3 words, 1.2 s
  });

  it("follows the voice's speed: faster is shorter, slower is longer", () => {
    expect(spokenSeconds(words(150), 1.5)).toBe(40);
    expect(spokenSeconds(words(150), 0.5)).toBe(120);
    expect(spokenSeconds(words(105), 1.2)).toBe(35);
  });

  it("counts Chinese and Japanese characters one by one, 250 a minute, not a sentence as one word", () => {
    expect(spokenSeconds("你".repeat(250))).toBe(60);
    expect(spokenSeconds("こんにちは、世界。カタカナ")).toBe(3); // 11 characters: 2.64 s
    expect(spokenSeconds(`${words(75)} ${"字".repeat(125)}`)).toBe(60); // 30 s + 30 s
    // Korean is written with spaces: its words are counted as words.
    expect(spokenSeconds("안녕하세요 여러분 반갑습니다")).toBe(2); // 3 words, 1.2 s
  });
});

describe("cost", () => {
  it("prices seconds at HeyGen's $0.10 a second, to the cent", () => {
    expect(costOfSeconds(42)).toBe(4.2);
    expect(costOfSeconds(5.04)).toBe(0.5);
    expect(costOfSeconds(0)).toBe(0);
    expect(costOfSeconds(3600)).toBe(360);
  });

  it("estimates a script's length and cost together", () => {
    expect(estimateScript(words(105))).toEqual({ seconds: 42, costUsd: 4.2 });
    expect(estimateScript(words(105), 1.5)).toEqual({ seconds: 28, costUsd: 2.8 });
    expect(estimateScript("")).toEqual({ seconds: 0, costUsd: 0 });
  });

  it("formats dollars with thousands separators, and cents only when there are some", () => {
    expect(formatUsd(4.2)).toBe("$4.20");
    expect(formatUsd(0)).toBe("$0");
    expect(formatUsd(100)).toBe("$100");
    expect(formatUsd(1234.5)).toBe("$1,234.50");
  });
});
