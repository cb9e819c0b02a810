// The wall of a practice database: its outbox and its page queue drop every insert and the
// staging cursor follows every new event, so no practice event or scan is ever queued or
// waiting for upload.
import type { Db } from './db';

export function buildPracticeWall(db: Db): void {
  db.exec(`CREATE TRIGGER IF NOT EXISTS practice_outbox_wall BEFORE INSERT ON outbox BEGIN SELECT RAISE(IGNORE); END;
    CREATE TRIGGER IF NOT EXISTS practice_staging_wall AFTER INSERT ON case_events BEGIN UPDATE outbox_cursor SET staged_through = NEW.rowid; END;
    CREATE TRIGGER IF NOT EXISTS practice_page_upload_wall BEFORE INSERT ON page_uploads BEGIN SELECT RAISE(IGNORE); END;`);
}
