// The shell's notifications: newest first, at most five, and only the newest word about one thing.
import { afterEach, describe, expect, it } from 'vitest';
import { clearNotifications, currentNotifications, notifyError, notifySuccess } from '../src/components/notifications.tsx';

const shown = () => currentNotifications().map((n) => (typeof n.content === 'string' ? n.content : String(n.header)));

describe('notifications', () => {
  afterEach(clearNotifications);

  it('replaces "User alice created." by "User alice deleted.", and leaves notes about other things', () => {
    notifySuccess('User alice created.', { subjects: ['user/alice'] });
    notifySuccess('User bob created.', { subjects: ['user/bob'] });
    notifySuccess('Password policy updated.');
    notifySuccess('User alice deleted.', { subjects: ['user/alice'] });
    expect(shown()).toEqual(['User alice deleted.', 'Password policy updated.', 'User bob created.']);
  });

  it('lets one note about several things replace the notes about each of them', () => {
    notifySuccess('User alice created.', { subjects: ['user/alice'] });
    notifySuccess('User carol created.', { subjects: ['user/carol'] });
    notifySuccess('User dave created.', { subjects: ['user/dave'] });
    notifySuccess('2 users deleted.', { subjects: ['user/alice', 'user/carol'] });
    expect(shown()).toEqual(['2 users deleted.', 'User dave created.']);
  });

  it('keeps notes without a subject, newest first and at most five', () => {
    for (let i = 1; i <= 7; i++) notifySuccess(`Saved ${i}.`);
    expect(shown()).toEqual(['Saved 7.', 'Saved 6.', 'Saved 5.', 'Saved 4.', 'Saved 3.']);
  });

  it('an error about a thing replaces the success before it', () => {
    notifySuccess('Access key AKIA1 is now inactive.', { subjects: ['access-key/AKIA1'] });
    notifySuccess('Account alias set to corp.', { subjects: ['account-alias'] });
    notifyError('Could not change access key AKIA1', new Error('boom'), { subjects: ['access-key/AKIA1'] });
    expect(currentNotifications().map((n) => n.type)).toEqual(['error', 'success']);
    expect(shown()[1]).toBe('Account alias set to corp.');
  });
});
