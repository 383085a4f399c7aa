// typia's run-time helpers that typia-generated validators and our generated encoders call,
// re-exported with our own signatures: generated code imports them from `@herald/schemas/runtime`
// (never `typia/lib/internal`), the build bundles them, and the published declarations do not
// mention typia. The names stay typia's, so generated code maps one to one.
import type { IValidation } from '@typia/interface';

import { _accessExpressionAsString as accessExpressionAsString } from 'typia/lib/internal/_accessExpressionAsString';
import { _createStandardSchema as createStandardSchema } from 'typia/lib/internal/_createStandardSchema';
import { _isBetween as isBetween } from 'typia/lib/internal/_isBetween';
import { _isUniqueItems as isUniqueItems } from 'typia/lib/internal/_isUniqueItems';
import { _validateReport as validateReport } from 'typia/lib/internal/_validateReport';
import { _isFormatByte as isFormatByte } from 'typia/lib/internal/_isFormatByte';
import { _isFormatDate as isFormatDate } from 'typia/lib/internal/_isFormatDate';
import { _isFormatDateTime as isFormatDateTime } from 'typia/lib/internal/_isFormatDateTime';
import { _isFormatDuration as isFormatDuration } from 'typia/lib/internal/_isFormatDuration';
import { _isFormatEmail as isFormatEmail } from 'typia/lib/internal/_isFormatEmail';
import { _isFormatHostname as isFormatHostname } from 'typia/lib/internal/_isFormatHostname';
import { _isFormatIdnEmail as isFormatIdnEmail } from 'typia/lib/internal/_isFormatIdnEmail';
import { _isFormatIdnHostname as isFormatIdnHostname } from 'typia/lib/internal/_isFormatIdnHostname';
import { _isFormatIpv4 as isFormatIpv4 } from 'typia/lib/internal/_isFormatIpv4';
import { _isFormatIpv6 as isFormatIpv6 } from 'typia/lib/internal/_isFormatIpv6';
import { _isFormatIri as isFormatIri } from 'typia/lib/internal/_isFormatIri';
import { _isFormatIriReference as isFormatIriReference } from 'typia/lib/internal/_isFormatIriReference';
import { _isFormatJsonPointer as isFormatJsonPointer } from 'typia/lib/internal/_isFormatJsonPointer';
import { _isFormatPassword as isFormatPassword } from 'typia/lib/internal/_isFormatPassword';
import { _isFormatRegex as isFormatRegex } from 'typia/lib/internal/_isFormatRegex';
import { _isFormatRelativeJsonPointer as isFormatRelativeJsonPointer } from 'typia/lib/internal/_isFormatRelativeJsonPointer';
import { _isFormatTime as isFormatTime } from 'typia/lib/internal/_isFormatTime';
import { _isFormatUri as isFormatUri } from 'typia/lib/internal/_isFormatUri';
import { _isFormatUriReference as isFormatUriReference } from 'typia/lib/internal/_isFormatUriReference';
import { _isFormatUriTemplate as isFormatUriTemplate } from 'typia/lib/internal/_isFormatUriTemplate';
import { _isFormatUrl as isFormatUrl } from 'typia/lib/internal/_isFormatUrl';
import { _isFormatUuid as isFormatUuid } from 'typia/lib/internal/_isFormatUuid';
import { _isTypeFloat as isTypeFloat } from 'typia/lib/internal/_isTypeFloat';
import { _isTypeInt32 as isTypeInt32 } from 'typia/lib/internal/_isTypeInt32';
import { _isTypeInt64 as isTypeInt64 } from 'typia/lib/internal/_isTypeInt64';
import { _isTypeUint32 as isTypeUint32 } from 'typia/lib/internal/_isTypeUint32';
import { _isTypeUint64 as isTypeUint64 } from 'typia/lib/internal/_isTypeUint64';

/** Renders a property key as typia's access path segment (`.name` or `["odd key"]`). */
export const _accessExpressionAsString: (key: string) => string = accessExpressionAsString;
/** Wraps a generated `validate` function; the wrapper is also a Standard Schema. */
export const _createStandardSchema: <T>(fn: (input: unknown) => IValidation<T>) => (input: unknown) => IValidation<T> =
  createStandardSchema;
