/**
 * Every UI string on the site, in Danish. Components take their text from here so that an
 * English edition can follow by adding `en.ts` with the same keys.
 */
export const da = {
  lang: 'da',
  skipLink: 'Gå til sidens indhold',
  nav: {
    label: 'Hovedmenu',
    catalogue: 'Katalog',
    companies: 'Virksomheder',
    stories: 'Historier',
    prize: 'CSR-prisen',
    guidance: 'For virksomheder',
    events: 'Arrangementer',
  },
  search: { label: 'Søg på sitet', button: 'Søg', placeholder: 'Fx frokost, genbrug eller fleksjob' },
  footer: {
    contactHeading: 'Kontakt om socialøkonomi',
    accessibility: 'Tilgængelighedserklæring',
    noCookies: 'Sitet sætter ingen cookies og sporer ingen.',
    exampleContent: 'Indholdet er eksempelindhold, der skal erstattes med kommunens egne oplysninger.',
  },
  home: {
    overviewHeading: 'Det finder du her',
    exampleNotice:
      'Alle virksomheder, personer, historier og tal på dette site er opdigtede eksempler. Erstat dem med rigtigt indhold, før sitet tages i brug.',
  },
  collections: {
    companies: 'Virksomheder',
    offerings: 'Varer og ydelser i kataloget',
    categories: 'Kategorier',
    stories: 'Historier',
    prizes: 'Årgange af CSR-prisen',
    'prize-criteria': 'Kriterier for CSR-prisen',
    partnerships: 'Partnerskaber',
    schemes: 'Ordninger for arbejdsgivere',
    events: 'Arrangementer',
    pages: 'Sider',
  },
  companyKinds: { 'social-economy': 'Socialøkonomisk virksomhed', private: 'Privat virksomhed', public: 'Offentlig arbejdsplads' },
  audiences: { businesses: 'Virksomheder', 'public-sector': 'Offentlige indkøbere', private: 'Privatpersoner' },
  inclusion: {
    flexjob: 'Fleksjob',
    'small-jobs': 'Småjob',
    internship: 'Virksomhedspraktik',
    'wage-subsidy': 'Løntilskud',
    clarification: 'Afklaringsforløb',
    igu: 'IGU',
    'partial-sick-leave': 'Delvis raskmelding',
    'disability-support': 'Kompensation ved handicap',
    volunteers: 'Frivillige',
  },
  eventKinds: { 'dialogue-meeting': 'Dialogmøde', 'prize-ceremony': 'Prisuddeling', network: 'Netværksmøde', other: 'Arrangement' },
  pillars: {
    1: 'Stærkere kobling mellem socialøkonomiske og private virksomheder',
    2: 'Større kommunal anerkendelse af socialt medansvar og rummelighed',
    3: 'Større promovering af de socialt ansvarlige og rummelige virksomheder',
    4: 'Rummelighed og socialt medansvar er for alle typer virksomheder',
    5: 'Tydelig dialog og klare aftaler med alle typer virksomheder',
  },
} as const;

export type Dictionary = typeof da;
export const t = da;
