// The SQLite database of schema.prisma (Keystone's User list), made here: `keystone dev` would make it with
// `prisma db push`, whose schema engine Prisma downloads as a binary (not from npm), which this machine cannot.
// The same DDL Prisma writes for that model. Its path: DATABASE_URL (file:…).
import Database from 'better-sqlite3';

const db = new Database(process.env.DATABASE_URL.replace(/^file:/, ''));
db.exec(`
  CREATE TABLE IF NOT EXISTS "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "password" TEXT
  );
  CREATE UNIQUE INDEX IF NOT EXISTS "User_email_key" ON "User"("email");
`);
db.close();
