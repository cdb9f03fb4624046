/** Crime Survey answers with a comment, valid for buildResponses (the survey's required questions answered). */
export const withComment = (feel_safer: string | undefined, ward?: string) => ({
  ...(ward ? { ward } : {}),
  safe_day: 'very_safe',
  safe_dark: 'a_bit_unsafe',
  safe_centre_day: 'fairly_safe',
  safe_centre_dark: 'very_unsafe',
  ...(feel_safer === undefined ? {} : { feel_safer }),
});
