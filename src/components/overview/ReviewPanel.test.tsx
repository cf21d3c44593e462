import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ReviewFigures } from "@/lib/overview";
import { ReviewPanel } from "./ReviewPanel";

const none: ReviewFigures = { awaitingReview: 0, scheduled: 0, nextPublishAt: null };
const facts = () => screen.getByTestId("overview-review").textContent;

describe("ReviewPanel: the overview's review and publishing counts", () => {
  it("counts the drafts awaiting review, linked to the review queue, and the scheduled videos with the next moment", () => {
    render(<ReviewPanel review={{ awaitingReview: 12, scheduled: 3, nextPublishAt: "2026-12-08T09:00:00.000Z" }} />);
    expect(facts()).toContain("Awaiting review12 videos: review them");
    expect(screen.getByRole("link", { name: "review them" }).getAttribute("href")).toBe("/admin/review");
    expect(facts()).toContain("Scheduled3 videos, the next public on 8 Dec 2026, 09:00 UTC");
  });

  it("says nothing waits, with no link, when there is nothing to review or scheduled", () => {
    render(<ReviewPanel review={none} />);
    expect(facts()).toContain("Awaiting reviewNothing");
    expect(facts()).toContain("ScheduledNothing");
    expect(screen.queryByRole("link")).toBeNull();
  });
});
