// Virtual MFA devices (RFC 6238 TOTP: SHA-1, 6 digits, 30 s): creation with a Base32 seed and a QR code,
// enabling for a user with two consecutive codes, resync, deactivation, deletion, and code verification for
// STS (GetSessionToken / AssumeRole). Accepted time steps are remembered per device so a code is not replayed.
import { randomBytes } from 'node:crypto';
import { HOTP, Secret } from 'otpauth';
import QRCode from 'qrcode';
import type { Db } from './db.ts';
import { IamError } from '../errors.ts';
import { isoSeconds } from './names.ts';
import { accountDisplayName, accountIdOf } from './account.ts';
import type { CredentialOwner } from './credential-owner.ts';
import { dropTags, putTags, type Tag } from './tags.ts';

export const MFA_DEVICES_PER_USER = 8;
/** Resource type of MFA device tags in iam_tags (resource id = serial number). */
export const MFA_TAG_RESOURCE = 'mfa';
const PERIOD_SECONDS = 30;
const DIGITS = 6;
const ISSUER = 'Amazon Web Services';
/** Time steps either side of "now" a single code may come from (clock drift, AWS allows about one step). */
const VERIFY_WINDOW = 1;
/**
 * How far back and ahead EnableMFADevice looks for the pair of consecutive codes: a person types code 1, waits
 * for code 2 and submits, so code 1 is often two or three steps old by the time it arrives.
 */
const ENABLE_WINDOW = 3;
/** ResyncMFADevice exists for drifted clocks: search much further (±10 minutes). */
const RESYNC_WINDOW = 20;

export interface VirtualMfaDevice {
  serialNumber: string;
  /** RFC 3548 Base32, as AWS returns it in Base32StringSeed. */
  base32Seed: string;
  /** `otpauth://totp/…` URI the QR code encodes. */
  otpauthUri: string;
  qrCodePng: Buffer;
  createDate: Date;
}

export interface MfaDeviceRow {
  serialNumber: string;
  name: string;
  path: string;
  createDate: Date;
  enableDate: Date | undefined;
  assignedTo: 'root' | 'user' | undefined;
  userId: string | undefined;
}

interface DbRow {
  serial_number: string;
  name: string;
  path: string;
  base32_seed: string;
  create_date: string;
  assigned_to: 'root' | 'user' | null;
  user_id: string | null;
  enable_date: string | null;
  last_counter: number;
}

export function mfaSerialNumber(accountId: string, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:mfa${path}${name}`;
}

/** The URI an authenticator app reads: label `Amazon Web Services:<device name>@<account alias or id>`. */
export function otpauthUri(deviceName: string, accountName: string, base32Seed: string): string {
  const issuer = encodeURIComponent(ISSUER);
  return `otpauth://totp/${issuer}:${encodeURIComponent(`${deviceName}@${accountName}`)}?secret=${base32Seed}&issuer=${issuer}`;
}

function readDevice(db: Db, serialNumber: string): DbRow | undefined {
  return db.prepare('SELECT * FROM iam_mfa_devices WHERE serial_number = ?').get(serialNumber) as DbRow | undefined;
}

function toRow(row: DbRow): MfaDeviceRow {
  return {
    serialNumber: row.serial_number,
    name: row.name,
    path: row.path,
    createDate: new Date(row.create_date),
    enableDate: row.enable_date ? new Date(row.enable_date) : undefined,
    assignedTo: row.assigned_to ?? undefined,
    userId: row.user_id ?? undefined,
  };
}

export interface NewVirtualMfaDevice {
  name: string;
  path: string;
  now: Date;
  /** Seeding only: a fixed Base32 seed so a demo identity's codes are known. */
  base32Seed?: string;
  /** Tags of the device (resource type `mfa`, keyed by serial number). */
  tags?: readonly Tag[];
}

export interface RegisteredMfaDevice {
  serialNumber: string;
  base32Seed: string;
  otpauthUri: string;
  createDate: Date;
}

/** Stores a new virtual device (synchronous; no QR code): EntityAlreadyExists for a taken path+name. */
export function registerVirtualMfaDevice(db: Db, input: NewVirtualMfaDevice): RegisteredMfaDevice {
  const serialNumber = mfaSerialNumber(accountIdOf(db), input.path, input.name);
  const base32Seed = input.base32Seed ?? new Secret({ buffer: Uint8Array.from(randomBytes(40)).buffer }).base32;
  const createDate = isoSeconds(input.now);
  db.transaction(() => {
    const inserted = db
      .prepare('INSERT OR IGNORE INTO iam_mfa_devices (serial_number, name, path, base32_seed, create_date) VALUES (?, ?, ?, ?, ?)')
      .run(serialNumber, input.name, input.path, base32Seed, createDate);
    if (inserted.changes === 0) throw new IamError('EntityAlreadyExists', 'MFA device already exists.');
    putTags(db, MFA_TAG_RESOURCE, serialNumber, input.tags ?? []);
  })();
  return { serialNumber, base32Seed, otpauthUri: otpauthUri(input.name, accountDisplayName(db), base32Seed), createDate: new Date(createDate) };
}

