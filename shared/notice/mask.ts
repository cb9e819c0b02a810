// Masking of personal numbers printed on notices: the applicant takes the paper home and
// may leave it anywhere, so only enough digits to recognise the number are shown.

/** Resident ID (15 or 18 chars) and other personal document numbers: first 6 and last 4 kept. */
export function maskIdNumber(id: string): string {
  const s = id.trim().toUpperCase();
  if (s.length <= 10) return s.length <= 2 ? '*'.repeat(s.length) : `${s[0]}${'*'.repeat(s.length - 2)}${s[s.length - 1]}`;
  return `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
}

/** Phone numbers: mobile 138****5678; landlines keep the area code part and last 4. */
export function maskPhone(phone: string): string {
  const s = phone.trim();
  const digits = s.replace(/\D/g, '');
  if (digits.length < 7) return s;
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${digits.slice(0, digits.length - 8)}****${digits.slice(-4)}`;
}
