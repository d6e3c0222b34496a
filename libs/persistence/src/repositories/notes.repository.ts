import type { DataSource, EntityManager } from 'typeorm';
import type { MentionNoteView } from '@lp/domain';

interface NoteRow {
  id: string;
  mention_id: string;
  author_id: string | null;
  author_name: string | null;
  body: string;
  created_at: Date;
}

/** Internal notes on mentions: the team's own remarks, never sent to a platform. */
export class NotesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Undefined when the mention does not exist. */
  async add(
    note: { mentionId: string; authorId: string; body: string },
    manager?: EntityManager,
  ): Promise<MentionNoteView | undefined> {
    const rows: NoteRow[] = await (manager ?? this.dataSource).query(
      `WITH added AS (
         INSERT INTO mention_notes (mention_id, author_id, body)
         SELECT id, $2, $3 FROM mentions WHERE id = $1
         RETURNING *)
       SELECT added.*, u.name AS author_name FROM added LEFT JOIN users u ON u.id = added.author_id`,
      [note.mentionId, note.authorId, note.body],
    );
    return rows[0] ? toNoteView(rows[0]) : undefined;
  }

  /** Oldest first, as a conversation reads. */
  async list(mentionId: string): Promise<MentionNoteView[]> {
    const rows: NoteRow[] = await this.dataSource.query(
      `SELECT n.*, u.name AS author_name FROM mention_notes n LEFT JOIN users u ON u.id = n.author_id
       WHERE n.mention_id = $1 ORDER BY n.created_at, n.id`,
      [mentionId],
    );
    return rows.map(toNoteView);
  }
}

function toNoteView(row: NoteRow): MentionNoteView {
  return {
    id: row.id,
    mentionId: row.mention_id,
    authorId: row.author_id,
    authorName: row.author_name,
    body: row.body,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
