/**
 * A one-off message carried in the navigation state to the next page, for actions that
 * end somewhere else: "You are signed out" on the home page.
 */
interface FlashState {
  flash: string;
}

export function flashState(message: string): FlashState {
  return { flash: message };
}

export function readFlash(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('flash' in state)) return null;
  return typeof state.flash === 'string' ? state.flash : null;
}