/** True when `value` lies in `[minimum, maximum]`. */
export const _isBetween: (value: number, minimum: number, maximum: number) => boolean = isBetween;
/** The `UniqueItems` tag's check. */
export const _isUniqueItems: (elements: unknown[]) => boolean = isUniqueItems as (elements: unknown[]) => boolean;
/** The reporter a generated `validate` collects its errors with. */
export const _validateReport: (
  errors: IValidation.IError[],
) => (exceptable: boolean, error: IValidation.IError) => false = validateReport;

/** The `Format<...>` tag's check for Byte. */
export const _isFormatByte: (text: string) => boolean = isFormatByte;
/** The `Format<...>` tag's check for Date. */
export const _isFormatDate: (text: string) => boolean = isFormatDate;
/** The `Format<...>` tag's check for DateTime. */
export const _isFormatDateTime: (text: string) => boolean = isFormatDateTime;
/** The `Format<...>` tag's check for Duration. */
export const _isFormatDuration: (text: string) => boolean = isFormatDuration;
/** The `Format<...>` tag's check for Email. */
export const _isFormatEmail: (text: string) => boolean = isFormatEmail;
/** The `Format<...>` tag's check for Hostname. */
export const _isFormatHostname: (text: string) => boolean = isFormatHostname;
/** The `Format<...>` tag's check for IdnEmail. */
export const _isFormatIdnEmail: (text: string) => boolean = isFormatIdnEmail;
/** The `Format<...>` tag's check for IdnHostname. */
export const _isFormatIdnHostname: (text: string) => boolean = isFormatIdnHostname;
/** The `Format<...>` tag's check for Ipv4. */
export const _isFormatIpv4: (text: string) => boolean = isFormatIpv4;
/** The `Format<...>` tag's check for Ipv6. */
export const _isFormatIpv6: (text: string) => boolean = isFormatIpv6;
/** The `Format<...>` tag's check for Iri. */
export const _isFormatIri: (text: string) => boolean = isFormatIri;
/** The `Format<...>` tag's check for IriReference. */
export const _isFormatIriReference: (text: string) => boolean = isFormatIriReference;
/** The `Format<...>` tag's check for JsonPointer. */
export const _isFormatJsonPointer: (text: string) => boolean = isFormatJsonPointer;
/** The `Format<...>` tag's check for Password. */
export const _isFormatPassword: (text: string) => boolean = isFormatPassword;
/** The `Format<...>` tag's check for Regex. */
export const _isFormatRegex: (text: string) => boolean = isFormatRegex;
/** The `Format<...>` tag's check for RelativeJsonPointer. */
export const _isFormatRelativeJsonPointer: (text: string) => boolean = isFormatRelativeJsonPointer;
/** The `Format<...>` tag's check for Time. */
export const _isFormatTime: (text: string) => boolean = isFormatTime;
/** The `Format<...>` tag's check for Uri. */
export const _isFormatUri: (text: string) => boolean = isFormatUri;
/** The `Format<...>` tag's check for UriReference. */
export const _isFormatUriReference: (text: string) => boolean = isFormatUriReference;
/** The `Format<...>` tag's check for UriTemplate. */
export const _isFormatUriTemplate: (text: string) => boolean = isFormatUriTemplate;
/** The `Format<...>` tag's check for Url. */
export const _isFormatUrl: (text: string) => boolean = isFormatUrl;
/** The `Format<...>` tag's check for Uuid. */
export const _isFormatUuid: (text: string) => boolean = isFormatUuid;
/** The `Type<'float'>` tag's check. */
export const _isTypeFloat: (value: number) => boolean = isTypeFloat;
/** The `Type<'int32'>` tag's check. */
export const _isTypeInt32: (value: number) => boolean = isTypeInt32;
/** The `Type<'int64'>` tag's check. */
export const _isTypeInt64: (value: number) => boolean = isTypeInt64;
/** The `Type<'uint32'>` tag's check. */
export const _isTypeUint32: (value: number) => boolean = isTypeUint32;
/** The `Type<'uint64'>` tag's check. */
export const _isTypeUint64: (value: number) => boolean = isTypeUint64;
