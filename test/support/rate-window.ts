/**
 * Waits, if needed, so that a burst of requests falls inside one fixed one-minute rate window
 * (flood limits count in windows aligned on the clock): at most 15 s, only in a window's last 15 s.
 */
export async function awayFromWindowEdge(): Promise<void> {
  const intoWindow = (Date.now() / 1000) % 60;
  if (intoWindow > 45) await new Promise((resolve) => setTimeout(resolve, (60.5 - intoWindow) * 1000));
}
