import type { Migration } from './index';

// Scanned pages (扫描件). Which pages a case has is its projection's `pages` (from the window's
// case.pagesAttached events, cases.state); the GIN index finds the cases that name a sha256,
// which is how an upload is tied to a case of the uploading device (events go first).
// page_blobs holds one row per stored blob, written only once its bytes are durable in the
// blob store, with the type and size read from those bytes.
export const m004: Migration = {
  version: 4,
  name: 'pages',
  sql: `
CREATE TABLE page_blobs (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  bytes integer NOT NULL CHECK (bytes > 0),
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  width integer NOT NULL,
  height integer NOT NULL,
  device_id uuid,
  stored_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_state_pages ON cases USING gin ((state->'pages') jsonb_path_ops);
`,
};