/** CreateVirtualMFADevice: registers the device and renders the QR code PNG of its otpauth URI. */
export async function createVirtualMfaDevice(db: Db, input: NewVirtualMfaDevice): Promise<VirtualMfaDevice> {
  const device = registerVirtualMfaDevice(db, input);
  const qrCodePng = await QRCode.toBuffer(device.otpauthUri, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 4 });
  return { ...device, qrCodePng };
}

function noSuchDevice(serialNumber: string): IamError {
  return new IamError('NoSuchEntity', `MFA Device with serial number ${serialNumber} does not exist.`);
}

/** The serial number of an existing virtual MFA device (assigned or not); NoSuchEntity otherwise. */
export function requireVirtualMfaDevice(db: Db, serialNumber: string): string {
  if (!readDevice(db, serialNumber)) throw noSuchDevice(serialNumber);
  return serialNumber;
}

function invalidCode(): IamError {
  return new IamError('InvalidAuthenticationCode', 'Authentication code for device is not valid.');
}

function stepOf(time: Date): number {
  return Math.floor(time.getTime() / 1000 / PERIOD_SECONDS);
}

function codeAt(base32Seed: string, counter: number): string {
  return HOTP.generate({ secret: Secret.fromBase32(base32Seed), algorithm: 'SHA1', digits: DIGITS, counter });
}

/** The TOTP code of a seed at a time (tests and the demo seed use it to act as the authenticator app). */
export function totpCode(base32Seed: string, time: Date): string {
  return codeAt(base32Seed, stepOf(time));
}

/**
 * The time step of `code2` when `code1`, `code2` are consecutive codes around `now` (± `window` steps) and
 * newer than `notBefore`; undefined otherwise.
 */
function consecutiveStep(seed: string, code1: string, code2: string, now: Date, window: number, notBefore: number): number | undefined {
  const current = stepOf(now);
  for (let step = current - window; step <= current + window; step++) {
    if (step <= notBefore) continue;
    if (codeAt(seed, step) === code1 && codeAt(seed, step + 1) === code2) return step + 1;
  }
  return undefined;
}

function ownerMatches(row: DbRow, owner: CredentialOwner): boolean {
  return owner.kind === 'root' ? row.assigned_to === 'root' : row.assigned_to === 'user' && row.user_id === owner.userId;
}

/** EnableMFADevice: assigns the device to `owner` once two consecutive codes prove possession. */
export function enableMfaDevice(db: Db, owner: CredentialOwner, serialNumber: string, code1: string, code2: string, now: Date): void {
  db.transaction(() => {
    const row = readDevice(db, serialNumber);
    if (!row) throw noSuchDevice(serialNumber);
    if (row.assigned_to !== null) throw new IamError('EntityAlreadyExists', 'MFA Device is already in use.');
    if (owner.kind === 'user') {
      const count = db.prepare("SELECT count(*) FROM iam_mfa_devices WHERE assigned_to = 'user' AND user_id = ?").pluck().get(owner.userId) as number;
      if (count >= MFA_DEVICES_PER_USER) throw new IamError('LimitExceeded', `Cannot exceed quota for MFADevicesPerUser: ${MFA_DEVICES_PER_USER}`);
    }
    const step = consecutiveStep(row.base32_seed, code1, code2, now, ENABLE_WINDOW, row.last_counter);
    if (step === undefined) throw invalidCode();
    assign(db, owner, serialNumber, now, step);
  })();
}

function assign(db: Db, owner: CredentialOwner, serialNumber: string, enableDate: Date, lastCounter: number): void {
  db.prepare('UPDATE iam_mfa_devices SET assigned_to = ?, user_id = ?, enable_date = ?, last_counter = ? WHERE serial_number = ?').run(
    owner.kind,
    owner.kind === 'user' ? owner.userId : null,
    isoSeconds(enableDate),
    lastCounter,
    serialNumber,
  );
}

/**
 * Assigns a device without codes: for seeding and for the root user's console-only enrollment (AWS offers no
 * API for root MFA). Refuses a device already in use.
 */
export function assignMfaDevice(db: Db, owner: CredentialOwner, serialNumber: string, enableDate: Date): void {
  db.transaction(() => {
    const row = readDevice(db, serialNumber);
    if (!row) throw noSuchDevice(serialNumber);
    if (row.assigned_to !== null) throw new IamError('EntityAlreadyExists', 'MFA Device is already in use.');
    assign(db, owner, serialNumber, enableDate, 0);
  })();
}

function requireOwnedDevice(db: Db, owner: CredentialOwner, serialNumber: string): DbRow {
  const row = readDevice(db, serialNumber);
  if (!row || !ownerMatches(row, owner)) {
    throw new IamError('NoSuchEntity', `MFA Device with serial number ${serialNumber} does not exist.`);
  }
  return row;
}

