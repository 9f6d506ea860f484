/**
 * Content nobody on the team wrote: a company, an offering and a story with long Danish names,
 * written to the contract by hand. Every page must still build and read well on a phone.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../browser.ts';
import { page as readPage } from '../dist.ts';
import { astroBin, fixtureSite, runNode, withProjectCode } from '../helpers.ts';
import { serve, type Served } from '../serve.ts';

const LONG_COMPANY = 'Sydvestsjællands Socialøkonomiske Erhvervsværksted for Bæredygtig Møbelrestaurering og Genanvendelse ApS';
const LONG_OFFERING = 'Istandsættelse, ompolstring og genbrugsrådgivning for kommunale dagtilbudsinstitutioner og plejecentre';
const LONG_STORY = 'Da arbejdsmarkedsparathedsvurderingen endelig faldt på plads, fik Ærøskøbingboen Søren Østergård fast ansættelse';

let dist: string;
let server: Served;
let browser: Browser;

beforeAll(async () => {
  const site = await fixtureSite();
  await site.write(
    'src/content/companies/sydvestsjaellands-erhvervsvaerksted.md',
    `---\nname: "${LONG_COMPANY}"\nkind: social-economy\ncvr: "10000009"\nsummary: "Et værksted, der giver brugte institutionsmøbler nyt liv og ansætter medarbejdere på særlige vilkår i fleksjob og småjob."\naddress:\n  street: "Industrivej Sydvestsjællandsgårdens Erhvervspark 117B, 2. sal"\n  postalCode: "4270"\n  city: "Høng"\ncontact:\n  email: "kontaktogkundeservice.sydvestsjaellandserhvervsvaerksted@vaerksted-meget-langt-domaenenavn.example"\n  website: "https://www.sydvestsjaellands-socialoekonomiske-erhvervsvaerksted.example/om-os/kontakt"\ninclusion: [flexjob, small-jobs, internship, wage-subsidy, clarification, igu, partial-sick-leave, disability-support, volunteers]\n---\n\nUdviklingsbeskæftigelsesforløbsmedarbejderne arbejder side om side med møbelpolstrerne.\n`,
  );
  await site.write(
    'src/content/offerings/istandsaettelse-og-ompolstring.md',
    `---\ntitle: "${LONG_OFFERING}"\ncompany: sydvestsjaellands-erhvervsvaerksted\ntype: service\ncategory: genbrug\nsummary: "Vi henter, istandsætter og leverer institutionsmøbler tilbage – med dokumentation af genbrugsandelen til jeres bæredygtighedsrapportering."\naudiences: [businesses, public-sector, private]\ndeliveryArea: "Hele Region Sjælland inklusive småøerne Sejerø, Nekselø og Agersø"\nprice: "Efter tilbud; typisk 450-1.200 kr. pr. stol inklusive afhentning og levering"\ncircular: true\n---\n`,
  );
  await site.write(
    'src/content/stories/arbejdsmarkedsparathed.md',
    `---\ntitle: "${LONG_STORY}"\nlede: "Efter tre års afklaringsforløb, virksomhedspraktik og løntilskud er Søren Østergård nu fastansat – og hans kolleger i Sydvestsjællands Socialøkonomiske Erhvervsværksted kalder ham uundværlig."\npublished: 2026-05-31\ncompanies: [sydvestsjaellands-erhvervsvaerksted, havnens-smedie]\npillars: [1, 2, 3, 4, 5]\nesrs: [S1, S2, S3, S4]\nimage: ./images/vaerkstedet.jpg\nimageAlt: "En lyseblå flade"\nimageCredit: "Foto: Bent-Åge Kristoffersen-Møllebjerg, Sydvestsjællands Lokalaviser"\npeople:\n  - name: "Søren Østergård"\n    consent: 2026-05-01\n    consentRef: SAM-2026-101\n---\n\n»Beskæftigelsesindsatsen skal foregå ude i virksomhederne,« siger han.\n`,
  );
  await withProjectCode(site);
  const result = await runNode([astroBin, 'build', '--root', site.root], site.root);
  if (result.code !== 0) throw new Error(`astro build fejlede:\n${result.stdout}\n${result.stderr}`);
  dist = path.join(site.root, 'dist');
  server = await serve(dist);
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const ROUTES = [
  '/virksomheder/sydvestsjaellands-erhvervsvaerksted/',
  '/katalog/istandsaettelse-og-ompolstring/',
  '/historier/arbejdsmarkedsparathed/',
  '/virksomheder/',
  '/katalog/',
  '/historier/',
];

describe('content with long Danish names', () => {
  it('builds every page with the names as written', async () => {
    expect((await readPage('/virksomheder/sydvestsjaellands-erhvervsvaerksted/', dist))('h1').text()).toBe(LONG_COMPANY);
    expect((await readPage('/katalog/istandsaettelse-og-ompolstring/', dist))('h1').text()).toBe(LONG_OFFERING);
    expect((await readPage('/historier/arbejdsmarkedsparathed/', dist))('h1').text()).toBe(LONG_STORY);
    expect((await readPage('/virksomheder/sydvestsjaellands-erhvervsvaerksted/', dist))('#offerings').nextAll('ul').text()).toContain(LONG_OFFERING);
  });

  it.each(ROUTES)('%s reads on a 320 px phone: no sideways scrolling, the heading fits', async (route) => {
    const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
    await page.goto(`${server.origin}${route}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    const h1 = await page.locator('h1').boundingBox();
    expect(h1 && h1.x >= 0 && h1.x + h1.width <= 320).toBe(true);
    await page.close();
  });
});
