import { describe, expect, it } from 'vitest';
import type { RecordEvent } from '../store/record';
import { eventText } from './log-strings';

const base = { id: 'e1', recordId: 'r1', at: '2026-11-29T10:00:00.000Z' };

function event(facts: Record<string, unknown>): RecordEvent {
  return { ...base, ...facts } as RecordEvent;
}

describe('a record event, for people', () => {
  it.each([
    [
      { type: 'removal_outcome', outcome: 'removed', reason: null },
      'Borttagning: Borttagen',
      'Removal: Removed',
    ],
    [
      { type: 'removal_outcome', outcome: 'failed', reason: 'tab closed' },
      'Borttagning: Borttagning misslyckades (tab closed)',
      'Removal: Removal failed (tab closed)',
    ],
    [{ type: 'exported', format: 'erms' }, 'Exporterad som ERMS', 'Exported as ERMS'],
    [{ type: 'registered', diarienummer: 'KS 2026/114' }, 'Diarieförd KS 2026/114', 'Registered KS 2026/114'],
    [{ type: 'deleted', by: 'Eva Ek' }, 'Raderad av Eva Ek', 'Deleted by Eva Ek'],
    [
      { type: 'screenshot_missing', failure: 'no_permission', detail: null },
      'Utan skärmbild (ingen behörighet att ta skärmbilder)',
      'No screenshot (no permission to take screenshots)',
    ],
    [
      { type: 'screenshot_missing', failure: 'rejected', detail: 'not a PNG' },
      'Utan skärmbild (bilden godtogs inte: not a PNG)',
      'No screenshot (the image was refused: not a PNG)',
    ],
    [
      { type: 'screenshot_missing', failure: 'off_screen', detail: 'scrolled away' },
      'Utan skärmbild (off_screen: scrolled away)',
      'No screenshot (off_screen: scrolled away)',
    ],
  ])('%o', (facts, swedish, english) => {
    expect(eventText('sv', event(facts))).toBe(swedish);
    expect(eventText('en', event(facts))).toBe(english);
  });

  it('quotes a logged reason as it is, placeholders and all', () => {
    const text = eventText(
      'en',
      event({ type: 'removal_outcome', outcome: 'unknown', reason: '{outcome} <b>' }),
    );
    expect(text).toBe('Removal: Unknown whether removed ({outcome} <b>)');
  });
});
