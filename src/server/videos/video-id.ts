import "server-only";

/** Our ids are cuid2s: anything else (NUL bytes, SQL, paths) is not one, and is answered 404 without a query. */
export const isVideoId = (id: string) => /^[a-z0-9]{20,40}$/.test(id);
