import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { elapse } from "../../../tests/support/dom";
import { renderingVideo } from "../../../tests/support/client-video";
import { RenderProgress } from "./RenderProgress";

/** The estimate line as it reads after `seconds` of rendering, the typical render taking `typical` seconds. */
async function estimateAfter(typical: number, seconds: number) {
  const video = renderingVideo({ createdAt: new Date().toISOString() });
  render(
    <RenderProgress
      video={video}
      typicalRenderSeconds={typical}
      connectionProblem={false}
      admin={false}
      className=""
      style={{}}
    />,
  );
  await elapse(seconds * 1_000);
  return screen.getByText(/^usually /).textContent;
}

describe("RenderProgress: the time left", () => {
  it.each([
    // Quick renders (the fake's 8 s): never "longer than usual" while still under the 2-minute minimum.
    [8, 5, "usually under a minute — under a minute left"],
    [8, 10, "usually under a minute — should be ready soon"],
    [8, 119, "usually under a minute — should be ready soon"],
    [8, 121, "usually under a minute — this one is taking longer"],
    // Slower ones: late only past twice the typical time.
    [120, 50, "usually about 2 min — about 1 min left"],
    [120, 130, "usually about 2 min — should be ready soon"],
    [120, 241, "usually about 2 min — this one is taking longer"],
  ])("typical %i s, after %i s: %s", async (typical, seconds, words) => {
    expect(await estimateAfter(typical, seconds)).toBe(words);
  });
});
