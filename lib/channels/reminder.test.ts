import { describe, expect, it } from 'vitest';
import type { Channel } from '../settings/settings';
import type { ChannelShot } from '../store/record';
import { channelForUrl, channelsDue } from './reminder';

const channel = (id: string, url: string): Channel => ({
  id,
  name: id,
  url,
  administrator: 'A',
  substitute: 'B',
});
const shot = (channelId: string, capturedAt: string) =>
  ({ channelId, capturedAt }) as Pick<ChannelShot, 'channelId' | 'capturedAt'> as ChannelShot;

describe('six-monthly channel screenshots', () => {
  const channels = [
    channel('fb', 'https://www.facebook.com/tyresokommun'),
    channel('yt', 'https://www.youtube.com/@tyresokommun'),
  ];

  it('a channel is due with no screenshot or one older than half a year', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    expect(channelsDue(channels, [], now).map((due) => due.channel.id)).toEqual(['fb', 'yt']);
    const shots = [
      shot('fb', '2026-06-01T10:00:00+02:00'),
      shot('yt', '2026-05-20T10:00:00+02:00'),
      shot('yt', '2026-01-01T10:00:00+01:00'),
    ];
    expect(channelsDue(channels, shots, now).map((due) => due.channel.id)).toEqual(['yt']);
    expect(channelsDue(channels, shots, now)[0]?.lastShotAt).toBe('2026-05-20T10:00:00+02:00');
  });

  it('finds the channel of a page by its address, ignoring www and trailing paths', () => {
    expect(channelForUrl(channels, 'https://facebook.com/tyresokommun/posts/123')?.id).toBe('fb');
    expect(channelForUrl(channels, 'https://www.facebook.com/tyresokommunen')).toBeNull();
    expect(channelForUrl(channels, 'not a url')).toBeNull();
  });
});
