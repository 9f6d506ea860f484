/**
 * The Danish names and help texts editors see for every collection and field: in the comments the
 * scaffolder (`npm run new`) writes into a new file, and in the browser CMS at /admin/ (issue 13),
 * whose configuration is generated from the schemas. One table, so the two never disagree.
 *
 * Written for editors, not developers: plain Danish, no field keys, no `true`/`false`. What only a
 * hand-written file needs (the values to type for a choice, a date's format, "write the file
 * name") the scaffolder adds after the hint. Limits are the schemas' own; `test/unit/hints.test.ts`
 * fails when a field is missing here, a path names no field, or a limit differs.
 */
import { site } from '../site.config.ts';
import type { CollectionName } from './shared.ts';

export interface FieldHint {
  /** What the editor sees as the field's name in the CMS, Danish, short: "Overskrift", "CVR-nummer". */
  label: string;
  /** One line of help under the field, Danish: limits, format, examples, what it is used for. Optional only where the label says it all. */
  hint?: string;
}

export interface CollectionHint {
  /** Plural Danish name in the CMS menu, e.g. "Historier". */
  label: string;
  /** Singular, e.g. "Historie". */
  singular: string;
  /** One sentence on what the collection is, shown at the top of the list. */
  description: string;
}

export const COLLECTION_HINTS: Record<CollectionName, CollectionHint> = {
  companies: {
    label: 'Virksomheder',
    singular: 'Virksomhed',
    description:
      'Oversigten over virksomheder: socialøkonomiske virksomheder, private virksomheder og offentlige arbejdspladser, der har plads til flere.',
  },
  offerings: {
    label: 'Varer og ydelser',
    singular: 'Vare eller ydelse',
    description:
      'Det fælles katalog: hvad de socialøkonomiske virksomheder sælger til virksomheder, offentlige indkøbere og privatpersoner.',
  },
  categories: {
    label: 'Kategorier',
    singular: 'Kategori',
    description: 'Katalogets kategorier; hver vare eller ydelse hører til én af dem.',
  },
  stories: {
    label: 'Historier',
    singular: 'Historie',
    description:
      'Succeshistorier til webstedet og de lokale medier. Alle, der nævnes, citeres eller kan genkendes på et billede, skal have givet skriftligt samtykke.',
  },
  prizes: {
    label: `${site.prizeName}: årgange`,
    singular: 'Årgang',
    description: `Én årgang af ${site.prizeName}: de nominerede med deres point, vinderne og juryens begrundelse.`,
  },
  'prize-criteria': {
    label: 'Priskriterier',
    singular: 'Priskriterium',
    description: `Kriterierne, juryen giver point efter i ${site.prizeName}; vægtene skal give 100 tilsammen.`,
  },
  partnerships: {
    label: 'Partnerskaber',
    singular: 'Partnerskab',
    description:
      'Partnerskaber og netværk mellem mindst to virksomheder; virksomhedernes sider viser selv, hvilke de er med i.',
  },
  schemes: {
    label: 'Ordninger',
    singular: 'Ordning',
    description:
      'Beskæftigelsesordninger (fleksjob, løntilskud, virksomhedspraktik …) forklaret for arbejdsgivere i vejledningen for virksomheder.',
  },
  events: {
    label: 'Arrangementer',
    singular: 'Arrangement',
    description: 'Dialogmøder, prisoverrækkelser, netværksmøder og andre arrangementer, kommende og tidligere.',
  },
  pages: {
    label: 'Sider',
    singular: 'Side',
    description: 'Frie sider med deres egen adresse, fx strategien, indkøb og tilgængelighedserklæringen.',
  },
  texts: {
    label: 'Sidetekster',
    singular: 'Sidetekst',
    description:
      'Teksten på de faste sider (forsiden, »Bliv vist«, mærket, pressesiden …); filens navn siger, hvilken side den hører til.',
  },
  'self-check-questions': {
    label: 'Selvtjek: spørgsmål',
    singular: 'Spørgsmål',
    description: `Spørgsmålene i virksomhedernes selvtjek, i den rækkefølge de vises; hvert tæller med i ét af kriterierne for ${site.prizeName}.`,
  },
  'self-check-stages': {
    label: 'Selvtjek: trin',
    singular: 'Trin',
    description:
      'Trinene, en virksomhed kan nå i selvtjekket, med næste skridt; det første trin starter ved 0 point, og hvert af de næste højere.',
  },
};