/** DeactivateMFADevice: unassigns the device from its owner; the virtual device itself remains. */
export function deactivateMfaDevice(db: Db, owner: CredentialOwner, serialNumber: string): void {
  db.transaction(() => {
    requireOwnedDevice(db, owner, serialNumber);
    db.prepare('UPDATE iam_mfa_devices SET assigned_to = NULL, user_id = NULL, enable_date = NULL WHERE serial_number = ?').run(serialNumber);
  })();
}

/** ResyncMFADevice: two consecutive codes from a drifted device, searched over a wider window. */
export function resyncMfaDevice(db: Db, owner: CredentialOwner, serialNumber: string, code1: string, code2: string, now: Date): void {
  db.transaction(() => {
    const row = requireOwnedDevice(db, owner, serialNumber);
    const step = consecutiveStep(row.base32_seed, code1, code2, now, RESYNC_WINDOW, -1);
    if (step === undefined) throw invalidCode();
    db.prepare('UPDATE iam_mfa_devices SET last_counter = ? WHERE serial_number = ?').run(step, serialNumber);
  })();
}

/** DeleteVirtualMFADevice: refused while the device is assigned. */
export function deleteVirtualMfaDevice(db: Db, serialNumber: string): void {
  db.transaction(() => {
    const row = readDevice(db, serialNumber);
    if (!row) throw noSuchDevice(serialNumber);
    if (row.assigned_to !== null) throw new IamError('DeleteConflict', 'MFA device is still in use.');
    db.prepare('DELETE FROM iam_mfa_devices WHERE serial_number = ?').run(serialNumber);
    dropTags(db, MFA_TAG_RESOURCE, serialNumber);
  })();
}

/** ListMFADevices: the owner's enabled devices, oldest enablement first. */
export function listMfaDevices(db: Db, owner: CredentialOwner): MfaDeviceRow[] {
  const rows =
    owner.kind === 'root'
      ? (db.prepare("SELECT * FROM iam_mfa_devices WHERE assigned_to = 'root' ORDER BY enable_date, serial_number").all() as DbRow[])
      : (db.prepare("SELECT * FROM iam_mfa_devices WHERE assigned_to = 'user' AND user_id = ? ORDER BY enable_date, serial_number").all(owner.userId) as DbRow[]);
  return rows.map(toRow);
}

export type AssignmentStatus = 'Assigned' | 'Unassigned' | 'Any';

/** ListVirtualMFADevices, ordered by serial number. */
export function listVirtualMfaDevices(db: Db, status: AssignmentStatus): MfaDeviceRow[] {
  const where = status === 'Assigned' ? 'WHERE assigned_to IS NOT NULL' : status === 'Unassigned' ? 'WHERE assigned_to IS NULL' : '';
  return (db.prepare(`SELECT * FROM iam_mfa_devices ${where} ORDER BY serial_number`).all() as DbRow[]).map(toRow);
}

export interface VerifyMfaOptions {
  /** When given, the device must be assigned to this IAM user (STS calls by an IAM user). */
  userName?: string | undefined;
  /** When true, the device must be the root user's. */
  root?: boolean | undefined;
}

/**
 * Checks a TOTP code for STS (GetSessionToken / AssumeRole SerialNumber + TokenCode): the device must be enabled
 * (and the caller's, when said), the code valid within ±1 step, and newer than the last accepted code.
 */
export function verifyMfaCode(db: Db, serialNumber: string, code: string, now: Date, options: VerifyMfaOptions = {}): boolean {
  return db.transaction((): boolean => {
    const row = db
      .prepare('SELECT d.*, u.name AS user_name FROM iam_mfa_devices d LEFT JOIN iam_users u ON u.id = d.user_id WHERE d.serial_number = ?')
      .get(serialNumber) as (DbRow & { user_name: string | null }) | undefined;
    if (!row || row.assigned_to === null) return false;
    if (options.root && row.assigned_to !== 'root') return false;
    if (options.userName !== undefined && (row.user_name === null || row.user_name.toLowerCase() !== options.userName.toLowerCase())) return false;
    const current = stepOf(now);
    for (let step = current - VERIFY_WINDOW; step <= current + VERIFY_WINDOW; step++) {
      if (step <= row.last_counter) continue;
      if (codeAt(row.base32_seed, step) === code) {
        db.prepare('UPDATE iam_mfa_devices SET last_counter = ? WHERE serial_number = ?').run(step, serialNumber);
        return true;
      }
    }
    return false;
  })();
}

/** The serial numbers of the IAM user's enabled devices (the BFF's "MFA required" check uses ListMFADevices). */
export function userHasMfa(db: Db, userId: string): boolean {
  return db.prepare("SELECT 1 FROM iam_mfa_devices WHERE assigned_to = 'user' AND user_id = ? LIMIT 1").get(userId) !== undefined;
}
