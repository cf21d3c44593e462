import { apiError, invalidBody, invalidParameter, notFound, ok, okPage, readJsonObject, type ApiRoute } from "./api";
import {
  fakeAvatarGroups,
  fakeLooks,
  fakeVoices,
  type FakeAvatarGroup,
  type FakeLook,
  type FakeVoice,
} from "./catalogue-data";
import { paginate } from "./pagination";

type MediaUrl = (file: string) => string;

/** A query parameter that must be one of `allowed` when given; `undefined` when absent, a 400 when wrong. */
function enumParam<T extends string>(url: URL, name: string, allowed: readonly T[]): T | undefined | Response {
  const value = url.searchParams.get(name);
  if (value === null || value === "") return undefined;
  return allowed.includes(value as T) ? (value as T) : invalidParameter(name, `must be one of ${allowed.join(", ")}`);
}

const privateStatus = (ownership: string) => (ownership === "private" ? { status: "completed" } : {});

function lookResource(look: FakeLook, mediaUrl: MediaUrl) {
  const { ownership, ...fields } = look;
  return {
    ...fields,
    preview_image_url: mediaUrl(`look-${look.id}.jpg`),
    preview_video_url: mediaUrl(`look-${look.id}.mp4`),
    ...privateStatus(ownership),
  };
}

function groupResource(group: FakeAvatarGroup, mediaUrl: MediaUrl) {
  const { ownership, ...fields } = group;
  const looks = fakeLooks.filter((look) => look.group_id === group.id);
  return {
    ...fields,
    looks_count: looks.length,
    preview_image_url: mediaUrl(`group-${group.id}.jpg`),
    preview_video_url: mediaUrl(`group-${group.id}.mp4`),
    ...privateStatus(ownership),
  };
}

// `engines` is the fake's own bookkeeping, not part of HeyGen's voice resource.
const voiceResource = (
  { voice_id, name, language, gender, support_pause, support_locale, type }: FakeVoice,
  mediaUrl: MediaUrl,
) => ({
  voice_id,
  name,
  language,
  gender,
  preview_audio_url: mediaUrl(`voice-${voice_id}.mp3`),
  support_pause,
  support_locale,
  type,
});

const LOCALE_LANGUAGES: Record<string, string> = { en: "English", es: "Spanish", de: "German" };

/** Avatar groups, looks and voices: `GET /v3/avatars`, `/v3/avatars/looks`, `/v3/voices` and their detail routes. */
export function catalogueHandlers(route: ApiRoute, mediaUrl: MediaUrl, maxPageSize: number | undefined) {
  const avatarPage = { defaultLimit: 20, maxLimit: 50 };
  return [
    route("get", "/v3/avatars", ({ url }) => {
      const ownership = enumParam(url, "ownership", ["public", "private"] as const);
      if (ownership instanceof Response) return ownership;
      const groups = fakeAvatarGroups.filter((group) => !ownership || group.ownership === ownership);
      const page = paginate(groups, url, avatarPage, maxPageSize);
      return page instanceof Response
        ? page
        : okPage({ ...page, data: page.data.map((g) => groupResource(g, mediaUrl)) });
    }),
    route("get", "/v3/avatars/looks", ({ url }) => {
      const ownership = enumParam(url, "ownership", ["public", "private"] as const);
      if (ownership instanceof Response) return ownership;
      const avatarType = enumParam(url, "avatar_type", ["studio_avatar", "digital_twin", "photo_avatar"] as const);
      if (avatarType instanceof Response) return avatarType;
      const groupId = url.searchParams.get("group_id");
      const looks = fakeLooks.filter(
        (look) =>
          (!groupId || look.group_id === groupId) &&
          (!avatarType || look.avatar_type === avatarType) &&
          (!ownership || look.ownership === ownership),
      );
      const page = paginate(looks, url, avatarPage, maxPageSize);
      return page instanceof Response
        ? page
        : okPage({ ...page, data: page.data.map((l) => lookResource(l, mediaUrl)) });
    }),
    route("get", "/v3/avatars/looks/:look_id", ({ params }) => {
      const look = fakeLooks.find((candidate) => candidate.id === params.look_id);
      return look ? ok(lookResource(look, mediaUrl)) : notFound("Avatar look", params.look_id!, "look_id");
    }),
    route("get", "/v3/avatars/:group_id", ({ params }) => {
      const group = fakeAvatarGroups.find((candidate) => candidate.id === params.group_id);
      return group ? ok(groupResource(group, mediaUrl)) : notFound("Avatar group", params.group_id!, "group_id");
    }),
    route("get", "/v3/voices", ({ url }) => {
      const type = enumParam(url, "type", ["public", "private"] as const) ?? "public";
      if (type instanceof Response) return type;
      const gender = enumParam(url, "gender", ["male", "female"] as const);
      if (gender instanceof Response) return gender;
      const engine = url.searchParams.get("engine");
      const language = url.searchParams.get("language")?.toLowerCase();
      const voices = fakeVoices.filter(
        (voice) =>
          voice.type === type &&
          (!gender || voice.gender === gender) &&
          (!language || voice.language.toLowerCase() === language) &&
          (!engine || (voice.engines as string[]).includes(engine)),
      );
      const page = paginate(voices, url, { defaultLimit: 20, maxLimit: 100 }, maxPageSize);
      return page instanceof Response
        ? page
        : okPage({ ...page, data: page.data.map((v) => voiceResource(v, mediaUrl)) });
    }),
    route("get", "/v3/voices/:voice_id", ({ params }) => {
      const voice = fakeVoices.find((candidate) => candidate.voice_id === params.voice_id);
      if (!voice) return apiVoiceNotFound(params.voice_id!);
      const { voice_id, name, language, gender, support_pause, preview_audio_url } = voiceResource(voice, mediaUrl);
      const clone = voice.type === "private" ? { status: "complete" } : {}; // "Only present for cloned voices."
      return ok({
        voice_id,
        name,
        language,
        gender,
        support_pause,
        preview_audio_url,
        created_at: null,
        support_interactive_avatar: false,
        ...clone,
      });
    }),
    // Voice design: a free search of the library by description; creates nothing.
    route("post", "/v3/voices", async ({ request }) => {
      const body = await readJsonObject(request);
      if (!body) return invalidBody();
      if (typeof body.prompt !== "string" || !body.prompt.trim()) return invalidParameter("prompt", "field required");
      const seed = body.seed ?? 0;
      if (!Number.isSafeInteger(seed) || (seed as number) < 0)
        return invalidParameter("seed", "must be a non-negative integer");
      const language =
        typeof body.locale === "string" ? LOCALE_LANGUAGES[body.locale.slice(0, 2).toLowerCase()] : undefined;
      const matches = fakeVoices.filter(
        (voice) =>
          voice.type === "public" &&
          (!body.gender || voice.gender === body.gender) &&
          (!language || voice.language === language),
      );
      const batch = matches.slice((seed as number) * 3, (seed as number) * 3 + 3);
      return ok({ seed, voices: batch.map((voice) => voiceResource(voice, mediaUrl)) });
    }),
  ];
}

// HeyGen documents 404 `voice_not_found` (not a generic not_found) for unknown voices on the voice routes.
const apiVoiceNotFound = (voiceId: string) =>
  apiError(404, "voice_not_found", `Voice ${voiceId} not found`, "voice_id");