const SLUG_HINT = 'små bogstaver a–z, tal og bindestreg (æ→ae, ø→oe, å→aa)';

const redirectFrom: FieldHint = {
  label: 'Gamle adresser',
  hint: `Tidligere filnavne, der skal føre hertil, når filen er omdøbt: ${SLUG_HINT}.`,
};

const summary = (what: string, max: number): FieldHint => ({
  label: 'Kort beskrivelse',
  hint: `Én eller to sætninger om ${what}, højst ${max} tegn. Vises i lister, søgeresultater og delingskort.`,
});

const IMAGE_FILE = 'JPEG, PNG, WebP eller AVIF (ikke SVG), højst 10 MB, uden GPS-position';

const imageAlt: FieldHint = {
  label: 'Billedbeskrivelse',
  hint: 'Hvad billedet viser, til dem der ikke kan se det, højst 200 tegn. Skal udfyldes, når der er et billede.',
};

const pillars = (what: string, atLeastOne: boolean): FieldHint => ({
  label: 'Pejlemærker',
  hint: `Hvilke af strategiens fem pejlemærker (1–5) ${what}${atLeastOne ? ': mindst ét,' : ','} hvert kun én gang.`,
});

/**
 * Per collection, per field path: "title", "address.street", "people.consent" (fields of objects
 * inside a list use the list's name, no index), "body" for the Markdown body of folder collections.
 * A folder collection's `body` hint is also the text a scaffolded file starts with.
 */
