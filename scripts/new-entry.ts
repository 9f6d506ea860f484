/**
 * `npm run new -- <collection> "<title>"`: scaffolds an entry that passes `npm run check`.
 * Example: npm run new -- stories "Nyt cykelværksted i Høng"
 */
import { COLLECTIONS } from '../src/schemas/index.ts';
import { ScaffoldError, scaffold } from '../src/lib/scaffold/index.ts';

const [collection, ...words] = process.argv.slice(2);
const title = words.join(' ');
if (!collection || !title) {
  console.error(
    `Brug: npm run new -- <samling> "<titel>"\nSamlinger: ${Object.keys(COLLECTIONS).join(', ')}\nEksempel: npm run new -- stories "Nyt cykelværksted i Høng"`,
  );
  process.exit(1);
}
try {
  const { file } = await scaffold(process.cwd(), collection, title);
  console.log(`Oprettet: ${file}\nUdfyld felterne (se kommentarerne), og kør \`npm run check\`.`);
} catch (error) {
  if (!(error instanceof ScaffoldError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
