// The date values IAM's policy parser accepts in Date conditions when it saves a policy. A value with a "t" or
// a "-" is read as an ISO 8601 date and time, field by field with their ranges; anything else must be epoch
// seconds that fit a signed 64-bit number. Moto's IAM policy validator models these rules after real AWS's
// answers (tests/test_iam/test_iam_policies.py); what it refuses, IAM answers "The policy failed legacy parsing".

const INTEGER = /^[+-]?\d+$/;
const MAX_EPOCH = 9_223_372_036_854_775_807n;

function intIn(text: string, min: number, max: number): boolean {
  if (!INTEGER.test(text)) return false;
  const value = Number(text);
  return value >= min && value <= max;
}

function acceptsDatePart(text: string): boolean {
  const negative = text.startsWith('-');
  const fields = (negative ? text.slice(1) : text).split('-');
  if (fields.length > 3) return false;
  const [year, month, day] = fields as [string, string | undefined, string | undefined];
  if (!intIn(negative ? `-${year}` : year, -292_275_054, 292_278_993)) return false;
  if (month !== undefined && !intIn(month, 1, 12)) return false;
  return day === undefined || intIn(day, 1, 31);
}

/** "+hh" or "+hh:mm" after the seconds. */
function acceptsOffset(text: string): boolean {
  const [hours, minutes] = text.split(/:(.*)/s) as [string, string | undefined];
  if (hours.length !== 2 || !intIn(hours, 0, 23)) return false;
  return minutes === undefined || (minutes.length === 2 && intIn(minutes, 0, 59));
}

function acceptsSeconds(text: string): boolean {
  let seconds = text;
  if (text.includes('z')) {
    const [before, after] = text.split(/z(.*)/s) as [string, string];
    if (after !== '') return false;
    seconds = before;
  } else if (text.includes('+')) {
    const [before, offset] = text.split(/\+(.*)/s) as [string, string];
    if (!acceptsOffset(offset)) return false;
    seconds = before;
  }
  const [whole, fraction] = seconds.split(/\.(.*)/s) as [string, string | undefined];
  if (!intIn(whole, 0, 59)) return false;
  return fraction === undefined || intIn(fraction, 0, 999_999_999);
}

function acceptsTimePart(text: string): boolean {
  const [hours, minutes, seconds] = text.split(':') as [string, string | undefined, string | undefined];
  if (hours !== '' && !intIn(hours, 0, 23)) return false;
  if (minutes !== undefined && !intIn(minutes, 0, 59)) return false;
  return seconds === undefined || acceptsSeconds(seconds);
}

export function iamAcceptsDate(value: string): boolean {
  const text = value.toLowerCase();
  if (text.includes('t') || text.includes('-')) {
    const at = text.indexOf('t');
    const date = at < 0 ? text : text.slice(0, at);
    const time = at < 0 ? '' : text.slice(at + 1);
    return acceptsDatePart(date) && acceptsTimePart(time);
  }
  if (!/^\+?\d+$/.test(text)) return false;
  return BigInt(text) <= MAX_EPOCH;
}