export const FIELD_HINTS: Record<CollectionName, Record<string, FieldHint>> = {
  companies: {
    name: { label: 'Navn', hint: 'Virksomhedens navn, som det skal stå på webstedet, 2–120 tegn.' },
    kind: {
      label: 'Type',
      hint: 'Socialøkonomisk virksomhed, privat virksomhed eller offentlig arbejdsplads. Kun socialøkonomiske virksomheder kan sælge i kataloget.',
    },
    cvr: {
      label: 'CVR-nummer',
      hint: '8 cifre fra virk.dk; kontrolcifret tjekkes (modulus 11). Skal udfyldes, undtagen for offentlige arbejdspladser.',
    },
    summary: summary('virksomheden', 200),
    address: { label: 'Adresse', hint: 'Hvor virksomheden ligger.' },
    'address.street': { label: 'Gade og nummer', hint: 'Fx »Vejnavn 1«, højst 120 tegn.' },
    'address.postalCode': { label: 'Postnummer', hint: '4 cifre, fx 4400.' },
    'address.city': { label: 'By', hint: 'Byen, højst 60 tegn.' },
    contact: { label: 'Kontakt', hint: 'Mindst én måde at komme i kontakt på: hjemmeside, e-mail eller telefon.' },
    'contact.website': { label: 'Hjemmeside', hint: 'Den fulde adresse, der begynder med https://.' },
    'contact.email': { label: 'E-mail', hint: 'Fx kontakt@virksomhed.dk.' },
    'contact.phone': {
      label: 'Telefon',
      hint: 'Et dansk nummer med 8 cifre, gerne med +45 foran, fx +45 59 53 44 00.',
    },
    registrations: {
      label: 'Registreringer',
      hint: 'Det, en indkøber kan tjekke: registreringen som socialøkonomisk virksomhed og kommunens mærke.',
    },
    'registrations.rsv': {
      label: 'Registreret socialøkonomisk virksomhed siden',
      hint: 'Datoen, virksomheden blev registreret socialøkonomisk virksomhed (RSV); ikke i fremtiden.',
    },
    'registrations.socialMark': {
      label: `Mærket »${site.mark.name}«`,
      hint: 'Året, virksomheden fik kommunens mærke; ikke i fremtiden. Fjern det, når virksomheden ikke længere har mærket.',
    },
    inclusion: {
      label: 'Rummelighed',
      hint: 'Hvordan virksomheden har plads til flere, fx fleksjob, småjob, virksomhedspraktik eller løntilskud; hver kun én gang.',
    },
    employees: { label: 'Antal medarbejdere', hint: 'Et helt tal, 0 eller flere.' },
    founded: { label: 'Grundlagt', hint: 'Årstallet, fx 2018; ikke i fremtiden.' },
    logo: { label: 'Logo', hint: `Virksomhedens logo: ${IMAGE_FILE}.` },
    logoAlt: {
      label: 'Beskrivelse af logoet',
      hint: 'Hvad logoet viser, til skærmlæsere, højst 200 tegn. Skal udfyldes, når der er et logo.',
    },
    redirectFrom,
    body: {
      label: 'Præsentation',
      hint: 'Skriv her en længere præsentation af virksomheden: hvad den laver, og hvordan den arbejder med rummelighed.',
    },
  },

  offerings: {
    title: { label: 'Navn', hint: 'Hvad der sælges, fx »Frokostordning til møder«, højst 120 tegn.' },
    company: {
      label: 'Virksomhed',
      hint: 'Den socialøkonomiske virksomhed, der sælger det. Kun socialøkonomiske virksomheder kan stå i kataloget.',
    },
    type: { label: 'Vare eller ydelse', hint: 'Er det en vare eller en ydelse?' },
    category: { label: 'Kategori', hint: 'Den kategori i kataloget, det hører til.' },
    summary: summary('varen eller ydelsen', 200),
    audiences: {
      label: 'Målgrupper',
      hint: 'Hvem det passer til: virksomheder, offentlige indkøbere, privatpersoner. Mindst én, hver kun én gang.',
    },
    deliveryArea: {
      label: 'Leveringsområde',
      hint: `Hvor der leveres, med jeres egne ord, fx »${site.municipality}« eller »Hele Sjælland«, højst 120 tegn. Vises på siden.`,
    },
    deliversTo: {
      label: 'Leverer til',
      hint: 'Hvor der leveres, til katalogets filter »Leverer til«: hele kommunen eller udvalgte byer, ikke begge. Uden det står varen under leverandørens egen by.',
    },
    'deliversTo.municipality': {
      label: 'Hele kommunen',
      hint: `Leverer i hele ${site.municipality}. Så skal byerne ikke udfyldes.`,
    },
    'deliversTo.towns': {
      label: 'Byer',
      hint: `Leverer kun i disse byer (mindst én, hver kun én gang): ${site.towns.join(', ')}.`,
    },
    price: { label: 'Pris', hint: 'Fri tekst, fx »fra 85 kr. pr. kuvert«, højst 120 tegn.' },
    circular: { label: 'Cirkulær', hint: 'Er det genbrug, reparation eller upcycling?' },
    image: { label: 'Billede', hint: `Et foto af varen eller ydelsen: ${IMAGE_FILE}.` },
    imageAlt,
    redirectFrom,
    body: {
      label: 'Detaljer',
      hint: 'Skriv her flere detaljer: hvad der indgår, kapacitet, bestilling og levering.',
    },
  },

  categories: {
    id: {
      label: 'Id',
      hint: `Kategoriens navn i adressen /katalog/kategori/…/: ${SLUG_HINT}. Varer og ydelser henviser til kategorien med det.`,
    },
    name: { label: 'Navn', hint: 'Navnet, som besøgende ser, højst 80 tegn.' },
    description: { label: 'Beskrivelse', hint: 'Én sætning om, hvad der hører til i kategorien, højst 300 tegn.' },
  },

  stories: {
    title: { label: 'Overskrift', hint: 'Historiens overskrift, højst 120 tegn.' },
    lede: {
      label: 'Indledning',
      hint: 'Det vigtigste i én til tre sætninger, højst 300 tegn. Medier og delingskort bruger den.',
    },
    published: { label: 'Udgivet', hint: 'Udgivelsesdatoen.' },
    updated: { label: 'Opdateret', hint: 'Dato for seneste væsentlige ændring; ikke før udgivelsesdatoen.' },
    companies: {
      label: 'Virksomheder',
      hint: 'De virksomheder, historien handler om: mindst én, hver kun én gang.',
    },
    pillars: pillars('historien viser', true),
    esrs: {
      label: 'ESRS-emner',
      hint: 'De sociale emner i EU’s bæredygtighedsrapportering (ESRS), historien dokumenterer: S1 Egen arbejdsstyrke, S2 Arbejdstagere i værdikæden, S3 Berørte lokalsamfund, S4 Forbrugere og slutbrugere.',
    },
    image: {
      label: 'Foto',
      hint: `Historiens foto: ${IMAGE_FILE}. Alle, der kan genkendes på det, skal stå under »Personer med samtykke«.`,
    },
    imageAlt: {
      label: 'Billedbeskrivelse',
      hint: 'Hvad billedet viser, til dem der ikke kan se det, højst 200 tegn. Et barn under 18 nævnes kun ved fornavn.',
    },
    imageCredit: { label: 'Fotograf', hint: 'Hvem der har taget fotoet, fx »Foto: Jens Jensen«, højst 120 tegn.' },
    imageLicense: {
      label: 'Brug af fotoet',
      hint: 'Hvordan medier må bruge fotoet, højst 200 tegn. Uden det gælder webstedets almindelige regel for pressefotos.',
    },
    people: {
      label: 'Personer med samtykke',
      hint: 'Vigtigt: Alle, der nævnes ved navn, citeres eller kan genkendes på et billede, skal stå her med deres skriftlige samtykke. Selve samtykkeerklæringen må aldrig lægges her, kun journalnummeret.',
    },
    'people.name': {
      label: 'Navn',
      hint: 'Navnet, som det står i historien, højst 120 tegn. Et barn under 18 nævnes kun ved ét fornavn, også i resten af historien.',
    },
    'people.consent': {
      label: 'Dato for skriftligt samtykke',
      hint: 'Den dag, personen gav skriftligt samtykke (skrev under på erklæringen). Aldrig en dato i fremtiden.',
    },
    'people.consentRef': {
      label: 'Journalnummer for samtykket',
      hint: 'Hvor den underskrevne samtykkeerklæring er arkiveret i kommunens journal, fx SAM-2026-014, højst 60 tegn. Erklæringen selv må aldrig lægges her.',
    },
    'people.minor': {
      label: 'Under 18 år',
      hint: 'Er personen under 18, skal forældres eller værges samtykke også have et journalnummer, og personen nævnes kun ved ét fornavn.',
    },
    'people.guardianConsentRef': {
      label: 'Journalnummer for forældres eller værges samtykke',
      hint: 'SKAL udfyldes for en person under 18: hvor forældres eller værges underskrevne samtykke er arkiveret, fx SAM-2026-015, højst 60 tegn.',
    },
    consentWithdrawn: {
      label: 'Samtykke trukket tilbage',
      hint: 'Kun hvis en person trækker sit samtykke tilbage: den dag, det skete. Så afpubliceres historien: den forsvinder fra lister, søgning og feeds, og adressen viser kun, at den er trukket tilbage. Slet ikke historien.',
    },
    redirectFrom,
    draft: {
      label: 'Kladde',
      hint: 'En kladde vises kun i forhåndsvisningen, aldrig på det offentlige websted.',
    },
    body: {
      label: 'Historien',
      hint: 'Skriv selve historien her. Citér kun personer, der står under »Personer med samtykke«.',
    },
  },

  prizes: {
    year: { label: 'År', hint: 'Årgangens år, det samme som filnavnet, fx 2026 (2000–2100).' },
    ceremony: { label: 'Prisoverrækkelse', hint: 'Dagen for prisoverrækkelsen.' },
    nomination: {
      label: 'Indstilling',
      hint: 'Hvornår man kan indstille virksomheder til årgangen. Så længe det er udfyldt, må nominerede og vindere mangle.',
    },
    'nomination.opens': { label: 'Åbner', hint: 'Første dag, man kan indstille.' },
    'nomination.deadline': {
      label: 'Frist',
      hint: 'Sidste dag, man kan indstille: ikke før første dag og senest dagen for prisoverrækkelsen.',
    },
    award: { label: 'Præmie', hint: 'Hvad vinderen får, i en eller to sætninger, højst 300 tegn.' },
    nominees: {
      label: 'Nominerede',
      hint: 'Hver nomineret virksomhed med point for hvert kriterium. Må kun mangle, mens der er åbent for indstilling.',
    },
    'nominees.company': { label: 'Virksomhed', hint: 'Den nominerede virksomhed.' },
    'nominees.scores': {
      label: 'Point',
      hint: 'Et helt tal 0–5 for hvert af prisens kriterier, og ingen andre.',
    },
    winners: {
      label: 'Vindere',
      hint: 'Vinderen eller vinderne; hver skal stå blandt de nominerede. Tom, indtil juryen har besluttet.',
    },
    jury: {
      label: 'Jury',
      hint: 'Juryens medlemmer, ét pr. linje, fx »Anne Holm, formand for Unge- og Beskæftigelsesudvalget«, højst 200 tegn hver.',
    },
    story: { label: 'Historie', hint: 'En historie om årets pris.' },
    body: { label: 'Juryens begrundelse', hint: 'Skriv juryens begrundelse her.' },
  },

  'prize-criteria': {
    id: {
      label: 'Id',
      hint: `Kriteriets korte navn: ${SLUG_HINT}. De nominerede får point under det, og selvtjekkets spørgsmål henviser til det.`,
    },
    title: { label: 'Navn', hint: 'Kriteriets korte navn, højst 120 tegn.' },
    description: { label: 'Beskrivelse', hint: 'Hvad juryen ser efter, højst 600 tegn.' },
    weight: {
      label: 'Vægt',
      hint: 'Vægten i procent, et helt tal 1–100. Alle kriteriers vægte skal give 100 tilsammen.',
    },
  },

  partnerships: {
    title: { label: 'Navn', hint: 'Partnerskabets navn, højst 120 tegn.' },
    summary: summary('formålet', 200),
    members: {
      label: 'Medlemmer',
      hint: 'Mindst to forskellige virksomheder, hver kun én gang. Virksomhedernes sider viser selv partnerskabet.',
    },
    since: { label: 'Startdato', hint: 'Den dag, partnerskabet begyndte.' },
    status: { label: 'Status', hint: 'Er partnerskabet aktivt eller afsluttet?' },
    pillars: pillars('partnerskabet tjener', false),
    redirectFrom,
    body: { label: 'Tekst', hint: 'Skriv her, hvad partnerskabet gør, og hvad det har opnået.' },
  },

  schemes: {
    title: { label: 'Navn', hint: 'Ordningens navn, fx »Fleksjob«, højst 120 tegn.' },
    summary: summary('ordningen', 300),
    forWhom: { label: 'For hvem', hint: 'Hvem ordningen er for, højst 300 tegn.' },
    legalBasis: {
      label: 'Lovgrundlag',
      hint: 'Link til loven eller den officielle side, der begynder med https://.',
    },
    order: { label: 'Rækkefølge', hint: 'Et helt tal; ordningerne vises med det laveste først.' },
    inclusion: {
      label: 'Forklarer rummelighed',
      hint: 'Hvilke af virksomhedernes former for rummelighed siden forklarer, fx fleksjob; virksomhedssiderne linker hertil.',
    },
    redirectFrom,
    body: {
      label: 'Tekst',
      hint: 'Skriv her: hvem ordningen er for, hvad virksomheden får, hvordan man kommer i gang, og kilden (lovgrundlaget).',
    },
  },

  events: {
    title: { label: 'Navn', hint: 'Arrangementets navn, højst 120 tegn.' },
    start: { label: 'Starter', hint: 'Dato og klokkeslæt i dansk tid.' },
    end: { label: 'Slutter', hint: 'Dato og klokkeslæt i dansk tid, efter starten.' },
    location: { label: 'Sted', hint: 'Sted og adresse, højst 200 tegn.' },
    kind: { label: 'Slags', hint: 'Dialogmøde, prisoverrækkelse, netværksmøde eller andet arrangement.' },
    summary: summary('arrangementet', 300),
    registration: {
      label: 'Tilmelding',
      hint: 'Kun hvis man skal tilmelde sig: en formular, en e-mailadresse eller begge. Uden det må teksten ikke bede om tilmelding.',
    },
    'registration.url': {
      label: 'Tilmeldingsformular',
      hint: 'Adressen på formularen, der begynder med https://.',
    },
    'registration.email': {
      label: 'E-mail til tilmelding',
      hint: '»Tilmeld dig« åbner en mail til denne adresse med arrangementets navn som emne.',
    },
    'registration.deadline': {
      label: 'Tilmeldingsfrist',
      hint: 'Sidste dag for tilmelding, senest den dag, arrangementet begynder.',
    },
    redirectFrom,
    body: { label: 'Tekst', hint: 'Skriv her program, tilmelding og praktiske oplysninger.' },
  },

  pages: {
    title: { label: 'Overskrift', hint: 'Sidens overskrift, højst 120 tegn.' },
    summary: {
      label: 'Kort beskrivelse',
      hint: 'Én eller to sætninger om siden, højst 300 tegn. Vises i søgeresultater og delingskort.',
    },
    contact: {
      label: 'Kontakt nederst',
      hint: 'En af kommunens kontakter, der vises nederst på siden: indkøb, jobcentrets virksomhedsservice eller pressen.',
    },
    redirectFrom,
    body: { label: 'Tekst', hint: 'Skriv sidens tekst her.' },
  },

  texts: {
    title: { label: 'Overskrift', hint: 'Sidens overskrift, højst 120 tegn.' },
    summary: {
      label: 'Kort beskrivelse',
      hint: 'Én eller to sætninger under overskriften, højst 300 tegn. Vises også i søgeresultater og delingskort.',
    },
    body: {
      label: 'Tekst',
      hint: 'Skriv sidens tekst her. Den står under overskriften; resten af siden (lister, kontakt) bygges af indholdet.',
    },
  },

  'self-check-questions': {
    id: { label: 'Id', hint: `Spørgsmålets korte navn: ${SLUG_HINT}.` },
    criterion: { label: 'Priskriterium', hint: 'Det af prisens kriterier, svaret tæller med i.' },
    question: { label: 'Spørgsmål', hint: 'Fx »Har I medarbejdere ansat på særlige vilkår?«, højst 200 tegn.' },
    help: { label: 'Forklaring', hint: 'En linje under spørgsmålet, der forklarer det, højst 300 tegn.' },
    answers: {
      label: 'Svarmuligheder',
      hint: 'Mindst to og højst seks svar, hvert med sine point; to svar må ikke have samme tekst.',
    },
    'answers.label': { label: 'Svar', hint: 'Fx »Ja, vi har én eller flere«, højst 160 tegn.' },
    'answers.points': { label: 'Point', hint: 'Et helt tal 0–5, som juryens skala.' },
  },

  'self-check-stages': {
    id: { label: 'Id', hint: `Trinets korte navn: ${SLUG_HINT}.` },
    title: { label: 'Navn', hint: 'Trinets navn, fx »På vej«, højst 60 tegn.' },
    from: {
      label: 'Fra point',
      hint: 'Den laveste samlede score 0–100, der giver trinet. Det første trin starter ved 0, og hvert trin starter højere end det forrige.',
    },
    description: {
      label: 'Beskrivelse',
      hint: 'Hvor en virksomhed på dette trin står, i én eller to sætninger, højst 400 tegn.',
    },
    nextSteps: {
      label: 'Næste skridt',
      hint: 'Hvad virksomheden kan gøre nu, ét skridt pr. linje: mindst ét, højst 300 tegn hver.',
    },
    schemes: {
      label: 'Ordninger',
      hint: 'Ordninger, der passer til en virksomhed på dette trin, hver kun én gang.',
    },
    pillars: {
      label: 'Pejlemærker',
      hint: 'Historier om disse pejlemærker (1–5) vises som andres erfaringer; uden dem de nyeste historier. Hvert kun én gang.',
    },
  },
};
