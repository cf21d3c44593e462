/** HeyGen's avatars and voices as the admin form uses them. */
export type Avatar = { id: string; name: string; previewImageUrl: string | null };
export type Voice = { id: string; name: string; language: string | null; gender: string | null };
