import type { SettingsAnswer } from "@/lib/settings";

/**
 * Sends one settings request; every answer carries the settings as they now stand. SettingsPanel makes it and
 * hands it to each settings form; in a file of its own so that the forms need not import the panel.
 */
export type SendSettings = (path: string, init: RequestInit) => Promise<SettingsAnswer>;
