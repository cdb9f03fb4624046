/** The demo partnership: real Coventry ward names and plan themes (from the partnership's December 2024 scrutiny note); no invented figures. */
export const DEMO_PARTNERSHIP = {
  name: 'Coventry Community Safety Partnership',
  areaCode: 'E08000026',
  branding: {
    colour: '#1d4f91',
    footerText: 'Demo partnership: a Coventry-like CSP built from public data. Anything synthetic is labelled demo data.',
  },
};

export const COVENTRY_WARDS = [
  'Bablake',
  'Binley and Willenhall',
  'Cheylesmore',
  'Earlsdon',
  'Foleshill',
  'Henley',
  'Holbrook',
  'Longford',
  'Lower Stoke',
  'Radford',
  'Sherbourne',
  "St Michael's",
  'Upper Stoke',
  'Wainbody',
  'Westwood',
  'Whoberley',
  'Woodlands',
  'Wyken',
];

/** In the plan's order. Each id gives the members' survey its rating row code: public-place -> theme_public_place. */
export const PLAN_THEMES = [
  {
    id: 'offending',
    title: 'Reduction of offending, re-offending and serious organised crime',
    summary: 'The offender: preventing offending and re-offending and disrupting serious organised crime.',
  },
  {
    id: 'public-place',
    title: 'Public place safety and reassurance',
    summary: 'The place: safer streets, parks and the city centre by day and after dark.',
  },
  {
    id: 'exploitation',
    title: 'Tackling exploitation and protecting victims of crime',
    summary: 'The victim: protecting vulnerable people from exploitation and supporting victims.',
  },
];

export const DEMO_USERS = [
  { email: 'admin@saferplan.demo', name: 'Demo Administrator', role: 'admin' as const },
  { email: 'analyst@saferplan.demo', name: 'Demo Analyst', role: 'analyst' as const },
];
/** Shown in the README and printed on first start; for the demo only. */
export const DEMO_PASSWORD = 'saferplan-demo-2024';
