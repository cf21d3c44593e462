import { act, fireEvent, screen } from "@testing-library/react";
import { HttpResponse } from "msw";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { LookPage, VoicePage } from "@/lib/catalogue";
import { createVideoInput } from "@/lib/video-input";
import { catalogueLook, catalogueVoice } from "../../../tests/support/client-catalogue";
import { renderingVideo } from "../../../tests/support/client-video";
import { renderStudio } from "../../../tests/support/client-studio";
import { elapse } from "../../../tests/support/dom";

const voice = catalogueVoice();
const looks: LookPage = {
  items: [catalogueLook("look-1", { defaultVoiceId: voice.id, defaultVoice: voice })],
  total: 1,
  nextCursor: null,
  filters: { genders: [] },
};
const voices: VoicePage = { items: [voice], total: 1, nextCursor: null, filters: { languages: [], genders: [] } };
const NOW = new Date("2026-12-07T10:00:00Z");

/** The studio, POST /api/videos answered 201, with a title and a script typed; returns the bodies sent. */
async function studio() {
  const sent = await renderStudio({
    looks,
    voices,
    answer: () => HttpResponse.json(renderingVideo({ id: "video-1", title: "Welcome" }), { status: 201 }),
  });
  fireEvent.change(screen.getByRole("textbox", { name: "Title" }), { target: { value: "Welcome" } });
  fireEvent.change(screen.getByRole("textbox", { name: "Script" }), { target: { value: "Hello and welcome." } });
  return sent;
}

const choice = (name: RegExp) => screen.getByRole<HTMLInputElement>("radio", { name });
const moment = () => screen.getByLabelText<HTMLInputElement>("Publish at (your local time)");
const generate = async () => {
  await act(async () => void fireEvent.click(screen.getByRole("button", { name: /^Generate/ })));
  await elapse(0);
};

beforeEach(() => void vi.setSystemTime(NOW));

describe("GenerateForm: who can see it (issue 18)", () => {
  it("offers the four choices in one group, publishing when ready by default", async () => {
    await studio();
    const group = screen.getByRole("group", { name: "Who can see it" });
    const radios = [...group.querySelectorAll<HTMLInputElement>("input[type=radio]")];
    expect(radios.map((radio) => radio.value)).toEqual(["ready", "unlisted", "draft", "at"]);
    expect(choice(/^Publish when ready/).checked).toBe(true);
    expect(screen.queryByLabelText("Publish at (your local time)")).toBeNull();
  });

  it.each([
    [/^Publish when ready/, "", { visibility: "public", publishAt: null }],
    [/^Unlisted/, "", { visibility: "unlisted", publishAt: null }],
    [/^Keep as draft/, "", { visibility: "draft", publishAt: null }],
    [
      /^Publish at/,
      "2026-12-24T09:00",
      { visibility: "public", publishAt: new Date("2026-12-24T09:00").toISOString() },
    ],
  ])("%s sends a body POST /api/videos' own schema accepts", async (name, local, expected) => {
    const sent = await studio();
    fireEvent.click(choice(name));
    if (local) fireEvent.change(moment(), { target: { value: local } });
    await generate();

    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject(expected);
    const parsed = createVideoInput.safeParse(sent[0]);
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data?.visibility).toBe(expected.visibility.toUpperCase());
    expect(parsed.data?.publishAt?.toISOString() ?? null).toBe(expected.publishAt);
  });

  it("the moment is the admin's local time, sent as ISO 8601 in UTC", async () => {
    const sent = await studio();
    fireEvent.click(choice(/^Publish at/));
    fireEvent.change(moment(), { target: { value: "2026-12-24T09:30" } });
    await generate();

    const local = new Date(2026, 11, 24, 9, 30); // the same wall-clock time in this process's zone
    expect(sent[0]!.publishAt).toBe(local.toISOString());
  });

  it("a moment in the past is refused at its field, in the route's words, and nothing is sent", async () => {
    const sent = await studio();
    fireEvent.click(choice(/^Publish at/));
    fireEvent.change(moment(), { target: { value: "2026-12-01T09:00" } });
    await generate();

    expect(sent).toHaveLength(0);
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toBe("publishAt must be in the future");
    expect(moment().getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(moment().getAttribute("aria-describedby")!)?.contains(alert)).toBe(true);
    expect(document.activeElement).toBe(moment());

    fireEvent.change(moment(), { target: { value: "2026-12-08T09:00" } });
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("'Publish at …' without a moment says to pick one, at its field", async () => {
    const sent = await studio();
    fireEvent.click(choice(/^Publish at/));
    await generate();

    expect(sent).toHaveLength(0);
    expect(screen.getByRole("alert").textContent).toBe("Pick the day and time to publish it.");
    expect(document.activeElement).toBe(moment());
  });

  it("a made video keeps the choice for the next one, but not its moment", async () => {
    await studio();
    fireEvent.click(choice(/^Publish at/));
    fireEvent.change(moment(), { target: { value: "2026-12-24T09:00" } });
    await generate();

    expect(screen.getByRole("status").textContent).toContain("“Welcome”");
    expect(choice(/^Publish at/).checked).toBe(true);
    expect(moment().value).toBe("");
  });
});
