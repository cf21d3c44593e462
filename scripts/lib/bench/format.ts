/** How the bench writes its figures. */

export const percent = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 2 : 0)} %`;

/** 1 KB = 1000 bytes, as `next build` counts. */
export const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/** 1 MiB = 1024² bytes, as process memory is counted. */
export const mebibytes = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MiB`;

export const secondsOf = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export const ratio = (value: number) => value.toFixed(2);
