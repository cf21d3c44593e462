import { act, fireEvent, screen, within } from "@testing-library/react";
import { HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { Look, LookPage, VoicePage } from "@/lib/catalogue";
import type { StartingPresenter } from "@/lib/presenter-draft";
import { SCRIPT_MAX_LENGTH } from "@/lib/limits";
import type { PublicVideo } from "@/lib/video";
import { createVideoInput } from "@/lib/video-input";
import { catalogueLook, catalogueVoice } from "../../../tests/support/client-catalogue";
import { renderingVideo } from "../../../tests/support/client-video";
import { renderStudio } from "../../../tests/support/client-studio";
import { elapse } from "../../../tests/support/dom";

const voice = catalogueVoice();
const look = (id: string, orientation: Look["preferredOrientation"]) =>
  catalogueLook(id, { preferredOrientation: orientation, defaultVoiceId: voice.id, defaultVoice: voice });
const looks: LookPage = {
  items: [look("landscape", "landscape"), look("portrait", "portrait")],
  total: 2,
  nextCursor: null,
  filters: { genders: ["female"] },
};
const voices: VoicePage = { items: [voice], total: 1, nextCursor: null, filters: { languages: [], genders: [] } };

/** What POST /api/videos answers for the video typed in below. */
const video = (change: Partial<PublicVideo> = {}) => renderingVideo({ id: "video-1", title: "Welcome", ...change });

/** The studio with its catalogue answered, and POST /api/videos answered by `answer`; returns the bodies sent. */
const studio = (answer: () => Response, presenters: StartingPresenter[] = []) =>
  renderStudio({ looks, voices, answer, presenters });

const title = () => screen.getByRole<HTMLInputElement>("textbox", { name: "Title" });
const script = () => screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Script" });
const generateButton = () => screen.getByRole<HTMLButtonElement>("button", { name: /^Generate/ });
const type = (field: HTMLElement, value: string) => fireEvent.change(field, { target: { value } });
const pickPortrait = () => fireEvent.click(screen.getByRole("radio", { name: /Look portrait/ }));
const generate = async () => {
  await act(async () => void fireEvent.click(generateButton()));
  await elapse(0);
};
/** Every message the form shows (alerts and statuses), as text. */
const messages = () =>
  [...screen.queryAllByRole("alert"), ...screen.queryAllByRole("status")].map((m) => m.textContent);

describe("GenerateForm: after Generate (issue 16, bug 6)", () => {
  it("a made video starts a new draft: title and script cleared, look, format and options kept", async () => {
    await studio(() => HttpResponse.json(video(), { status: 201 }));
    pickPortrait();
    type(title(), "Welcome");
    type(script(), "Hello and welcome.");
    await generate();

    expect(screen.getByRole("status").textContent).toContain("HeyGen is rendering “Welcome”");
    expect(title().value).toBe("");
    expect(script().value).toBe("");
    expect(screen.getByRole<HTMLInputElement>("radio", { name: /Look portrait/ }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>("radio", { name: "Portrait 9:16" }).checked).toBe(true);
  });

  it("sends the optional description, and a made video clears it with the title and script", async () => {
    const sent = await studio(() => HttpResponse.json(video(), { status: 201 }));
    const description = () => screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Description (optional)" });
    type(title(), "Welcome");
    type(script(), "Hello and welcome.");
    type(description(), "A short welcome.\nFor new staff.");
    await generate();

    expect(sent).toHaveLength(1);
    expect(sent[0]!.description).toBe("A short welcome.\nFor new staff.");
    expect(screen.getByRole("status").textContent).toContain("“Welcome”");
    expect(description().value).toBe("");
  });

  it("sends a body POST /api/videos accepts: its own schema parses it, public by default", async () => {
    const sent = await studio(() => HttpResponse.json(video(), { status: 201 }));
    type(title(), "Welcome");
    type(script(), "Hello and welcome.");
    await generate();

    expect(sent).toHaveLength(1);
    expect(createVideoInput.safeParse(sent[0]).error?.issues).toBeUndefined();
    expect(sent[0]).toMatchObject({ visibility: "public", publishAt: null });
  });

  it("a refusal keeps everything typed and chosen, and says why", async () => {
    await studio(() =>
      HttpResponse.json(
        { error: { code: "heygen_no_credits", message: "Your HeyGen account is out of credits." } },
        {
          status: 402,
        },
      ),
    );
    pickPortrait();
    type(title(), "Welcome");
    type(script(), "Hello and welcome.");
    await generate();

    expect(screen.getByRole("alert").textContent).toBe("Your HeyGen account is out of credits.");
    expect(title().value).toBe("Welcome");
    expect(script().value).toBe("Hello and welcome.");
    expect(screen.getByRole<HTMLInputElement>("radio", { name: /Look portrait/ }).checked).toBe(true);
  });
});

describe("GenerateForm: a lost answer (issue 16, bug 7)", () => {
  it.each([
    ["a gateway's 502 or an unreadable 200", video({ status: "PENDING", unconfirmed: true })],
    ["a create that hung while the webhook completed the video", video({ status: "COMPLETED", unconfirmed: false })],
  ])("%s (202) shows the one amber message, with the link to the video", async (_label, body) => {
    await studio(() => HttpResponse.json(body, { status: 202 }));
    type(title(), "Welcome");
    type(script(), "Hello and welcome.");
    await generate();

    const status = screen.getByRole("status");
    expect(status.textContent).toBe(
      "HeyGen did not confirm “Welcome”: it may still be rendering, so it was not sent again. Its page updates when " +
        "HeyGen reports back. Watch it",
    );
    expect(status.className).toContain("text-amber-800");
    expect(within(status).getByRole("link", { name: "Watch it" }).getAttribute("href")).toBe("/videos/video-1");
  });
});

describe("GenerateForm: one message per field, in the route's words (issue 16, bug 8)", () => {
  it("an over-long script says so once, as the route would, and Generate waits until it is shortened", async () => {
    const sent = await studio(() => HttpResponse.json(video(), { status: 201 }));
    type(title(), "Welcome");
    type(script(), "x".repeat(SCRIPT_MAX_LENGTH + 1));

    expect(messages()).toEqual(["Keep the script to 4,999 characters or fewer: HeyGen takes no more."]);
    expect(script().getAttribute("aria-invalid")).toBe("true");
    expect(script().getAttribute("aria-describedby")).toContain("studio-script-error");
    expect(generateButton().disabled).toBe(true);

    type(script(), "x".repeat(SCRIPT_MAX_LENGTH));
    expect(messages()).toEqual([]);
    expect(generateButton().disabled).toBe(false);
    await generate();
    expect(sent).toHaveLength(1);
  });

  it("an empty title is refused at the field, in a sentence, focused, with nothing sent and no browser bubble", async () => {
    const sent = await studio(() => HttpResponse.json(video(), { status: 201 }));
    type(script(), "Hello and welcome.");
    expect(title().form?.noValidate).toBe(true);
    await generate();

    expect(messages()).toEqual(["Give the video a title."]);
    expect(document.getElementById(title().getAttribute("aria-describedby")!)?.textContent).toBe(
      "Give the video a title.",
    );
    expect(document.activeElement).toBe(title());
    expect(sent).toEqual([]);

    type(title(), "Welcome"); // the message goes as the field is fixed
    expect(messages()).toEqual([]);
  });

  it("an empty script is refused at the field in a sentence", async () => {
    const sent = await studio(() => HttpResponse.json(video(), { status: 201 }));
    type(title(), "Welcome");
    await generate();
    expect(messages()).toEqual(["Write what the avatar says."]);
    expect(document.activeElement).toBe(script());
    expect(sent).toEqual([]);
  });
});

describe("GenerateForm: the preview", () => {
  it("shows the chosen look in the chosen frame on the chosen background", async () => {
    await studio(() => HttpResponse.json(video(), { status: 201 }));
    const frame = () => screen.getByTestId("studio-preview").firstElementChild as HTMLElement;
    expect(frame().style.aspectRatio).toBe("1920 / 1080");
    pickPortrait();
    expect(frame().style.aspectRatio).toBe("1080 / 1920");
    expect(screen.getByTestId("studio-preview").textContent).toContain("Look portrait · Portrait 9:16");

    fireEvent.click(screen.getByRole("radio", { name: "A colour" }));
    type(screen.getByLabelText(/Background colour/), "#1e40af");
    expect(frame().style.backgroundColor).toBe("#1e40af");
  });
});

describe("GenerateForm: start from a presenter", () => {
  const anna: StartingPresenter = {
    presenter: {
      id: "presenter-anna",
      name: "Anna",
      avatarId: "portrait",
      voiceId: "voice-1",
      aspectRatio: "4:5",
      resolution: "720p",
      options: { captions: "burned", outputFormat: "mp4", voiceSpeed: 1.2 },
      languages: [],
      tags: ["news"],
      active: true,
    },
    look: looks.items[1]!,
  };
  const startFrom = (name: string) =>
    fireEvent.change(screen.getByRole("combobox", { name: "Start from a presenter" }), {
      target: { value: name === "None" ? "" : anna.presenter.id },
    });

  it("fills look, voice, format and options from the presenter, keeps the text, and sends the presenter's id", async () => {
    const sent = await studio(() => HttpResponse.json(video(), { status: 201 }), [anna]);
    type(title(), "Morning news");
    type(script(), "Good morning.");
    startFrom("Anna");

    expect(screen.getByRole<HTMLInputElement>("radio", { name: /Look portrait/ }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>("radio", { name: "Portrait 4:5" }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>("radio", { name: "Also burned into the picture" }).checked).toBe(true);
    expect(title().value).toBe("Morning news");
    await generate();

    expect(sent).toEqual([
      expect.objectContaining({
        title: "Morning news",
        script: "Good morning.",
        avatarId: "portrait",
        voiceId: "voice-1",
        aspectRatio: "4:5",
        resolution: "720p",
        options: expect.objectContaining({ captions: "burned", voiceSpeed: 1.2 }),
        presenterId: "presenter-anna",
      }),
    ]);
    // A new draft keeps the working set, the presenter with it.
    expect(screen.getByRole<HTMLSelectElement>("combobox", { name: "Start from a presenter" }).value).toBe(
      "presenter-anna",
    );
  });

  it("another look is no longer the presenter's: its id is not sent", async () => {
    const sent = await studio(() => HttpResponse.json(video(), { status: 201 }), [anna]);
    startFrom("Anna");
    fireEvent.click(screen.getByRole("radio", { name: /Look landscape/ }));
    expect(screen.getByRole<HTMLSelectElement>("combobox", { name: "Start from a presenter" }).value).toBe("");
    type(title(), "Welcome");
    type(script(), "Hello.");
    await generate();
    expect(sent[0]).not.toHaveProperty("presenterId");
  });
});
