import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { MediaFigures } from "@/lib/overview";
import { StoredMediaPanel } from "./StoredMediaPanel";

const none: MediaFigures = { storage: "local", bucket: null, stored: { count: 0, bytes: 0 }, copying: 0, failed: 0 };
const facts = () => screen.getByTestId("overview-media").textContent;

describe("StoredMediaPanel: the overview's stored media", () => {
  it("says where copies go, how many are stored and their size in human units, and what is being copied", () => {
    render(<StoredMediaPanel media={{ ...none, stored: { count: 1_204, bytes: 38_400_000_000 }, copying: 3 }} />);
    expect(facts()).toContain("Stored inThis server’s disk (MEDIA_DIR)");
    expect(facts()).toContain("Stored1,204 videos, 38 GB");
    expect(facts()).toContain("Copying now3 videos");
    expect(facts()).toContain("Failed copiesNone");
    expect(screen.queryByRole("link")).toBeNull();
  });

  it("names the S3 bucket, and links the failed copies to the list that shows them", () => {
    render(<StoredMediaPanel media={{ ...none, storage: "s3", bucket: "avatar-media", failed: 2 }} />);
    expect(facts()).toContain("Stored inS3 bucket avatar-media");
    expect(facts()).toContain("StoredNothing yet");
    expect(facts()).toContain("Failed copies2 videos: see them and retry");
    expect(screen.getByRole("link", { name: "see them and retry" }).getAttribute("href")).toBe(
      "/admin/videos?copy=failed",
    );
  });
});
