/** The process `seedDemoApart` starts: the demo seeded on the database of DATABASE_URL. */
import { openDatabase, DEFAULT_DATABASE_URL } from '../platform/db/database.ts';
import { seedDemoHere } from './demo-seed-apart.ts';

const handle = openDatabase(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
try {
  await seedDemoHere(handle);
} finally {
  await handle.close();
}
