import { describe, expect, it } from "vitest";
import { createVideoInput } from "@/lib/video-input";

const valid = { title: "Hi", script: "Hello", avatarId: "a", voiceId: "v", width: 1920, height: 1080 };
const firstIssue = (input: unknown) => {
  const result = createVideoInput.safeParse(input);
  return result.success ? null : { field: result.error.issues[0]?.path.join("."), message: result.error.issues[0]?.message };
};

describe("createVideoInput", () => {
  it("accepts a valid request and trims text", () => {
    expect(createVideoInput.parse({ ...valid, title: "  Hi  ", avatarId: " a " })).toMatchObject({ title: "Hi", avatarId: "a" });
  });

  it.each([1, 5000])("accepts a script of %i characters", (length) => {
    expect(firstIssue({ ...valid, script: "x".repeat(length) })).toBeNull();
  });

  it.each([128, 4096, 1080])("accepts dimension %i", (size) => {
    expect(firstIssue({ ...valid, width: size, height: size })).toBeNull();
  });

  it.each([
    [{ script: "" }, "script", "is required"],
    [{ script: "   " }, "script", "is required"],
    [{ script: "x".repeat(5001) }, "script", "must be at most 5,000 characters"],
    [{ width: 127 }, "width", "must be at least 128"],
    [{ width: 126 }, "width", "must be at least 128"],
    [{ height: 4098 }, "height", "must be at most 4096"],
    [{ height: 1081 }, "height", "must be even"],
    [{ width: 1920.5 }, "width", "must be a whole number"],
    [{ width: "1920" }, "width", "must be a number"],
    [{ avatarId: "" }, "avatarId", "is required"],
    [{ voiceId: undefined }, "voiceId", "is required"],
    [{ title: undefined }, "title", "is required"],
  ])("refuses %o naming %s", (change, field, message) => {
    expect(firstIssue({ ...valid, ...change })).toEqual({ field, message });
  });
});
