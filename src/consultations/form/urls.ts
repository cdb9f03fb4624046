/** The public addresses of a consultation and its form. */
export function consultationUrls(partnershipSlug: string, consultationSlug: string) {
  const base = `/p/${partnershipSlug}/${consultationSlug}`;
  return {
    hub: `/p/${partnershipSlug}`,
    page: base,
    privacy: `${base}#privacy`,
    question: (screenCode: string) => `${base}/questions/${screenCode}`,
    check: `${base}/check`,
    confirmation: `${base}/confirmation`,
    signIn: `/sign-in?next=${encodeURIComponent(base)}`,
  };
}
export type ConsultationUrls = ReturnType<typeof consultationUrls>;
