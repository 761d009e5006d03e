// The shell's notifications: newest first, at most five, and only the newest word about one thing.
import { afterEach, describe, expect, it } from 'vitest';
import { about, clearNotifications, currentNotifications, notifyError, notifySuccess } from '../src/components/notifications.tsx';

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

  it("a thing's deletion clears the notes about its parts: policies attached to it, members, tags", () => {
    notifySuccess('User group admins created.', { subjects: [about.group('admins')] });
    notifySuccess('1 policy attached to admins.', { subjects: about.attachment(about.group('admins'), 'ReadOnlyAccess') });
    notifySuccess('alice added to admins.', { subjects: about.membership('admins', 'alice') });
    notifySuccess('1 policy attached to ops.', { subjects: about.attachment(about.group('ops'), 'ReadOnlyAccess') });
    // A name that merely starts like the deleted one is another thing.
    notifySuccess('User group admins2 created.', { subjects: [about.group('admins2')] });
    notifySuccess('User group admins deleted.', { subjects: [about.group('admins')] });
    expect(shown()).toEqual(['User group admins deleted.', 'User group admins2 created.', '1 policy attached to ops.']);
  });

  it('a note about a part leaves the note about the whole; a newer note about the same part replaces the older', () => {
    notifySuccess('User alice created.', { subjects: [about.user('alice')] });
    notifySuccess('Tags of alice saved.', { subjects: [about.part(about.user('alice'), 'tags')] });
    notifySuccess('Access key AKIA1 is now inactive.', { subjects: [about.accessKey('alice', 'AKIA1')] });
    notifySuccess('Access key AKIA1 deleted.', { subjects: [about.accessKey('alice', 'AKIA1')] });
    expect(shown()).toEqual(['Access key AKIA1 deleted.', 'Tags of alice saved.', 'User alice created.']);
    notifySuccess('User alice deleted.', { subjects: [about.user('alice')] });
    expect(shown()).toEqual(['User alice deleted.']);
  });

  it('a membership is part of the user and of the group; an attachment part of the principal and of the policy', () => {
    notifySuccess('alice added to admins.', { subjects: about.membership('admins', 'alice') });
    notifySuccess('User alice deleted.', { subjects: [about.user('alice')] });
    expect(shown()).toEqual(['User alice deleted.']);
    notifySuccess('1 policy attached to bob.', { subjects: about.attachment(about.user('bob'), 'Mine') });
    notifySuccess('Policy Mine deleted.', { subjects: [about.policy('Mine')] });
    expect(shown()).toEqual(['Policy Mine deleted.', 'User alice deleted.']);
  });

  it('an error about a thing replaces the success before it', () => {
    notifySuccess('Access key AKIA1 is now inactive.', { subjects: [about.accessKey('alice', 'AKIA1')] });
    notifySuccess('Account alias set to corp.', { subjects: [about.accountAlias] });
    notifyError('Could not change access key AKIA1', new Error('boom'), { subjects: [about.accessKey('alice', 'AKIA1')] });
    expect(currentNotifications().map((n) => n.type)).toEqual(['error', 'success']);
    expect(shown()[1]).toBe('Account alias set to corp.');
  });
});
