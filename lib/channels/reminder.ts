/**
 * Policy 1.6: the administrator screenshots each official channel every six months (or at
 * major changes). A channel is due when its newest screenshot is older than that, or it has
 * none yet.
 */
import type { Channel } from '../settings/settings';
import type { ChannelShot } from '../store/record';

/** Half a year, rounded up so a screenshot on 1 June is not due again on 30 November. */
export const SCREENSHOT_INTERVAL_DAYS = 183;
const DAY_MS = 86_400_000;

export interface DueChannel {
  channel: Channel;
  lastShotAt: string | null;
}

export function channelsDue(
  channels: readonly Channel[],
  shots: readonly ChannelShot[],
  now: Date,
): DueChannel[] {
  const newest = new Map<string, string>();
  for (const shot of shots) {
    const seen = newest.get(shot.channelId);
    if (!seen || Date.parse(shot.capturedAt) > Date.parse(seen)) newest.set(shot.channelId, shot.capturedAt);
  }
  return channels
    .map((channel) => ({ channel, lastShotAt: newest.get(channel.id) ?? null }))
    .filter(
      ({ lastShotAt }) =>
        lastShotAt === null || now.getTime() - Date.parse(lastShotAt) > SCREENSHOT_INTERVAL_DAYS * DAY_MS,
    );
}

/** The channel of the register whose address the page is on (longest matching address wins). */
export function channelForUrl(channels: readonly Channel[], pageUrl: string): Channel | null {
  const page = comparable(pageUrl);
  if (!page) return null;
  let best: { channel: Channel; length: number } | null = null;
  for (const channel of channels) {
    const address = comparable(channel.url);
    const onChannel = address !== null && (page === address || page.startsWith(`${address}/`));
    if (onChannel && (!best || address.length > best.length)) {
      best = { channel, length: address.length };
    }
  }
  return best?.channel ?? null;
}

function comparable(url: string): string | null {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.replace(/^(www|m)\./, '');
    return `${host}${parsed.pathname.replace(/\/+$/, '')}`.toLowerCase();
  } catch {
    return null;
  }
}

/** The toolbar tooltip while channels are due. */
export function reminderTitle(due: readonly DueChannel[]): string {
  const names = due.map(({ channel }) => channel.name).join(', ');
  return `Moderera – dags för halvårets skärmdump (riktlinjerna 1.6): ${names}`;
}
