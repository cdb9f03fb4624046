/**
 * Who can see a respondent's answers, said on the pages of the form. A public survey is answered without a name;
 * a members' survey is answered by name (signed in or through a personal link), and staff can see who said what.
 */
export function whoSeesAnswers(audiences: readonly string[], partnershipName: string): string {
  return audiences.includes('public')
    ? 'Your answers are anonymous unless you choose to tell us who you are.'
    : `Your answers are linked to your name. The community safety team (analysts and administrators of ${partnershipName}) can see who answered and what they said; published results do not name anyone.`;
}
