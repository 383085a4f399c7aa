// The `IsoDateTime` tag's check as typia inlines it into validators: the RFC 3339 regular expression
// (digits guaranteed at 0-3, 5-6 and 8-9) and the calendar rule reading those digits with charCodeAt
// (`code - 48` is the digit): no substrings, no capturing groups. It is a value here, not only a
// type, so the code generator can recognise it and write `isRfc3339(x)` (./rfc3339.ts, the same
// verdict, several times faster) into encoders instead. test/rfc3339.test.ts compares the two.
export const ISO_DATE_TIME_VALIDATE =
  '/^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,9})?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)$/.test($input) && ((y, m, d) => d <= (m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : 30 + ((m + (m >> 3)) & 1)))(($input.charCodeAt(0) - 48) * 1000 + ($input.charCodeAt(1) - 48) * 100 + ($input.charCodeAt(2) - 48) * 10 + $input.charCodeAt(3) - 48, ($input.charCodeAt(5) - 48) * 10 + $input.charCodeAt(6) - 48, ($input.charCodeAt(8) - 48) * 10 + $input.charCodeAt(9) - 48)';
